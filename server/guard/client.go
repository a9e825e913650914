package guard

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Clients tells clients apart for the rate limiter. A client is its
// address as the server sees it, unless the direct peer is a trusted proxy:
// then it is the right-most address in X-Forwarded-For that is not itself a
// trusted proxy. Every proxy appends the address it received from, so
// everything left of the right-most untrusted hop may be forged by the
// client and is never believed.
// Source: https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Forwarded-For#selecting_an_ip_address
//
// IPv6 clients are keyed by their /64: one home or phone usually holds a
// whole /64 and could otherwise take a fresh address per request.
// Source: https://www.rfc-editor.org/rfc/rfc6177 (end sites get /48 to /64)
type Clients struct {
	trusted []netip.Prefix
}

// NewClients parses the trusted proxies' CIDRs (config server.trustedProxies).
func NewClients(trustedProxies []string) (Clients, error) {
	var c Clients
	for _, s := range trustedProxies {
		p, err := netip.ParsePrefix(strings.TrimSpace(s))
		if err != nil {
			return Clients{}, fmt.Errorf("trusted proxy %q: %w", s, err)
		}
		c.trusted = append(c.trusted, p.Masked())
	}
	return c, nil
}

// Key is the rate-limit key of r's client. It is for the limiter's map
// only and is never logged.
func (c Clients) Key(r *http.Request) string {
	addr, ok := c.Addr(r)
	if !ok {
		return "unknown"
	}
	if addr.Is6() {
		p, _ := addr.Prefix(64)
		return p.String()
	}
	return addr.String()
}

// Addr is r's client address, and false when r has no parseable peer
// (which a real listener always gives).
func (c Clients) Addr(r *http.Request) (netip.Addr, bool) {
	peer, ok := parseAddr(r.RemoteAddr)
	if !ok {
		return netip.Addr{}, false
	}
	if !c.isTrusted(peer) {
		return peer, true
	}
	hops := forwardedFor(r.Header)
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		hop, ok := parseAddr(hops[i])
		if !ok {
			// Garbage where a trusted proxy should have written an
			// address: stop at the last hop that was believed.
			return client, true
		}
		client = hop
		if !c.isTrusted(hop) {
			return hop, true
		}
	}
	return client, true
}

func (c Clients) isTrusted(a netip.Addr) bool {
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedFor lists every X-Forwarded-For hop, across repeated headers,
// in order.
func forwardedFor(h http.Header) []string {
	var hops []string
	for _, v := range h.Values("X-Forwarded-For") {
		for _, hop := range strings.Split(v, ",") {
			if hop = strings.TrimSpace(hop); hop != "" {
				hops = append(hops, hop)
			}
		}
	}
	return hops
}

// parseAddr reads "ip", "ip:port" or "[ipv6]:port", unmapping IPv4-in-IPv6.
func parseAddr(s string) (netip.Addr, bool) {
	if host, _, err := net.SplitHostPort(s); err == nil {
		s = host
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}
