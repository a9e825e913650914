package ceremony

import "encoding/json"

// RegistrationResponse is RegistrationResponseJSON, what
// PublicKeyCredential.toJSON() returns after create(). The page may send the
// browser's own toJSON() output instead; the server reads either.
//
// Specification: §5.1 (https://www.w3.org/TR/webauthn-3/#dictdef-registrationresponsejson)
type RegistrationResponse struct {
	ID                      string                       `json:"id"`
	RawID                   Base64URL                    `json:"rawId"`
	Type                    string                       `json:"type"`
	Response                AuthenticatorAttestationJSON `json:"response"`
	AuthenticatorAttachment string                       `json:"authenticatorAttachment,omitempty"`
	ClientExtensionResults  json.RawMessage              `json:"clientExtensionResults,omitempty"`
}

// AuthenticatorAttestationJSON is AuthenticatorAttestationResponseJSON.
type AuthenticatorAttestationJSON struct {
	ClientDataJSON     Base64URL `json:"clientDataJSON"`
	AttestationObject  Base64URL `json:"attestationObject"`
	AuthenticatorData  Base64URL `json:"authenticatorData,omitempty"`
	Transports         []string  `json:"transports,omitempty"`
	PublicKey          Base64URL `json:"publicKey,omitempty"`
	PublicKeyAlgorithm int       `json:"publicKeyAlgorithm,omitempty"`
}

// AuthenticationResponse is AuthenticationResponseJSON, what
// PublicKeyCredential.toJSON() returns after get().
//
// Specification: §5.1 (https://www.w3.org/TR/webauthn-3/#dictdef-authenticationresponsejson)
type AuthenticationResponse struct {
	ID                      string                     `json:"id"`
	RawID                   Base64URL                  `json:"rawId"`
	Type                    string                     `json:"type"`
	Response                AuthenticatorAssertionJSON `json:"response"`
	AuthenticatorAttachment string                     `json:"authenticatorAttachment,omitempty"`
	ClientExtensionResults  json.RawMessage            `json:"clientExtensionResults,omitempty"`
}

// AuthenticatorAssertionJSON is AuthenticatorAssertionResponseJSON.
type AuthenticatorAssertionJSON struct {
	ClientDataJSON    Base64URL `json:"clientDataJSON"`
	AuthenticatorData Base64URL `json:"authenticatorData"`
	Signature         Base64URL `json:"signature"`
	UserHandle        Base64URL `json:"userHandle,omitempty"`
}
