package ceremony

// Kind names which test a ceremony belongs to; it decides the options the
// server sends (authenticator attachment, hints, user verification).
type Kind string

// The four tests of the page.
const (
	// KindPlatform tests the device's own authenticator: Windows Hello,
	// Touch ID / Face ID, Android screen lock. User verification is required.
	KindPlatform Kind = "platform"
	// KindSecurityKey tests a roaming FIDO2 security key. User verification
	// is preferred, not required, so a key without a PIN still registers and
	// the outcome shows UV false: "your security key has no PIN".
	KindSecurityKey Kind = "security-key"
	// KindPhone tests a phone over the cross-device (QR / hybrid) flow.
	KindPhone Kind = "phone"
	// KindExisting tests sign-in with the test passkey made earlier; it has
	// no registration of its own, only a discoverable login.
	KindExisting Kind = "existing"
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindPlatform, KindSecurityKey, KindPhone, KindExisting:
		return true
	}
	return false
}

// CanRegister reports whether a test of kind k starts with a registration.
func (k Kind) CanRegister() bool {
	return k.Valid() && k != KindExisting
}
