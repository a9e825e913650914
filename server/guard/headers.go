package guard

import (
	"net/http"
	"strconv"
	"strings"
)

// APIPrefix is the path prefix of the ceremony API. Its answers are never
// stored by a cache and its failures are coded JSON.
const APIPrefix = "/api/"

// hstsMaxAge is two years, the value the HSTS preload list asks for.
// includeSubDomains is left out on purpose: the page often runs on one host
// of a company domain whose other hosts are not ours to pin.
// Source: https://hstspreload.org/#deployment-recommendations
const hstsMaxAge = 2 * 365 * 24 * 60 * 60

// Headers sets the security headers on every response. embedders are the
// origins allowed to show the page in an iframe, besides the page itself.
//
// The CSP allows scripts from this origin only, plus WebAssembly compilation
// ('wasm-unsafe-eval'), and no inline script or style: components use
// classes, never style attributes. It is a header, not a meta element,
// because frame-ancestors is ignored in a meta element.
// Source: https://www.w3.org/TR/CSP3/#grammardef-wasm-unsafe-eval ;
// https://www.w3.org/TR/CSP3/#directive-frame-ancestors
//
// The Permissions-Policy lets WebAuthn run in the page and in frames of the
// configured embedders only; an embedding portal must also delegate it with
// allow="publickey-credentials-get *; publickey-credentials-create *".
// Source: https://www.w3.org/TR/webauthn-3/#sctn-permissions-policy
//
// Cross-Origin-Opener-Policy is unsafe-none, said out loud so that no proxy
// default replaces it: a portal may open the page with window.open and the
// page reports back through window.opener.postMessage. Any other value,
// same-origin-allow-popups included, puts a page opened by a cross-origin
// opener in a new browsing context group, and window.opener becomes null.
// Source: https://html.spec.whatwg.org/multipage/browsers.html#check-browsing-context-group-switch-coop-value
//
// HSTS is sent only on TLS connections: over plain HTTP it is ignored, and
// behind a TLS-terminating proxy the proxy owns it.
// Source: https://www.rfc-editor.org/rfc/rfc6797#section-7.2
func Headers(embedders []string, next http.Handler) http.Handler {
	always := SecurityHeaders(embedders)
	hsts := "max-age=" + strconv.Itoa(hstsMaxAge)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range always {
			h.Set(k, v[0])
		}
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", hsts)
		}
		if strings.HasPrefix(r.URL.Path, APIPrefix) {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(&charsetWriter{ResponseWriter: w}, r)
	})
}

// SecurityHeaders are the headers every response carries whatever the
// request: the CSP, the Permissions-Policy, Referrer-Policy, nosniff and
// COOP. A static export hands them to the host (site.Options.StaticHeaders).
func SecurityHeaders(embedders []string) http.Header {
	embedders = cleanOrigins(embedders)
	return http.Header{
		"Content-Security-Policy":    {ContentSecurityPolicy(embedders)},
		"Permissions-Policy":         {PermissionsPolicy(embedders)},
		"Referrer-Policy":            {"no-referrer"},
		"X-Content-Type-Options":     {"nosniff"},
		"Cross-Origin-Opener-Policy": {"unsafe-none"},
	}
}

// ContentSecurityPolicy is the page's CSP with frame-ancestors 'self' plus
// embedders.
func ContentSecurityPolicy(embedders []string) string {
	ancestors := strings.Join(append([]string{"'self'"}, embedders...), " ")
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors
}

// PermissionsPolicy delegates the two WebAuthn features to self and
// embedders, in the structured-header syntax: publickey-credentials-get=(self
// "https://portal.example").
// Source: https://w3c.github.io/webappsec-permissions-policy/#structured-header-serialization
func PermissionsPolicy(embedders []string) string {
	list := "self"
	for _, o := range embedders {
		list += ` "` + o + `"`
	}
	return "publickey-credentials-get=(" + list + "), publickey-credentials-create=(" + list + ")"
}

// cleanOrigins drops a trailing slash and anything that could break out of
// a header's syntax. Configuration validates origins already; this keeps
// the headers well-formed whoever calls.
func cleanOrigins(origins []string) []string {
	var out []string
	for _, o := range origins {
		o = strings.TrimSuffix(o, "/")
		if o == "" || strings.ContainsAny(o, "\"';, \t\r\n") {
			continue
		}
		out = append(out, o)
	}
	return out
}
