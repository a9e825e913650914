package main

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
)

// guards are the per-process protections routes chains around the mux
// (see package guard for the order).
type guards struct {
	log      *slog.Logger
	health   *health
	limit    *guard.RateLimit
	inFlight *guard.InFlight
}

// newGuards builds the protections from cfg.Limits and
// cfg.Server.TrustedProxies. now is the rate limiter's clock (nil: time.Now).
func newGuards(cfg config.Config, log *slog.Logger, hz *health, now func() time.Time) (*guards, error) {
	clients, err := guard.NewClients(cfg.Server.TrustedProxies)
	if err != nil {
		return nil, fmt.Errorf("server.trustedProxies: %w", err)
	}
	if hz == nil {
		hz = &health{}
	}
	return &guards{
		log:    log,
		health: hz,
		limit: guard.NewRateLimit(guard.RateLimitOptions{
			PerMinute: cfg.Limits.RequestsPerMinute,
			Burst:     cfg.Limits.Burst,
			Clients:   clients,
			Now:       now,
		}),
		inFlight: guard.NewInFlight(cfg.Limits.MaxInFlight),
	}, nil
}
