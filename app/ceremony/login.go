package ceremony

import "encoding/json"

// LoginBeginRequest is the body of PathLoginBegin.
type LoginBeginRequest struct {
	// Kind is the test the sign-in belongs to; platform requires user
	// verification.
	Kind Kind `json:"kind"`
	// Discoverable asks for a discoverable credential (no allowCredentials):
	// the authenticator offers whatever passkeys it has for this site. When
	// false, the options list Credentials in allowCredentials.
	Discoverable bool `json:"discoverable"`
	// Credentials are the sealed credential tokens the page holds
	// (FinishResponse.Credential). At least one is needed unless
	// Discoverable is set.
	Credentials []string `json:"credentials,omitempty"`
}

// LoginBeginResponse answers PathLoginBegin.
type LoginBeginResponse struct {
	// PublicKey is the options for navigator.credentials.get().
	PublicKey RequestOptions `json:"publicKey"`
	// Session is the sealed ceremony state; send it back unchanged to
	// PathLoginFinish. It is single-use and expires with the ceremony.
	Session string `json:"session"`
}

// LoginFinishRequest is the body of PathLoginFinish.
type LoginFinishRequest struct {
	// Session is LoginBeginResponse.Session.
	Session string `json:"session"`
	// Credentials are the sealed credential tokens the page holds; the
	// server finds the one the authenticator signed with among them. An
	// assertion from a credential not among them is CodeUnknownCredential:
	// the orphaned-passkey case.
	Credentials []string `json:"credentials,omitempty"`
	// Credential is the AuthenticationResponseJSON of the assertion: the
	// browser's PublicKeyCredential.toJSON() or an AuthenticationResponse.
	Credential json.RawMessage `json:"credential"`
}
