package softauth

import (
	"slices"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Get answers navigator.credentials.get(): with allowCredentials it signs
// with the first listed credential it holds; without, it offers the newest
// discoverable credential for the RP ID. It fails with ErrNoCredential when
// it holds none that fits.
func (a *Authenticator) Get(opts ceremony.RequestOptions) (ceremony.AuthenticationResponse, error) {
	rpID := opts.RPID
	c := a.pick(opts)
	if c == nil {
		return ceremony.AuthenticationResponse{}, ErrNoCredential
	}
	a.mu.Lock()
	if a.Counter {
		c.counter++
	}
	counter := c.counter
	a.mu.Unlock()

	authData := a.authData(rpID, a.flags(opts.UserVerification), counter, nil)
	cdj, err := a.clientDataJSON("webauthn.get", opts.Challenge, rpID)
	if err != nil {
		return ceremony.AuthenticationResponse{}, err
	}
	sig, err := a.sign(c.key, authData, cdj)
	if err != nil {
		return ceremony.AuthenticationResponse{}, err
	}
	var userHandle ceremony.Base64URL
	if c.discover {
		userHandle = slices.Clone(c.userHandle)
	}
	return ceremony.AuthenticationResponse{
		ID:    a.reportedID(c.id),
		RawID: slices.Clone(c.id),
		Type:  "public-key",
		Response: ceremony.AuthenticatorAssertionJSON{
			ClientDataJSON:    cdj,
			AuthenticatorData: authData,
			Signature:         sig,
			UserHandle:        userHandle,
		},
		AuthenticatorAttachment: a.Attachment,
		ClientExtensionResults:  []byte(`{}`),
	}, nil
}

func (a *Authenticator) pick(opts ceremony.RequestOptions) *credential {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(opts.AllowCredentials) > 0 {
		for _, d := range opts.AllowCredentials {
			for _, c := range a.creds {
				if string(c.id) == string(d.ID) && c.rpID == opts.RPID {
					return c
				}
			}
		}
		return nil
	}
	for _, c := range slices.Backward(a.creds) {
		if c.discover && c.rpID == opts.RPID {
			return c
		}
	}
	return nil
}
