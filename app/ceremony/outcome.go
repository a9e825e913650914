package ceremony

import "time"

// FinishResponse answers PathRegisterFinish and PathLoginFinish: what a
// verified ceremony proved, for the page to show and put in the report.
type FinishResponse struct {
	// Kind is the test, as the ceremony began.
	Kind Kind `json:"kind"`
	// CredentialID is the test credential's id, for the Signal API
	// (signalUnknownCredential) clean-up.
	CredentialID Base64URL `json:"credentialId"`
	// UserPresent is the UP flag: someone touched or confirmed.
	UserPresent bool `json:"userPresent"`
	// UserVerified is the UV flag: a PIN, fingerprint, face or screen lock
	// was checked.
	UserVerified bool `json:"userVerified"`
	// BackupEligible is the BE flag: the passkey can sync (a synced
	// passkey); false means device-bound.
	BackupEligible bool `json:"backupEligible"`
	// BackedUp is the BS flag: the passkey is synced right now.
	BackedUp bool `json:"backedUp"`
	// AAGUID is the authenticator model, canonical UUID form. It is all
	// zeros when the authenticator or browser withholds it.
	AAGUID string `json:"aaguid"`
	// AuthenticatorName names AAGUID from the well-known table, or is empty.
	AuthenticatorName string `json:"authenticatorName,omitempty"`
	// Attachment is "platform" or "cross-platform" as the browser reported.
	Attachment string `json:"authenticatorAttachment,omitempty"`
	// Transports are the transports the browser reported at registration.
	Transports []string `json:"transports,omitempty"`
	// AttestationFormat is the attestation statement format ("none",
	// "packed", ...), as registered.
	AttestationFormat string `json:"attestationFormat,omitempty"`
	// Discoverable is the credProps.rk client extension output, when the
	// browser gave it.
	Discoverable *bool `json:"discoverable,omitempty"`
	// SignCount is the authenticator's signature counter after this
	// ceremony; synced passkeys usually keep it at zero.
	SignCount uint32 `json:"signCount"`
	// CounterRegressed is set when a sign-in's counter did not exceed the
	// stored one. The credential is held by the page, which can roll it
	// back, so this is information, never a verdict.
	CounterRegressed bool `json:"counterRegressed,omitempty"`
	// Credential is the sealed test credential: keep it (localStorage) and
	// send it to PathLoginBegin and PathLoginFinish. It is re-sealed after
	// every sign-in because counter and flags change.
	Credential string `json:"credential"`
	// CredentialExpires is when the server stops accepting Credential.
	CredentialExpires time.Time `json:"credentialExpires"`
	// LocalOnly says no server took part: the page checked the client data
	// and the authenticator data itself (offline, or a static host), and no
	// one verified the signature or the attestation.
	LocalOnly bool `json:"localOnly,omitempty"`
}
