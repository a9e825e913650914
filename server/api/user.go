package api

import "github.com/go-webauthn/webauthn/webauthn"

// The test user is anonymous: a random handle per registration and a fixed
// name that tells the person, in their passkey list, that it is safe to
// delete.
const (
	testUserName        = "passkey-doctor-test"
	testUserDisplayName = "Passkey Doctor test (safe to delete)"
)

// testUser is go-webauthn's view of the test credentials a page holds.
type testUser struct {
	id    []byte
	creds []webauthn.Credential
}

func (u testUser) WebAuthnID() []byte                         { return u.id }
func (u testUser) WebAuthnName() string                       { return testUserName }
func (u testUser) WebAuthnDisplayName() string                { return testUserDisplayName }
func (u testUser) WebAuthnCredentials() []webauthn.Credential { return u.creds }
