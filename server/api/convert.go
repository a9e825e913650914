package api

import (
	"github.com/go-webauthn/webauthn/protocol"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// creationOptions converts go-webauthn's creation options to the wire form.
// userID is passed in because go-webauthn types the user id as any.
func creationOptions(o protocol.PublicKeyCredentialCreationOptions, userID []byte) ceremony.CreationOptions {
	out := ceremony.CreationOptions{
		RP:                 ceremony.RelyingParty{ID: o.RelyingParty.ID, Name: o.RelyingParty.Name},
		User:               ceremony.User{ID: userID, Name: o.User.Name, DisplayName: o.User.DisplayName},
		Challenge:          ceremony.Base64URL(o.Challenge),
		Timeout:            o.Timeout,
		Attestation:        string(o.Attestation),
		ExcludeCredentials: descriptors(o.CredentialExcludeList),
		Hints:              hints(o.Hints),
	}
	for _, p := range o.Parameters {
		out.PubKeyCredParams = append(out.PubKeyCredParams, ceremony.CredentialParameter{Type: string(p.Type), Alg: int(p.Algorithm)})
	}
	if s := o.AuthenticatorSelection; !s.IsZero() {
		out.AuthenticatorSelection = &ceremony.AuthenticatorSelection{
			AuthenticatorAttachment: string(s.AuthenticatorAttachment),
			ResidentKey:             string(s.ResidentKey),
			RequireResidentKey:      s.RequireResidentKey != nil && *s.RequireResidentKey,
			UserVerification:        string(s.UserVerification),
		}
	}
	if o.Extensions.CredProps {
		out.Extensions = &ceremony.Extensions{CredProps: true}
	}
	return out
}

// requestOptions converts go-webauthn's request options to the wire form.
func requestOptions(o protocol.PublicKeyCredentialRequestOptions) ceremony.RequestOptions {
	return ceremony.RequestOptions{
		Challenge:        ceremony.Base64URL(o.Challenge),
		Timeout:          o.Timeout,
		RPID:             o.RelyingPartyID,
		AllowCredentials: descriptors(o.AllowedCredentials),
		UserVerification: string(o.UserVerification),
		Hints:            hints(o.Hints),
	}
}

func descriptors(in []protocol.CredentialDescriptor) []ceremony.CredentialDescriptor {
	var out []ceremony.CredentialDescriptor
	for _, d := range in {
		cd := ceremony.CredentialDescriptor{Type: string(d.Type), ID: ceremony.Base64URL(d.CredentialID)}
		for _, t := range d.Transport {
			cd.Transports = append(cd.Transports, string(t))
		}
		out = append(out, cd)
	}
	return out
}

func hints(in []protocol.PublicKeyCredentialHints) []string {
	var out []string
	for _, h := range in {
		out = append(out, string(h))
	}
	return out
}
