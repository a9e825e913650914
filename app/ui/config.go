package ui

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// ConfigEnv is the go-app environment variable that carries Config from the
// server to the page (inside app.js, so it is cached with the app).
const ConfigEnv = "PASSKEY_DOCTOR_PAGE"

// Config is the public part of the server's configuration: what the page
// needs to tailor its steps. It holds no secrets; anyone can read it.
type Config struct {
	Organization  string      `json:"organization"`
	Policy        diag.Policy `json:"policy"`
	HelpdeskEmail string      `json:"helpdeskEmail,omitempty"`
	HelpdeskPhone string      `json:"helpdeskPhone,omitempty"`
	// Languages are the offered languages, the first the fallback.
	Languages []string `json:"languages"`
	// EmbedOrigins are the parent origins allowed to frame the page and to
	// receive its postMessage events.
	EmbedOrigins []string `json:"embedOrigins,omitempty"`
	// ReportSubmit says the server forwards submitted reports.
	ReportSubmit bool `json:"reportSubmit"`
}

// Env encodes c for go-app's Handler.Env.
func (c Config) Env() map[string]string {
	b, _ := json.Marshal(c) // plain strings and slices: cannot fail
	return map[string]string{ConfigEnv: string(b)}
}

// ConfigFromEnv reads the Config the server put in app.js; a page served
// without one (a static export) gets the defaults.
func ConfigFromEnv() Config {
	c := Config{Organization: "Passkey Doctor", Languages: []string{"en", "de", "fr", "es"}}
	if v := app.Getenv(ConfigEnv); v != "" {
		_ = json.Unmarshal([]byte(v), &c)
	}
	return c
}
