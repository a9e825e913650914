package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed default.yaml
var defaultYAML []byte

// Default returns the embedded defaults.
func Default() Config {
	var c Config
	if err := decode(defaultYAML, &c); err != nil {
		// default.yaml is part of the binary and pinned by a test.
		return Config{}
	}
	return c
}

// Load layers the YAML file at path (if any) over the defaults, then the
// environment over both. It does not validate.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Default()
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("read config: %w", err)
		}
		if err := decode(b, &c); err != nil {
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
	}
	applyEnv(&c, getenv)
	return c, nil
}

// decode reads YAML over c, refusing unknown fields.
func decode(b []byte, c *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// applyEnv overrides fields from PASSKEY_DOCTOR_* variables; lists are
// comma-separated.
func applyEnv(c *Config, getenv func(string) string) {
	str := func(name string, dst *string) {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*dst = v
		}
	}
	list := func(name string, dst *[]string) {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*dst = splitList(v)
		}
	}
	str("PASSKEY_DOCTOR_ADDR", &c.Server.Addr)
	str("PASSKEY_DOCTOR_LOG_FORMAT", &c.Server.LogFormat)
	str("PASSKEY_DOCTOR_ORG_NAME", &c.Organization.Name)
	str("PASSKEY_DOCTOR_IDP", &c.IdentityProvider)
	str("PASSKEY_DOCTOR_RP_ID", &c.WebAuthn.RPID)
	list("PASSKEY_DOCTOR_ORIGINS", &c.WebAuthn.Origins)
	list("PASSKEY_DOCTOR_SEALING_KEYS", &c.Sealing.Keys)
	list("PASSKEY_DOCTOR_EMBED_ORIGINS", &c.Embedding.AllowedOrigins)
	str("PASSKEY_DOCTOR_REPORT_WEBHOOK", &c.Report.Webhook)
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
