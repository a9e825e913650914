package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/go-webauthn/webauthn/protocol"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// RegisterFinish handles ceremony.PathRegisterFinish: it verifies the new
// credential and answers the outcome with the sealed test credential.
func (a *API) RegisterFinish() http.Handler {
	return a.serve(StepRegisterFinish, a.observed(StepRegisterFinish, a.registerFinish))
}

func (a *API) registerFinish(w http.ResponseWriter, r *http.Request) error {
	var req ceremony.RegisterFinishRequest
	done, err := a.finishing(w, r, &req)
	if err != nil {
		return err
	}
	defer done()
	if req.Session == "" || len(req.Credential) == 0 {
		return errBadRequest(errors.New("register finish: session or credential missing"))
	}
	rp, err := a.relyingParty(r)
	if err != nil {
		return err
	}
	s, err := a.openSession(purposeRegisterSession, req.Session)
	if err != nil {
		return err
	}
	noteKind(r.Context(), s.Kind)
	parsed, err := protocol.ParseCredentialCreationResponseBytes(req.Credential)
	if err != nil {
		return translateParse(fmt.Errorf("register finish: parse credential: %w", err))
	}
	cred, err := rp.wa.CreateCredential(testUser{id: s.Data.UserID}, s.Data, parsed)
	if err != nil {
		return translateVerify(fmt.Errorf("register finish: %w", err))
	}

	rec := record{
		ID:                cred.ID,
		PublicKey:         cred.PublicKey,
		UserID:            s.Data.UserID,
		RPID:              s.Data.GetRelyingPartyID(rp.id),
		Kind:              s.Kind,
		AttestationType:   cred.AttestationType,
		AttestationFormat: cred.AttestationFormat,
		Flags:             byte(cred.Flags.ProtocolValue()),
		AAGUID:            cred.Authenticator.AAGUID,
		SignCount:         cred.Authenticator.SignCount,
		Attachment:        string(cred.Authenticator.Attachment),
		Discoverable:      cred.Extensions.RK,
	}
	for _, t := range cred.Transport {
		rec.Transports = append(rec.Transports, string(t))
	}
	out, err := a.outcome(s.Kind, rec, parsed.Response.AttestationObject.AuthData.Flags, false)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
