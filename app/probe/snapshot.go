package probe

// Tri is the answer to a yes/no question the browser may not be able to
// answer.
type Tri string

// The three answers. Unknown is honest: it means the browser did not say.
const (
	Yes     Tri = "yes"
	No      Tri = "no"
	Unknown Tri = "unknown"
)

// TriOf turns a boolean the browser reported into a Tri.
func TriOf(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

// Brand is one entry of navigator.userAgentData.brands or fullVersionList.
type Brand struct {
	Brand   string `json:"brand"`
	Version string `json:"version"`
}

// UAData is navigator.userAgentData merged with its high-entropy values.
// Source: https://wicg.github.io/ua-client-hints/#interface
type UAData struct {
	Platform        string   `json:"platform"`
	Mobile          bool     `json:"mobile"`
	Brands          []Brand  `json:"brands"`
	PlatformVersion string   `json:"platformVersion,omitempty"`
	Model           string   `json:"model,omitempty"`
	Architecture    string   `json:"architecture,omitempty"`
	Bitness         string   `json:"bitness,omitempty"`
	FullVersionList []Brand  `json:"fullVersionList,omitempty"`
	FormFactors     []string `json:"formFactors,omitempty"`
}

// WebAuthn is the capability probe, named as the browser names things.
type WebAuthn struct {
	Available                  Tri `json:"available"`
	SecureContext              Tri `json:"secureContext"`
	UVPAA                      Tri `json:"uvpaa"`
	ConditionalMediation       Tri `json:"conditionalMediation"`
	Framed                     Tri `json:"framed"`
	CrossOriginFrame           Tri `json:"crossOriginFrame"`
	PublickeyCredentialsGet    Tri `json:"publickeyCredentialsGet"`
	PublickeyCredentialsCreate Tri `json:"publickeyCredentialsCreate"`
	// Capabilities is what PublicKeyCredential.getClientCapabilities()
	// returned; nil when the browser has no such method.
	Capabilities map[string]bool `json:"capabilities"`
}

// Snapshot is everything one probe found.
type Snapshot struct {
	UA             string   `json:"ua"`
	UAData         *UAData  `json:"uaData"`
	MaxTouchPoints int      `json:"maxTouchPoints"`
	WebAuthn       WebAuthn `json:"webauthn"`
}

// unknownSnapshot is the answer when nothing could be asked.
func unknownSnapshot() Snapshot {
	return Snapshot{WebAuthn: WebAuthn{
		Available:                  Unknown,
		SecureContext:              Unknown,
		UVPAA:                      Unknown,
		ConditionalMediation:       Unknown,
		Framed:                     Unknown,
		CrossOriginFrame:           Unknown,
		PublickeyCredentialsGet:    Unknown,
		PublickeyCredentialsCreate: Unknown,
	}}
}
