package api

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatalf("DefaultConfig().Validate() = %v", err)
	}
}

func TestValidateRefuses(t *testing.T) {
	k := seal.Key{ID: 1, Secret: make([]byte, 32)}
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"an RP ID with a scheme is refused", func(c *Config) { c.RPID, c.Origins = "https://x.test", []string{"https://x.test"} }, "rp id"},
		{"origins without an RP ID are refused", func(c *Config) { c.Origins = []string{"https://x.test"} }, "origins are set"},
		{"an origin with a path is refused", func(c *Config) { c.RPID, c.Origins = "x.test", []string{"https://x.test/app"} }, "origin"},
		{"a top origin that is not a URL is refused", func(c *Config) { c.TopOrigins = []string{"portal"} }, "top origin"},
		{"a zero timeout is refused", func(c *Config) { c.LoginTimeout = 0 }, "login timeout"},
		{"a negative leeway is refused", func(c *Config) { c.Leeway = -time.Second }, "leeway"},
		{"negative verifiers are refused", func(c *Config) { c.Verifiers = -1 }, "verifiers"},
		{"duplicate key ids are refused", func(c *Config) { c.Keys = []seal.Key{k, k} }, "twice"},
		{"an empty display name is refused", func(c *Config) { c.RPDisplayName = "" }, "display name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.edit(&cfg)
			before := cfg
			err := cfg.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want an error about %q", err, tt.want)
			}
			if diff := cmp.Diff(before, cfg); diff != "" {
				t.Errorf("Validate changed the config (-before +after):\n%s", diff)
			}
		})
	}
}
