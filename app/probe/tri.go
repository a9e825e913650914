package probe

import "github.com/passkey-doctor/passkey-doctor/app/diag"

// triOf turns a boolean the browser reported into a definite answer.
func triOf(b bool) diag.Tri {
	if b {
		return diag.Yes
	}
	return diag.No
}

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
