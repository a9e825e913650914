package api

import (
	"crypto/rand"
	"fmt"
	"net/http"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/protocol/webauthncose"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// credentialParameters are the algorithms offered, most preferred first:
// ES256 (nearly every authenticator), EdDSA, ES384, and RS256 (older
// Windows Hello).
var credentialParameters = []protocol.CredentialParameter{
	{Type: protocol.PublicKeyCredentialType, Algorithm: webauthncose.AlgES256},
	{Type: protocol.PublicKeyCredentialType, Algorithm: webauthncose.AlgEdDSA},
	{Type: protocol.PublicKeyCredentialType, Algorithm: webauthncose.AlgES384},
	{Type: protocol.PublicKeyCredentialType, Algorithm: webauthncose.AlgRS256},
}

// RegisterBegin handles ceremony.PathRegisterBegin: it answers the creation
// options for the requested test and a sealed session.
func (a *API) RegisterBegin() http.Handler {
	return a.serve(StepRegisterBegin, a.observed(StepRegisterBegin, a.registerBegin))
}

func (a *API) registerBegin(w http.ResponseWriter, r *http.Request) error {
	var req ceremony.RegisterBeginRequest
	if err := decode(w, r, a.cfg.MaxBeginBody, &req); err != nil {
		return err
	}
	noteKind(r.Context(), req.Kind)
	if !req.Kind.CanRegister() {
		return errBadRequest(fmt.Errorf("register begin: kind %s cannot register", loggableKind(req.Kind)))
	}
	rp, err := a.relyingParty(r)
	if err != nil {
		return err
	}
	userID := make([]byte, 16)
	if _, err := rand.Read(userID); err != nil {
		return errInternal(fmt.Errorf("register begin: user id: %w", err))
	}
	ko := optionsFor(req.Kind)
	creation, data, err := rp.wa.BeginRegistration(testUser{id: userID},
		webauthn.WithCredentialParameters(credentialParameters),
		webauthn.WithAuthenticatorSelection(protocol.AuthenticatorSelection{
			AuthenticatorAttachment: ko.attachment,
			ResidentKey:             ko.residentKey,
			UserVerification:        ko.registerUV,
		}),
		webauthn.WithResidentKeyRequirement(ko.residentKey),
		webauthn.WithPublicKeyCredentialHints(ko.hints),
		webauthn.WithConveyancePreference(protocol.PreferNoAttestation),
		webauthn.WithExtensions(webauthn.WithExtensionCredProps()),
	)
	if err != nil {
		return errInternal(fmt.Errorf("register begin: %w", err))
	}
	token, _, err := a.sealJSON(purposeRegisterSession, a.cfg.RegistrationTimeout+a.cfg.Leeway, session{Kind: req.Kind, Data: *data})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ceremony.RegisterBeginResponse{
		PublicKey: creationOptions(creation.Response, userID),
		Session:   token,
	})
	return nil
}
