package guard

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

func get(h http.Handler, path, remote string, xff ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", path, nil)
	r.RemoteAddr = remote
	for _, v := range xff {
		r.Header.Add("X-Forwarded-For", v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestRateLimitAnswers429WithRetryAfterPastTheBurst(t *testing.T) {
	c := &clock{t: time.Unix(1e9, 0)}
	l := NewRateLimit(RateLimitOptions{PerMinute: 60, Burst: 3, Now: c.Now})
	h := l.Wrap("/api/", ok)
	for i := range 3 {
		if w := get(h, "/api/x", "192.0.2.1:1000"); w.Code != http.StatusNoContent {
			t.Fatalf("request %d: %d", i, w.Code)
		}
	}
	w := get(h, "/api/x", "192.0.2.1:1001")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") != "1" ||
		!strings.Contains(w.Body.String(), `"code":"rate-limited"`) || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("past the burst: %d Retry-After %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	if w := get(h, "/api/x", "192.0.2.2:1000"); w.Code != http.StatusNoContent {
		t.Errorf("another client was limited too: %d", w.Code)
	}
	if w := get(h, "/web/app.wasm", "192.0.2.1:1000"); w.Code != http.StatusNoContent {
		t.Errorf("a path outside /api/ was limited: %d", w.Code)
	}
	c.Advance(time.Second)
	if w := get(h, "/api/x", "192.0.2.1:1000"); w.Code != http.StatusNoContent {
		t.Errorf("a refilled token was refused: %d", w.Code)
	}
}

func TestRateLimitForgetsTheLeastRecentlySeenClient(t *testing.T) {
	l := NewRateLimit(RateLimitOptions{PerMinute: 60, Burst: 1, MaxClients: 2})
	h := l.Wrap("/", ok)
	for _, ip := range []string{"192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"} {
		get(h, "/", ip+":1")
	}
	if l.Len() != 2 {
		t.Errorf("remembers %d clients, want 2", l.Len())
	}
}

func TestClientKeys(t *testing.T) {
	trusted, err := NewClients([]string{"10.0.0.0/8", "2001:db8:ffff::/48"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		clients Clients
		remote  string
		xff     []string
		want    string
	}{
		{"a direct client is its address", trusted, "192.0.2.7:5555", nil, "192.0.2.7"},
		{"a direct client's X-Forwarded-For is ignored", trusted, "192.0.2.7:5555", []string{"198.51.100.1"}, "192.0.2.7"},
		{"without trusted proxies X-Forwarded-For is ignored", Clients{}, "10.1.1.1:5555", []string{"198.51.100.1"}, "10.1.1.1"},
		{"behind a trusted proxy the client is the last hop", trusted, "10.1.1.1:5555", []string{"198.51.100.1"}, "198.51.100.1"},
		{"a forged left-most hop is not believed", trusted, "10.1.1.1:5555", []string{"203.0.113.66, 198.51.100.1"}, "198.51.100.1"},
		{"trusted hops are skipped from the right", trusted, "10.1.1.1:5555", []string{"198.51.100.1, 10.2.2.2", "10.3.3.3"}, "198.51.100.1"},
		{"all hops trusted gives the left-most", trusted, "10.1.1.1:5555", []string{"10.9.9.9, 10.2.2.2"}, "10.9.9.9"},
		{"garbage stops at the last believed hop", trusted, "10.1.1.1:5555", []string{"198.51.100.1, not-an-ip"}, "10.1.1.1"},
		{"no X-Forwarded-For from a proxy is the proxy", trusted, "10.1.1.1:5555", nil, "10.1.1.1"},
		{"an IPv6 client is keyed by its /64", trusted, "[2001:db8:1:2:3:4:5:6]:443", nil, "2001:db8:1:2::/64"},
		{"an IPv4-mapped address is IPv4", trusted, "[::ffff:192.0.2.7]:443", nil, "192.0.2.7"},
		{"a trusted IPv6 proxy forwards", trusted, "[2001:db8:ffff::1]:443", []string{"[2001:db8:aaaa:1::9]:1234"}, "2001:db8:aaaa:1::/64"},
		{"an unparseable peer is one shared key", trusted, "pipe", nil, "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = tt.remote
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := tt.clients.Key(r); got != tt.want {
				t.Errorf("Key = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestABadTrustedProxyIsAnError(t *testing.T) {
	if _, err := NewClients([]string{"10.0.0.1"}); err == nil {
		t.Error("NewClients(10.0.0.1) = nil error, want one: not a CIDR")
	}
}

func TestInFlightAnswers503PastTheCap(t *testing.T) {
	f := NewInFlight(2)
	release := make(chan struct{})
	entered := make(chan struct{})
	slow := f.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	}))
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { get(slow, "/api/x", "192.0.2.1:1") })
		<-entered
	}
	w := get(slow, "/api/x", "192.0.2.1:1")
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), `"code":"overloaded"`) {
		t.Errorf("past the cap: %d Retry-After %q %s", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	close(release)
	wg.Wait()
	done := f.Wrap(ok)
	if w := get(done, "/api/x", "192.0.2.1:1"); w.Code != http.StatusNoContent {
		t.Errorf("after the others finished: %d", w.Code)
	}
}

func TestErrorLogScrubsAddresses(t *testing.T) {
	var buf bytes.Buffer
	l := ErrorLog(slog.New(slog.NewTextHandler(&buf, nil)))
	l.Printf("http: TLS handshake error from 203.0.113.7:51234: EOF")
	l.Printf("http2: error reading preface from client [2001:db8::1%%eth0]:443: bogus")
	for _, leak := range []string{"203.0.113.7", "2001:db8"} {
		if strings.Contains(buf.String(), leak) {
			t.Errorf("log has %q: %s", leak, buf.String())
		}
	}
	if strings.Count(buf.String(), "[address]") != 2 {
		t.Errorf("log = %s, want two [address]", buf.String())
	}
}
