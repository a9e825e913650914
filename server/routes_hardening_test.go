package main

import (
	"crypto/tls"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
)

// everyRoute is a request to each route the server has, and to a few it
// has not.
var everyRoute = []struct{ method, path string }{
	{"GET", "/"}, {"HEAD", "/"}, {"GET", "/agent"}, {"GET", "/no-such-page"}, {"POST", "/"},
	{"GET", "/healthz"}, {"GET", "/livez"}, {"GET", "/metrics"},
	{"GET", "/robots.txt"}, {"GET", "/sitemap.xml"}, {"GET", "/ads.txt"},
	{"GET", "/app.js"}, {"GET", "/goapp.js"}, {"GET", "/app-worker.js"}, {"GET", "/app.css"},
	{"GET", "/manifest.webmanifest"}, {"GET", "/manifest.json"}, {"GET", "/wasm_exec.js"}, {"GET", "/app.wasm"},
	{"GET", "/web/app.css"}, {"GET", "/web/app.wasm"}, {"GET", "/web/icon.svg"}, {"GET", "/web/icon-192.png"}, {"GET", "/web/nope"},
	{"POST", ceremony.PathRegisterBegin}, {"POST", ceremony.PathRegisterFinish},
	{"POST", ceremony.PathLoginBegin}, {"POST", ceremony.PathLoginFinish},
	{"POST", api.PathDiagnosis}, {"GET", ceremony.PathLoginBegin}, {"POST", "/api/nope"},
}

func TestEveryRouteHasTheSecurityHeadersAndNoCookie(t *testing.T) {
	embedder := "https://portal.example"
	cfg := rigConfig(sealingKey(t, 1))
	cfg.Embedding.AllowedOrigins = []string{embedder}
	r := newRig(t, cfg, nil)
	for _, overTLS := range []bool{false, true} {
		for _, rt := range everyRoute {
			req := httptest.NewRequest(rt.method, rt.path, strings.NewReader(`{"kind":"platform"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Cookie", "session=from-some-other-app")
			if overTLS {
				req.TLS = &tls.ConnectionState{}
			}
			w := httptest.NewRecorder()
			r.h.ServeHTTP(w, req)
			h := w.Header()
			name := rt.method + " " + rt.path
			want := map[string]string{
				"Content-Security-Policy":    guard.ContentSecurityPolicy([]string{embedder}),
				"Permissions-Policy":         guard.PermissionsPolicy([]string{embedder}),
				"Referrer-Policy":            "no-referrer",
				"X-Content-Type-Options":     "nosniff",
				"Cross-Origin-Opener-Policy": "unsafe-none",
				"Set-Cookie":                 "",
				"Strict-Transport-Security":  "",
			}
			if overTLS {
				want["Strict-Transport-Security"] = "max-age=63072000"
			}
			if strings.HasPrefix(rt.path, "/api/") {
				want["Cache-Control"] = "no-store"
			}
			for k, v := range want {
				if got := h.Get(k); got != v {
					t.Errorf("%s (TLS %v): %s = %q, want %q", name, overTLS, k, got, v)
				}
			}
			if ct := h.Get("Content-Type"); ct != "" && guard.IsText(strings.TrimSpace(strings.Split(ct, ";")[0])) && !strings.Contains(ct, "charset=utf-8") {
				t.Errorf("%s: Content-Type %q has no charset", name, ct)
			}
			if w.Code >= 500 {
				t.Errorf("%s: %d", name, w.Code)
			}
		}
	}
}
