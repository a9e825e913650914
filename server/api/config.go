package api

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

// Config is the ceremony API's configuration, built in main from flags, the
// environment and the config file.
type Config struct {
	// RPID is the relying party id, the host name passkeys are bound to.
	// Empty derives it from each request's Host header (development).
	RPID string
	// RPDisplayName is the relying party name some authenticators show.
	RPDisplayName string
	// Origins are the page origins allowed in client data
	// ("https://help.example.com"). Empty means "https://" + RPID when RPID
	// is set, and the request's Host (http and https) when it is not.
	Origins []string
	// TopOrigins are the parent origins allowed to embed ceremonies in a
	// cross-origin iframe. Non-empty turns on go-webauthn's cross-origin
	// support for exactly these parents.
	TopOrigins []string
	// RegistrationTimeout and LoginTimeout are the WebAuthn timeouts sent to
	// the browser and enforced by go-webauthn.
	RegistrationTimeout time.Duration
	LoginTimeout        time.Duration
	// CredentialTTL is how long a sealed test credential stays usable.
	CredentialTTL time.Duration
	// Leeway absorbs clock skew between replicas when opening tokens.
	Leeway time.Duration
	// Keys is the sealing key ring: Keys[0] seals, all of them open. Empty
	// makes New generate a random key (development only: replicas will not
	// share it and a restart ends ceremonies under way).
	Keys []seal.Key
	// ReplayCapacity bounds the per-replica cache of used session tokens.
	ReplayCapacity int
	// MaxBeginBody and MaxFinishBody cap request bodies in bytes.
	MaxBeginBody  int64
	MaxFinishBody int64
	// MaxCredentials caps how many credential tokens one request may carry.
	MaxCredentials int
	// Verifiers is how many finishes verify at once; the others wait their
	// turn in arrival order. 0 means one per P (runtime.GOMAXPROCS).
	Verifiers int
}

// DefaultConfig is the configuration with every default filled in and no
// relying party or keys (both derived or generated in development).
func DefaultConfig() Config {
	return Config{
		RPDisplayName:       "Passkey Doctor",
		RegistrationTimeout: 3 * time.Minute,
		LoginTimeout:        3 * time.Minute,
		CredentialTTL:       30 * 24 * time.Hour,
		Leeway:              30 * time.Second,
		ReplayCapacity:      seal.DefaultReplayCapacity,
		MaxBeginBody:        16 << 10,
		MaxFinishBody:       64 << 10,
		MaxCredentials:      16,
	}
}

// Validate reports every problem with c. It never changes c.
func (c Config) Validate() error {
	var errs []error
	if c.RPID != "" && (strings.ContainsAny(c.RPID, ":/ ") || strings.ToLower(c.RPID) != c.RPID) {
		errs = append(errs, fmt.Errorf("rp id %q: want a lowercase host name without scheme or port", c.RPID))
	}
	if c.RPDisplayName == "" {
		errs = append(errs, errors.New("rp display name is empty"))
	}
	if c.RPID == "" && len(c.Origins) > 0 {
		errs = append(errs, errors.New("origins are set but rp id is not: set both, or neither to derive them from the request"))
	}
	for _, o := range c.Origins {
		if err := validateOrigin(o); err != nil {
			errs = append(errs, fmt.Errorf("origin: %w", err))
		}
	}
	for _, o := range c.TopOrigins {
		if err := validateOrigin(o); err != nil {
			errs = append(errs, fmt.Errorf("top origin: %w", err))
		}
	}
	for name, d := range map[string]time.Duration{
		"registration timeout": c.RegistrationTimeout,
		"login timeout":        c.LoginTimeout,
		"credential ttl":       c.CredentialTTL,
	} {
		if d <= 0 {
			errs = append(errs, fmt.Errorf("%s must be positive", name))
		}
	}
	if c.Leeway < 0 {
		errs = append(errs, errors.New("leeway must not be negative"))
	}
	if c.ReplayCapacity <= 0 {
		errs = append(errs, errors.New("replay capacity must be positive"))
	}
	if c.MaxBeginBody <= 0 || c.MaxFinishBody <= 0 {
		errs = append(errs, errors.New("body caps must be positive"))
	}
	if c.MaxCredentials <= 0 {
		errs = append(errs, errors.New("max credentials must be positive"))
	}
	if c.Verifiers < 0 {
		errs = append(errs, errors.New("verifiers must not be negative"))
	}
	if len(c.Keys) > 0 {
		if _, err := seal.NewRing(c.Keys[0], c.Keys[1:]...); err != nil {
			errs = append(errs, fmt.Errorf("keys: %w", err))
		}
	}
	return errors.Join(errs...)
}

func validateOrigin(o string) error {
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("%q is not an origin like https://host[:port]", o)
	}
	return nil
}
