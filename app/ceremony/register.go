package ceremony

import "encoding/json"

// RegisterBeginRequest is the body of PathRegisterBegin.
type RegisterBeginRequest struct {
	// Kind is the test: platform, security-key or phone (existing has no
	// registration).
	Kind Kind `json:"kind"`
}

// RegisterBeginResponse answers PathRegisterBegin.
type RegisterBeginResponse struct {
	// PublicKey is the options for navigator.credentials.create().
	PublicKey CreationOptions `json:"publicKey"`
	// Session is the sealed ceremony state; send it back unchanged to
	// PathRegisterFinish. It is single-use and expires with the ceremony.
	Session string `json:"session"`
}

// RegisterFinishRequest is the body of PathRegisterFinish.
type RegisterFinishRequest struct {
	// Session is RegisterBeginResponse.Session.
	Session string `json:"session"`
	// Credential is the RegistrationResponseJSON of the new credential: the
	// browser's PublicKeyCredential.toJSON() or a RegistrationResponse.
	Credential json.RawMessage `json:"credential"`
}
