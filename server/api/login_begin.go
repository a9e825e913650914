package api

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// LoginBegin handles ceremony.PathLoginBegin: it answers the request
// options, listing the page's test credentials in allowCredentials or asking
// for a discoverable credential, and a sealed session.
func (a *API) LoginBegin() http.Handler {
	return a.serve(StepLoginBegin, a.observed(StepLoginBegin, a.loginBegin))
}

func (a *API) loginBegin(w http.ResponseWriter, r *http.Request) error {
	var req ceremony.LoginBeginRequest
	if err := decode(w, r, a.cfg.MaxBeginBody, &req); err != nil {
		return err
	}
	noteKind(r.Context(), req.Kind)
	if !req.Kind.Valid() {
		return errBadRequest(errors.New("login begin: unknown kind")) // the kind is the client's text: never logged
	}
	if !req.Discoverable && len(req.Credentials) == 0 {
		return errBadRequest(errors.New("login begin: allowCredentials needs at least one credential token"))
	}
	rp, err := a.relyingParty(r)
	if err != nil {
		return err
	}
	recs, err := a.openRecords(req.Credentials)
	if err != nil {
		return err
	}
	if err := sameRelyingParty(rp, recs); err != nil {
		return err
	}
	ko := optionsFor(req.Kind)
	opts := []webauthn.LoginOption{
		webauthn.WithUserVerification(ko.loginUV),
		webauthn.WithAssertionPublicKeyCredentialHints(ko.hints),
	}
	if !req.Discoverable {
		allow := make([]protocol.CredentialDescriptor, len(recs))
		for i, rec := range recs {
			c := rec.credential()
			allow[i] = c.Descriptor()
		}
		opts = append(opts, webauthn.WithAllowedCredentials(allow))
	}
	assertion, data, err := rp.wa.BeginDiscoverableLogin(opts...)
	if err != nil {
		return errInternal(fmt.Errorf("login begin: %w", err))
	}
	token, _, err := a.sealJSON(purposeLoginSession, a.cfg.LoginTimeout+a.cfg.Leeway, session{Kind: req.Kind, Discoverable: req.Discoverable, Data: *data})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ceremony.LoginBeginResponse{
		PublicKey: requestOptions(assertion.Response),
		Session:   token,
	})
	return nil
}

// sameRelyingParty refuses test credentials made under another RP ID: the
// browser would never offer them here.
func sameRelyingParty(rp *relyingParty, recs []record) error {
	for _, rec := range recs {
		if rec.RPID != rp.id {
			return errOriginMismatch(fmt.Errorf("credential made for rp id %q, serving %q", rec.RPID, rp.id))
		}
	}
	return nil
}
