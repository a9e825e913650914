package main

import (
	"net/http"
	"sync/atomic"
)

// health answers the probes. /healthz is readiness: 200 "ok" while the
// server takes new work, 503 "draining" from the moment shutdown starts, so
// a load balancer stops sending requests while those in flight finish.
// /livez is liveness: 200 "ok" for as long as the process serves at all,
// draining included, so an orchestrator never restarts a replica for
// shutting down cleanly.
type health struct {
	draining atomic.Bool
}

// drain turns readiness off; it never turns back on.
func (h *health) drain() { h.draining.Store(true) }

// ready serves GET /healthz.
func (h *health) ready(w http.ResponseWriter, _ *http.Request) {
	if h.draining.Load() {
		writeProbe(w, http.StatusServiceUnavailable, "draining\n")
		return
	}
	writeProbe(w, http.StatusOK, "ok\n")
}

// live serves GET /livez.
func (h *health) live(w http.ResponseWriter, _ *http.Request) {
	writeProbe(w, http.StatusOK, "ok\n")
}

func writeProbe(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
