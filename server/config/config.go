package config

import "time"

// Config is everything an admin can set.
type Config struct {
	Server           Server       `yaml:"server"`
	Organization     Organization `yaml:"organization"`
	IdentityProvider string       `yaml:"identityProvider"`
	Links            Links        `yaml:"links"`
	Policy           Policy       `yaml:"policy"`
	Helpdesk         Helpdesk     `yaml:"helpdesk"`
	Languages        []string     `yaml:"languages"`
	WebAuthn         WebAuthn     `yaml:"webauthn"`
	Sealing          Sealing      `yaml:"sealing"`
	Embedding        Embedding    `yaml:"embedding"`
	Report           Report       `yaml:"report"`
	Limits           Limits       `yaml:"limits"`
}

// Server is how the process listens and logs.
type Server struct {
	// Addr is the listen address, e.g. ":8080".
	Addr string `yaml:"addr"`
	// LogFormat is "text" (development) or "json" (production).
	LogFormat string `yaml:"logFormat"`
	// TLSCert and TLSKey are PEM files; both set serves HTTPS.
	TLSCert string `yaml:"tlsCert"`
	TLSKey  string `yaml:"tlsKey"`
	// TrustedProxies are the CIDRs whose X-Forwarded-For is believed.
	TrustedProxies []string `yaml:"trustedProxies"`
}

// Organization is who runs this instance.
type Organization struct {
	Name string `yaml:"name"`
	// Logo is an https URL or a path on this server.
	Logo string `yaml:"logo"`
}

// Links are the places the remediation steps send people.
type Links struct {
	// SecurityInfo is where a person manages their passkeys with the
	// identity provider. Entra ID and Google Workspace have a default.
	SecurityInfo string `yaml:"securityInfo"`
	// Helpdesk is the helpdesk's own page.
	Helpdesk string `yaml:"helpdesk"`
}

// Policy is what the organisation allows.
type Policy struct {
	// PasswordAllowed says whether password sign-in is still allowed:
	// "yes", "no" or "unknown".
	PasswordAllowed string `yaml:"passwordAllowed"`
}

// Helpdesk is how people reach IT.
type Helpdesk struct {
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

// WebAuthn is the relying party for the test ceremonies.
type WebAuthn struct {
	// RPID is the host name test passkeys are bound to; empty derives it
	// from the request (development).
	RPID string `yaml:"rpID"`
	// RPName is shown by some authenticators.
	RPName string `yaml:"rpName"`
	// Origins are the page's own origins; required with RPID.
	Origins             []string      `yaml:"origins"`
	RegistrationTimeout time.Duration `yaml:"registrationTimeout"`
	LoginTimeout        time.Duration `yaml:"loginTimeout"`
	// CredentialTTL is how long a test passkey stays usable for the
	// existing-passkey test.
	CredentialTTL time.Duration `yaml:"credentialTTL"`
}

// Sealing is the key ring for the stateless ceremony tokens.
type Sealing struct {
	// Keys are "ID:SECRET" (SECRET 32 bytes base64); the first seals, all
	// open. Empty generates a random key per process (development only).
	Keys []string `yaml:"keys"`
}

// Embedding is who may show the page in an iframe.
type Embedding struct {
	// AllowedOrigins are parent origins (https://portal.example.com).
	AllowedOrigins []string `yaml:"allowedOrigins"`
}

// Report is where submitted helpdesk reports go.
type Report struct {
	// Webhook receives submitted reports as JSON; empty disables submit.
	Webhook string `yaml:"webhook"`
}

// Limits protect the API.
type Limits struct {
	// RequestsPerMinute and Burst are per client.
	RequestsPerMinute int `yaml:"requestsPerMinute"`
	Burst             int `yaml:"burst"`
	// MaxInFlight caps the finishes admitted at once, verifying or waiting
	// for a turn to (503 past it).
	MaxInFlight int `yaml:"maxInFlight"`
}
