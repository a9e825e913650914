package ceremony

// CreationOptions is PublicKeyCredentialCreationOptionsJSON: what the page
// turns into the publicKey member of navigator.credentials.create().
//
// Specification: §5.1.8 (https://www.w3.org/TR/webauthn-3/#dictdef-publickeycredentialcreationoptionsjson)
type CreationOptions struct {
	RP                     RelyingParty            `json:"rp"`
	User                   User                    `json:"user"`
	Challenge              Base64URL               `json:"challenge"`
	PubKeyCredParams       []CredentialParameter   `json:"pubKeyCredParams"`
	Timeout                int                     `json:"timeout,omitempty"`
	ExcludeCredentials     []CredentialDescriptor  `json:"excludeCredentials,omitempty"`
	AuthenticatorSelection *AuthenticatorSelection `json:"authenticatorSelection,omitempty"`
	Hints                  []string                `json:"hints,omitempty"`
	Attestation            string                  `json:"attestation,omitempty"`
	Extensions             *Extensions             `json:"extensions,omitempty"`
}

// RequestOptions is PublicKeyCredentialRequestOptionsJSON: what the page
// turns into the publicKey member of navigator.credentials.get(). An empty
// AllowCredentials asks for a discoverable credential.
//
// Specification: §5.1.9 (https://www.w3.org/TR/webauthn-3/#dictdef-publickeycredentialrequestoptionsjson)
type RequestOptions struct {
	Challenge        Base64URL              `json:"challenge"`
	Timeout          int                    `json:"timeout,omitempty"`
	RPID             string                 `json:"rpId,omitempty"`
	AllowCredentials []CredentialDescriptor `json:"allowCredentials,omitempty"`
	UserVerification string                 `json:"userVerification,omitempty"`
	Hints            []string               `json:"hints,omitempty"`
	Extensions       *Extensions            `json:"extensions,omitempty"`
}

// RelyingParty is PublicKeyCredentialRpEntity.
type RelyingParty struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// User is PublicKeyCredentialUserEntityJSON. The test user is anonymous: a
// random handle and a fixed, non-personal name.
type User struct {
	ID          Base64URL `json:"id"`
	Name        string    `json:"name"`
	DisplayName string    `json:"displayName"`
}

// CredentialParameter is PublicKeyCredentialParameters.
type CredentialParameter struct {
	Type string `json:"type"`
	Alg  int    `json:"alg"`
}

// CredentialDescriptor is PublicKeyCredentialDescriptorJSON.
type CredentialDescriptor struct {
	Type       string    `json:"type"`
	ID         Base64URL `json:"id"`
	Transports []string  `json:"transports,omitempty"`
}

// AuthenticatorSelection is AuthenticatorSelectionCriteria.
type AuthenticatorSelection struct {
	AuthenticatorAttachment string `json:"authenticatorAttachment,omitempty"`
	ResidentKey             string `json:"residentKey,omitempty"`
	RequireResidentKey      bool   `json:"requireResidentKey,omitempty"`
	UserVerification        string `json:"userVerification,omitempty"`
}

// Extensions is the subset of AuthenticationExtensionsClientInputsJSON the
// tests use.
type Extensions struct {
	// CredProps asks the client whether the new credential is discoverable
	// (clientExtensionResults.credProps.rk).
	CredProps bool `json:"credProps,omitempty"`
}
