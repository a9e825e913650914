package api

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

// Deps are what the API uses but does not configure.
type Deps struct {
	// Logger receives one line per failed request; nil discards.
	Logger *slog.Logger
	// Now is the clock for tokens; nil means time.Now. go-webauthn's own
	// session expiry always uses the system clock.
	Now func() time.Time
	// Observer hears each ceremony result and each diagnosis the page
	// reports, for metrics; nil discards.
	Observer Observer
}

// API serves the ceremony endpoints. Build it with New; its handlers are
// safe for concurrent use.
type API struct {
	cfg    Config
	log    *slog.Logger
	now    func() time.Time
	sealer *seal.Sealer
	obs    Observer
	turns  turns
	// fixed is the relying party when Config.RPID is set; nil derives one
	// per request.
	fixed *relyingParty
}

// New validates cfg and builds the API. With no keys configured it
// generates a random one and says so in the log.
func New(cfg Config, deps Deps) (*API, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("new ceremony api: %w", err)
	}
	a := &API{cfg: cfg, log: deps.Logger, now: deps.Now, obs: deps.Observer, turns: newTurns(cfg.Verifiers)}
	if a.obs == nil {
		a.obs = nopObserver{}
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.now == nil {
		a.now = time.Now
	}
	keys := cfg.Keys
	if len(keys) == 0 {
		k, err := seal.GenerateKey(0)
		if err != nil {
			return nil, fmt.Errorf("new ceremony api: %w", err)
		}
		keys = []seal.Key{k}
		a.log.Warn("no sealing key configured: using a random key; replicas will not share it and a restart ends ceremonies under way")
	}
	ring, err := seal.NewRing(keys[0], keys[1:]...)
	if err != nil {
		return nil, fmt.Errorf("new ceremony api: %w", err)
	}
	a.sealer, err = seal.New(ring, seal.Options{Now: a.now, Leeway: cfg.Leeway, ReplayCapacity: cfg.ReplayCapacity})
	if err != nil {
		return nil, fmt.Errorf("new ceremony api: %w", err)
	}
	if cfg.RPID != "" {
		origins := cfg.Origins
		if len(origins) == 0 {
			origins = []string{"https://" + cfg.RPID}
		}
		rp, err := a.newRelyingParty(cfg.RPID, origins)
		if err != nil {
			return nil, fmt.Errorf("new ceremony api: %w", err)
		}
		a.fixed = rp
	}
	return a, nil
}

// errNoRelyingParty is the cause when a request's Host yields no usable RP ID.
var errNoRelyingParty = errors.New("no relying party for this host")
