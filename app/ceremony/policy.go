package ceremony

// The WebAuthn option values the policy table uses, spelled as the
// specification spells them on the wire.
// Specification: §5.4.4, §5.4.6, §5.8.6, §5.8.7 (https://www.w3.org/TR/webauthn-3/#dictdef-authenticatorselectioncriteria)
const (
	AttachmentPlatform      = "platform"
	AttachmentCrossPlatform = "cross-platform"

	ResidentKeyRequired    = "required"
	ResidentKeyPreferred   = "preferred"
	ResidentKeyDiscouraged = "discouraged"

	UVRequired    = "required"
	UVPreferred   = "preferred"
	UVDiscouraged = "discouraged"

	HintClientDevice = "client-device"
	HintSecurityKey  = "security-key"
	HintHybrid       = "hybrid"
)

// Policy is the WebAuthn choices that make each test what it is. The server
// (server/api) and the page's local ceremonies (app/probe.LocalAPI) both
// build their options from it, so a test asks the same of the browser
// whether a server verifies it or not.
type Policy struct {
	// Attachment is the authenticatorAttachment asked for at registration;
	// empty means any.
	Attachment string
	// ResidentKey is the residentKey requirement at registration.
	ResidentKey string
	// RegisterUV and LoginUV are the userVerification requirements of the
	// two ceremonies.
	RegisterUV, LoginUV string
	// Hints steer the browser's first dialog to the right authenticator; the
	// attachment does the same for browsers that predate hints.
	Hints []string
}

// policies is the one table of per-test choices.
var policies = map[Kind]Policy{
	// The platform test exists to prove the PIN, fingerprint or face, so
	// user verification is required in both ceremonies.
	KindPlatform: {AttachmentPlatform, ResidentKeyRequired, UVRequired, UVRequired, []string{HintClientDevice}},
	// Preferred, not required: a key without a PIN still registers, and the
	// outcome's UV false is the finding ("no PIN set"). A non-discoverable
	// credential needs no PIN on CTAP2 keys either.
	KindSecurityKey: {AttachmentCrossPlatform, ResidentKeyDiscouraged, UVPreferred, UVPreferred, []string{HintSecurityKey}},
	KindPhone:       {AttachmentCrossPlatform, ResidentKeyRequired, UVPreferred, UVPreferred, []string{HintHybrid}},
	// Whatever authenticator holds the test passkey.
	KindExisting: {"", ResidentKeyRequired, UVPreferred, UVPreferred, nil},
}

// PolicyFor returns the choices of kind k; an unknown kind gets the
// existing-passkey test's, which constrain nothing.
func PolicyFor(k Kind) Policy {
	p, ok := policies[k]
	if !ok {
		p = policies[KindExisting]
	}
	p.Hints = append([]string(nil), p.Hints...)
	return p
}
