package main

import (
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
	"github.com/passkey-doctor/passkey-doctor/server/metrics"
	"github.com/passkey-doctor/passkey-doctor/server/site"
)

// routes registers every HTTP route of the server, in one place, and
// chains the guards around them (outermost first): headers, panic
// recovery, the per-client rate limit on /api/; the ceremony finishes share
// a cap on verifications in flight.
func routes(s *site.Site, a *api.API, m *metrics.Metrics, cfg config.Config, g *guards) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", g.health.ready)
	mux.HandleFunc("GET /livez", g.health.live)
	mux.Handle("GET /metrics", m.Handler())
	for path, h := range map[string]http.Handler{
		ceremony.PathRegisterBegin:  a.RegisterBegin(),
		ceremony.PathRegisterFinish: g.inFlight.Wrap(a.RegisterFinish()),
		ceremony.PathLoginBegin:     a.LoginBegin(),
		ceremony.PathLoginFinish:    g.inFlight.Wrap(a.LoginFinish()),
		api.PathDiagnosis:           a.Diagnosis(),
		ceremony.PathReport:         reportSubmit(cfg, g.log),
	} {
		mux.Handle("POST "+path, h)
		// Any other method reaches the same handler, which answers a coded
		// 405 rather than the mux's plain-text one.
		mux.Handle(path, h)
	}
	mux.Handle("/api/", a.NotFound())
	mux.HandleFunc("GET /web/{name}", s.Asset)
	mux.HandleFunc("GET /wasm_exec.js", s.WasmExec)
	mux.HandleFunc("GET /robots.txt", s.Robots)
	mux.HandleFunc("GET /sitemap.xml", http.NotFound)
	mux.HandleFunc("GET /ads.txt", http.NotFound)
	// "/" rather than "GET /": the API's catch-all "/api/" takes every method.
	mux.HandleFunc("/", s.Page)
	var h http.Handler = mux
	h = g.limit.Wrap(guard.APIPrefix, h)
	h = guard.Recover(g.log, h)
	return guard.Headers(cfg.Embedding.AllowedOrigins, h)
}
