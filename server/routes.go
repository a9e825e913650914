package main

import (
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
	"github.com/passkey-doctor/passkey-doctor/server/site"
)

// routes registers every HTTP route of the server, in one place.
func routes(s *site.Site, cfg config.Config) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("GET /web/{name}", s.Asset)
	mux.HandleFunc("GET /wasm_exec.js", s.WasmExec)
	mux.HandleFunc("GET /robots.txt", s.Robots)
	mux.HandleFunc("GET /sitemap.xml", http.NotFound)
	mux.HandleFunc("GET /ads.txt", http.NotFound)
	mux.HandleFunc("GET /", s.Page)
	return guard.Headers(cfg.Embedding.AllowedOrigins, mux)
}
