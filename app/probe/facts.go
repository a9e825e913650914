package probe

import "github.com/passkey-doctor/passkey-doctor/app/diag"

// unknownFacts is the answer when nothing could be asked.
func unknownFacts() diag.Facts {
	return diag.Facts{WebAuthn: &diag.Probe{
		Available:                  diag.Unknown,
		SecureContext:              diag.Unknown,
		UVPAA:                      diag.Unknown,
		ConditionalMediation:       diag.Unknown,
		Framed:                     diag.Unknown,
		CrossOriginFrame:           diag.Unknown,
		PublicKeyCredentialsGet:    diag.Unknown,
		PublicKeyCredentialsCreate: diag.Unknown,
	}}
}
