package softauth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Create answers navigator.credentials.create(): it makes an ES256
// credential and returns the RegistrationResponseJSON a browser would.
func (a *Authenticator) Create(opts ceremony.CreationOptions) (ceremony.RegistrationResponse, error) {
	if !slices.ContainsFunc(opts.PubKeyCredParams, func(p ceremony.CredentialParameter) bool { return p.Alg == AlgES256 }) {
		return ceremony.RegistrationResponse{}, errors.New("softauth: ES256 not offered")
	}
	rpID := opts.RP.ID
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return ceremony.RegistrationResponse{}, fmt.Errorf("softauth: generate key: %w", err)
	}
	idLen := a.Faults.CredentialIDLen
	if idLen == 0 {
		idLen = 16
	}
	id := make([]byte, idLen)
	if _, err := rand.Read(id); err != nil {
		return ceremony.RegistrationResponse{}, fmt.Errorf("softauth: credential id: %w", err)
	}
	alg := AlgES256
	if a.Faults.Algorithm != 0 {
		alg = a.Faults.Algorithm
	}
	pub, err := coseKey(&key.PublicKey, alg)
	if err != nil {
		return ceremony.RegistrationResponse{}, err
	}

	uv := ""
	discoverable := false
	if s := opts.AuthenticatorSelection; s != nil {
		uv = s.UserVerification
		discoverable = s.ResidentKey == "required" || s.ResidentKey == "preferred" || s.RequireResidentKey
	}
	var counter uint32
	if a.Counter {
		counter = 1
	}
	attested := append([]byte(nil), a.AAGUID[:]...)
	attested = binary.BigEndian.AppendUint16(attested, uint16(len(id)))
	attested = append(attested, id...)
	attested = append(attested, pub...)
	authData := a.authData(rpID, a.flags(uv)|flagAT, counter, attested)

	cdj, err := a.clientDataJSON("webauthn.create", opts.Challenge, rpID)
	if err != nil {
		return ceremony.RegistrationResponse{}, err
	}

	att := cborHead(nil, majorMap, 3)
	att = cborText(att, "fmt")
	switch a.Attestation {
	case "", "none":
		att = cborText(att, "none")
		att = cborText(att, "attStmt")
		att = cborHead(att, majorMap, 0)
	case "packed":
		sig, err := a.sign(key, authData, cdj)
		if err != nil {
			return ceremony.RegistrationResponse{}, err
		}
		att = cborText(att, "packed")
		att = cborText(att, "attStmt")
		att = cborHead(att, majorMap, 2)
		att = cborText(att, "alg")
		att = cborInt(att, int64(alg))
		att = cborText(att, "sig")
		att = cborBytes(att, sig)
	default:
		return ceremony.RegistrationResponse{}, fmt.Errorf("softauth: unknown attestation %q", a.Attestation)
	}
	att = cborText(att, "authData")
	att = cborBytes(att, authData)

	a.mu.Lock()
	a.creds = append(a.creds, &credential{id: id, rpID: rpID, userHandle: slices.Clone(opts.User.ID), key: key, counter: counter, discover: discoverable})
	a.mu.Unlock()

	rk := discoverable
	ext := []byte(`{}`)
	if opts.Extensions != nil && opts.Extensions.CredProps {
		ext = fmt.Appendf(nil, `{"credProps":{"rk":%t}}`, rk)
	}
	return ceremony.RegistrationResponse{
		ID:    a.reportedID(id),
		RawID: id,
		Type:  "public-key",
		Response: ceremony.AuthenticatorAttestationJSON{
			ClientDataJSON:     cdj,
			AttestationObject:  att,
			AuthenticatorData:  authData,
			Transports:         slices.Clone(a.Transports),
			PublicKeyAlgorithm: alg,
		},
		AuthenticatorAttachment: a.Attachment,
		ClientExtensionResults:  ext,
	}, nil
}
