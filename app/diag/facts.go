package diag

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Facts is everything the engine knows about one visit, in the browser's own
// names. Unknown fields are ignored; see Parse for what is rejected.
type Facts struct {
	// UA is navigator.userAgent (or the User-Agent header on the server).
	UA string `json:"ua"`
	// UAData is navigator.userAgentData merged with getHighEntropyValues;
	// nil where the browser has none (Safari, Firefox).
	UAData *UAData `json:"uaData,omitempty"`
	// MaxTouchPoints is navigator.maxTouchPoints; nil when not reported.
	MaxTouchPoints *float64 `json:"maxTouchPoints,omitempty"`
	// WebAuthn is the capability probe; nil when it did not run (server side).
	WebAuthn *Probe `json:"webauthn,omitempty"`
	// Ceremonies are the live test ceremonies, in the order they ran.
	Ceremonies []CeremonyFacts `json:"ceremonies,omitempty"`
	// Answers is what the person told us.
	Answers Answers `json:"answers"`
	// Policy is what the organisation's config says.
	Policy Policy `json:"policy"`
}

// UAData is the User-Agent Client Hints data. Every field may be empty.
type UAData struct {
	Platform        string   `json:"platform"`
	Mobile          *bool    `json:"mobile,omitempty"`
	Brands          []Brand  `json:"brands,omitempty"`
	PlatformVersion string   `json:"platformVersion,omitempty"`
	Model           string   `json:"model,omitempty"`
	Architecture    string   `json:"architecture,omitempty"`
	FullVersionList []Brand  `json:"fullVersionList,omitempty"`
	FormFactors     []string `json:"formFactors,omitempty"`
}

// Brand is one entry of brands or fullVersionList.
type Brand struct {
	Brand   string `json:"brand"`
	Version string `json:"version"`
}

// Probe is what the page learnt by asking the browser directly.
type Probe struct {
	// Available: window.PublicKeyCredential exists.
	Available Tri `json:"available"`
	// SecureContext: window.isSecureContext.
	SecureContext Tri `json:"secureContext"`
	// UVPAA: isUserVerifyingPlatformAuthenticatorAvailable().
	UVPAA Tri `json:"uvpaa"`
	// ConditionalMediation: isConditionalMediationAvailable().
	ConditionalMediation Tri `json:"conditionalMediation"`
	// Framed: the page runs inside a frame.
	Framed Tri `json:"framed"`
	// CrossOriginFrame: some ancestor frame has another origin.
	CrossOriginFrame Tri `json:"crossOriginFrame"`
	// PublicKeyCredentialsGet / Create: the permissions policy allows them.
	PublicKeyCredentialsGet    Tri `json:"publickeyCredentialsGet"`
	PublicKeyCredentialsCreate Tri `json:"publickeyCredentialsCreate"`
	// Capabilities is PublicKeyCredential.getClientCapabilities().
	Capabilities map[string]bool `json:"capabilities,omitempty"`
}

// Kinds of test ceremony.
const (
	KindPlatform    = string(ceremony.KindPlatform)
	KindSecurityKey = string(ceremony.KindSecurityKey)
	KindPhone       = string(ceremony.KindPhone)
	KindExisting    = string(ceremony.KindExisting)
)

// Steps at which a ceremony can fail.
const (
	StepCreate = "create"
	StepGet    = "get"
	StepServer = "server"
)

// CeremonyFacts describes one live test ceremony.
type CeremonyFacts struct {
	Kind string `json:"kind"`
	// Step that failed; empty when the ceremony worked.
	Step string `json:"step,omitempty"`
	// ErrorName and ErrorMessage are the DOMException's name and exact message.
	ErrorName    string `json:"errorName,omitempty"`
	ErrorMessage string `json:"errorMessage,omitempty"`
	// ElapsedMs is how long the call took; TimeoutMs the timeout requested.
	ElapsedMs *float64 `json:"elapsedMs,omitempty"`
	TimeoutMs *float64 `json:"timeoutMs,omitempty"`
	// UserVerification and ResidentKey as requested.
	UserVerification string `json:"userVerification,omitempty"`
	ResidentKey      string `json:"residentKey,omitempty"`
	// AllowCredentials is how many credential ids a get offered.
	AllowCredentials *int `json:"allowCredentials,omitempty"`
	// JustRegistered: a credential was created on this device during this visit.
	JustRegistered bool `json:"justRegistered,omitempty"`
	// ServerCode is the server's ceremony.Code when the server refused.
	ServerCode string `json:"serverCode,omitempty"`
	// ExpectedCredentials is how many test passkeys made earlier on this
	// device the page expected the authenticator to still hold: when a
	// discoverable sign-in then finds none, the passkey was deleted from
	// the device but is still registered — an orphan.
	ExpectedCredentials *int `json:"expectedCredentials,omitempty"`
	// UserVerified is the UV flag of a ceremony that worked: whether a
	// PIN, fingerprint, face or screen lock was checked.
	UserVerified *bool `json:"userVerified,omitempty"`
	// LocalOnly: the page checked the ceremony itself (offline or on a
	// static host); no server verified the signature.
	LocalOnly bool `json:"localOnly,omitempty"`
}

