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

// routes registers every HTTP route of the server, in one place.
func routes(s *site.Site, a *api.API, m *metrics.Metrics, cfg config.Config) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("GET /metrics", m.Handler())
	for path, h := range map[string]http.Handler{
		ceremony.PathRegisterBegin:  a.RegisterBegin(),
		ceremony.PathRegisterFinish: a.RegisterFinish(),
		ceremony.PathLoginBegin:     a.LoginBegin(),
		ceremony.PathLoginFinish:    a.LoginFinish(),
		api.PathDiagnosis:           a.Diagnosis(),
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
	return guard.Headers(cfg.Embedding.AllowedOrigins, mux)
}
