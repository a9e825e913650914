package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDefaultIsValid(t *testing.T) {
	c := Default()
	if err := c.Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
	if c.Server.Addr != ":8080" || c.WebAuthn.LoginTimeout != 3*time.Minute {
		t.Errorf("Default() = %+v, want the embedded default.yaml", c)
	}
}

func TestExampleIsValid(t *testing.T) {
	c, err := Load("example.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("example.yaml: %v", err)
	}
	if c.Organization.Name != "Contoso" || c.IdentityProvider != "entra" {
		t.Errorf("example.yaml did not load over the defaults: %+v", c)
	}
}

func TestEnvironmentOverridesTheFile(t *testing.T) {
	env := map[string]string{
		"PASSKEY_DOCTOR_ADDR":          "127.0.0.1:9000",
		"PASSKEY_DOCTOR_ORIGINS":       "https://a.example, https://b.example",
		"PASSKEY_DOCTOR_SEALING_KEYS":  "1:" + strings.Repeat("A", 43),
		"PASSKEY_DOCTOR_EMBED_ORIGINS": "https://portal.example",
	}
	c, err := Load("example.yaml", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Server.Addr != "127.0.0.1:9000" {
		t.Errorf("addr = %q", c.Server.Addr)
	}
	if diff := cmp.Diff([]string{"https://a.example", "https://b.example"}, c.WebAuthn.Origins); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
}

func TestLoadRefusesUnknownFieldsAndBadYAML(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"an unknown field is named", "organisation:\n  name: x\n", "organisation"},
		{"a wrong type is named", "limits:\n  burst: lots\n", "lots"},
		{"broken YAML is an error", "server: [", "yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path, func(string) string { return "" })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load() error = %v, want it to mention %q", err, tt.want)
			}
		})
	}
	if _, err := Load("does-not-exist.yaml", func(string) string { return "" }); err == nil {
		t.Error("Load(missing file) = nil error")
	}
}

func TestValidateNamesTheFieldAndTheProblem(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"an unknown identity provider", func(c *Config) { c.IdentityProvider = "auth0" }, `identityProvider: "auth0" is not one of`},
		{"a bad listen address", func(c *Config) { c.Server.Addr = "8080" }, "server.addr"},
		{"an http security-info link", func(c *Config) { c.Links.SecurityInfo = "http://idp.example/sec" }, "links.securityInfo"},
		{"an origin with a path", func(c *Config) { c.Embedding.AllowedOrigins = []string{"https://portal.example/app"} }, "embedding.allowedOrigins[0]"},
		{"an rp id without origins", func(c *Config) { c.WebAuthn.RPID = "doctor.example" }, "webauthn.origins"},
		{"a short sealing key, without echoing it", func(c *Config) { c.Sealing.Keys = []string{"1:c2VjcmV0"} }, "sealing.keys[0]"},
		{"a reused key id", func(c *Config) {
			c.Sealing.Keys = []string{"1:" + strings.Repeat("A", 43), "1:" + strings.Repeat("B", 43)}
		}, "used twice"},
		{"an unsupported language", func(c *Config) { c.Languages = []string{"en", "it"} }, `languages[1]: "it"`},
		{"a password policy that is not yes, no or unknown", func(c *Config) { c.Policy.PasswordAllowed = "maybe" }, "policy.passwordAllowed"},
		{"a helpdesk e-mail with a name in it", func(c *Config) { c.Helpdesk.Email = "IT <it@example.com>" }, "helpdesk.email"},
		{"a TLS cert without its key", func(c *Config) { c.Server.TLSCert = "cert.pem" }, "server.tlsCert"},
		{"a zero rate limit", func(c *Config) { c.Limits.Burst = 0 }, "limits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.change(&c)
			before := c
			err := c.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want it to mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "c2VjcmV0") {
				t.Errorf("Validate() echoed a secret: %v", err)
			}
			if diff := cmp.Diff(before, c); diff != "" {
				t.Errorf("Validate() changed the config (-before +after):\n%s", diff)
			}
		})
	}
}

func TestSecurityInfoURL(t *testing.T) {
	for idp, want := range map[string]string{
		"entra":    "https://mysignins.microsoft.com/security-info",
		"google":   "https://myaccount.google.com/signinoptions/passkeys",
		"okta":     "",
		"keycloak": "",
	} {
		c := Default()
		c.IdentityProvider = idp
		if got := c.SecurityInfoURL(); got != want {
			t.Errorf("%s: SecurityInfoURL() = %q, want %q", idp, got, want)
		}
	}
	c := Default()
	c.IdentityProvider, c.Links.SecurityInfo = "okta", "https://contoso.okta.com/enduser/settings"
	if got := c.SecurityInfoURL(); got != c.Links.SecurityInfo {
		t.Errorf("configured link = %q, want it to win", got)
	}
}