// failed reports whether the ceremony did not work.
func (c CeremonyFacts) failed() bool {
	return c.Step != "" || c.ErrorName != "" || c.ErrorMessage != "" || c.ServerCode != ""
}

// Answers is what the person told us. Empty means not asked or not answered.
type Answers struct {
	// AccountType: "work" (work or school) or "personal".
	AccountType string `json:"accountType,omitempty"`
	// Message is the message the sign-in page showed, as typed or picked.
	Message string `json:"message,omitempty"`
	// OtherMethodWorks: signing in with another method (password,
	// Authenticator) works.
	OtherMethodWorks Tri `json:"otherMethodWorks"`
	// OtherDeviceWorks: signing in from another device or browser works.
	OtherDeviceWorks Tri `json:"otherDeviceWorks"`
	// AndroidWorkProfile: the Android device has a work profile.
	AndroidWorkProfile Tri `json:"androidWorkProfile"`
	// PasskeyInPersonalProfile: the passkey was made in the personal profile.
	PasskeyInPersonalProfile Tri `json:"passkeyInPersonalProfile"`
	// RecreatedPasskey: the person already deleted and re-created the passkey.
	RecreatedPasskey Tri `json:"recreatedPasskey"`
	// OSVersion is what the person says their OS version is, when we asked.
	OSVersion string `json:"osVersion,omitempty"`
}

// Policy is what the organisation's config says.
type Policy struct {
	// IdentityProvider: entra, okta, google, keycloak, adfs or custom.
	IdentityProvider string `json:"identityProvider,omitempty"`
	// PasswordAllowed: password sign-in is still allowed.
	PasswordAllowed Tri `json:"passwordAllowed"`
	// Links from the config.
	Links Links `json:"links"`
}

// Links are the organisation's pages a step can point to.
type Links struct {
	SecurityInfo string `json:"securityInfo,omitempty"`
	Helpdesk     string `json:"helpdesk,omitempty"`
}

// ErrMalformed is wrapped by every error Parse returns.
var ErrMalformed = errors.New("malformed facts")

// Parse reads one Facts JSON document. Unknown fields are ignored; wrong
// types, trailing data and values outside the documented sets are errors
// that name the field.
func Parse(b []byte) (Facts, error) {
	var f Facts
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return f, fmt.Errorf("%w: empty input", ErrMalformed)
	}
	if b[0] != '{' {
		return f, fmt.Errorf("%w: want a JSON object, got %q", ErrMalformed, clip(string(b)))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		return Facts{}, fmt.Errorf("%w: %s", ErrMalformed, describe(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Facts{}, fmt.Errorf("%w: unexpected data after the JSON object", ErrMalformed)
	}
	if err := f.validate(); err != nil {
		return Facts{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return f, nil
}

// describe makes encoding/json's errors name the field in Facts' terms.
func describe(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return fmt.Sprintf("field %s: want %s, got JSON %s", te.Field, te.Type, te.Value)
		}
		return fmt.Sprintf("want %s, got JSON %s", te.Type, te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON at byte %d: %v", se.Offset, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated JSON"
	}
	return err.Error()
}

func (f Facts) validate() error {
	if f.MaxTouchPoints != nil && (*f.MaxTouchPoints < 0 || *f.MaxTouchPoints > 1000) {
		return fmt.Errorf("field maxTouchPoints: %v is out of range", *f.MaxTouchPoints)
	}
	for i, c := range f.Ceremonies {
		if err := c.validate(); err != nil {
			return fmt.Errorf("field ceremonies[%d].%v", i, err)
		}
	}
	switch f.Answers.AccountType {
	case "", "work", "school", "personal", "unknown":
	default:
		return fmt.Errorf("field answers.accountType: want work, personal or unknown, got %q", clip(f.Answers.AccountType))
	}
	return nil
}

func (c CeremonyFacts) validate() error {
	switch c.Kind {
	case KindPlatform, KindSecurityKey, KindPhone, KindExisting:
	default:
		return fmt.Errorf("kind: want platform, security-key, phone or existing, got %q", clip(c.Kind))
	}
	switch c.Step {
	case "", StepCreate, StepGet, StepServer:
	default:
		return fmt.Errorf("step: want create, get or server, got %q", clip(c.Step))
	}
	for name, v := range map[string]string{"userVerification": c.UserVerification, "residentKey": c.ResidentKey} {
		switch v {
		case "", "required", "preferred", "discouraged":
		default:
			return fmt.Errorf("%s: want required, preferred or discouraged, got %q", name, clip(v))
		}
	}
	if c.ElapsedMs != nil && *c.ElapsedMs < 0 {
		return fmt.Errorf("elapsedMs: %v is negative", *c.ElapsedMs)
	}
	if c.TimeoutMs != nil && *c.TimeoutMs < 0 {
		return fmt.Errorf("timeoutMs: %v is negative", *c.TimeoutMs)
	}
	if c.AllowCredentials != nil && *c.AllowCredentials < 0 {
		return fmt.Errorf("allowCredentials: %d is negative", *c.AllowCredentials)
	}
	return nil
}

// lower is strings.ToLower, named for reading.
func lower(s string) string { return strings.ToLower(s) }
