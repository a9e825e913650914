package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// serveReal serves h with the production http.Server settings on loopback.
func serveReal(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(h, discardLogger())
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

func TestAnOversizedHeaderIsAnswered431(t *testing.T) {
	base := serveReal(t, newRig(t, rigConfig(sealingKey(t, 1)), nil).h)
	req, _ := http.NewRequest("GET", base+"/", nil)
	req.Header.Set("X-Padding", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a 64 KiB header: %d, want 431", resp.StatusCode)
	}
}

func TestTheAPIIsRateLimitedPerClient(t *testing.T) {
	cfg := rigConfig(sealingKey(t, 1))
	cfg.Limits.RequestsPerMinute, cfg.Limits.Burst = 6, 3
	cfg.Server.TrustedProxies = []string{"10.0.0.0/8"}
	r := newRig(t, cfg, nil)
	begin := func(peer string, xff string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", ceremony.PathRegisterBegin, strings.NewReader(`{"kind":"platform"}`))
		req.Header.Set("Content-Type", "application/json")
		req.RemoteAddr = peer
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		w := httptest.NewRecorder()
		r.h.ServeHTTP(w, req)
		return w
	}
	for i := range 3 {
		if w := begin("192.0.2.1:1", ""); w.Code != http.StatusOK {
			t.Fatalf("request %d within the burst: %d %s", i, w.Code, w.Body)
		}
	}
	w := begin("192.0.2.1:2", "")
	if w.Code != http.StatusTooManyRequests || codeOf(w) != ceremony.CodeRateLimited || w.Header().Get("Retry-After") != "10" {
		t.Fatalf("past the burst: %d %s Retry-After %q", w.Code, w.Body, w.Header().Get("Retry-After"))
	}
	if w.Header().Get("Content-Security-Policy") == "" {
		t.Error("a 429 lacks the security headers")
	}
	// A forged X-Forwarded-For from a direct client changes nothing.
	if w := begin("192.0.2.1:3", "203.0.113.99"); w.Code != http.StatusTooManyRequests {
		t.Errorf("a direct client escaped its limit with X-Forwarded-For: %d", w.Code)
	}
	// Two clients behind the same trusted proxy have a bucket each.
	for _, client := range []string{"198.51.100.1", "198.51.100.2"} {
		if w := begin("10.0.0.5:1", "203.0.113.99, "+client); w.Code != http.StatusOK {
			t.Errorf("client %s behind the proxy: %d", client, w.Code)
		}
	}
	// The page and the probes are never limited.
	for _, path := range []string{"/", "/healthz", "/web/app.css"} {
		req := httptest.NewRequest("GET", path, nil)
		req.RemoteAddr = "192.0.2.1:4"
		w := httptest.NewRecorder()
		r.h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s from a limited client: %d", path, w.Code)
		}
	}
}

// A phone on a slow link downloads the multi-MB app.wasm for longer than
// the read and header timeouts; only the generous write timeout bounds it.
func TestASlowWasmDownloadOutlivesTheReadTimeouts(t *testing.T) {
	srv := newHTTPServer(nil, discardLogger())
	if srv.WriteTimeout < 4*srv.ReadTimeout {
		t.Errorf("WriteTimeout %v is not well above ReadTimeout %v", srv.WriteTimeout, srv.ReadTimeout)
	}
	// 2.6 MB of brotli app.wasm at 128 kbit/s (a poor 3G link) is ~160 s.
	const wasmBytes, slowLinkBytesPerSecond = 2_600_000, 16_000
	if need := wasmBytes / slowLinkBytesPerSecond; srv.WriteTimeout.Seconds() < float64(need) {
		t.Errorf("WriteTimeout %v is shorter than a %ds download on a slow link", srv.WriteTimeout, need)
	}
	if srv.IdleTimeout == 0 || srv.ReadHeaderTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("an unbounded server: %+v", srv)
	}
	// And the download itself streams through the guards untouched.
	base := serveReal(t, newRig(t, rigConfig(sealingKey(t, 1)), nil).h)
	req, _ := http.NewRequestWithContext(context.Background(), "GET", base+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || n != resp.ContentLength {
		t.Errorf("app.wasm: %d, %d of %d bytes, %v", resp.StatusCode, n, resp.ContentLength, err)
	}
}
