package api

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// LoginFinish handles ceremony.PathLoginFinish: it verifies the assertion
// against the page's test credentials and answers the outcome with the
// credential re-sealed.
func (a *API) LoginFinish() http.Handler {
	return a.serve(StepLoginFinish, a.observed(StepLoginFinish, a.loginFinish))
}

func (a *API) loginFinish(w http.ResponseWriter, r *http.Request) error {
	var req ceremony.LoginFinishRequest
	done, err := a.finishing(w, r, &req)
	if err != nil {
		return err
	}
	defer done()
	if req.Session == "" || len(req.Credential) == 0 {
		return errBadRequest(errors.New("login finish: session or credential missing"))
	}
	rp, err := a.relyingParty(r)
	if err != nil {
		return err
	}
	s, err := a.openSession(purposeLoginSession, req.Session)
	if err != nil {
		return err
	}
	noteKind(r.Context(), s.Kind)
	recs, err := a.openRecords(req.Credentials)
	if err != nil {
		return err
	}
	if err := sameRelyingParty(rp, recs); err != nil {
		return err
	}
	parsed, err := protocol.ParseCredentialRequestResponseBytes(req.Credential)
	if err != nil {
		return translateParse(fmt.Errorf("login finish: parse credential: %w", err))
	}

	// The orphan case: the authenticator signed with a credential the page
	// holds no token for (made elsewhere, or its token lost). Nothing can be
	// verified against an unknown key, so say so before asking go-webauthn.
	i := findRecord(recs, parsed.RawID)
	if i < 0 {
		return errUnknownCredential(errors.New("login finish: assertion from a credential the page holds no token for"))
	}
	rec := recs[i]
	creds := make([]webauthn.Credential, len(recs))
	for j, rc := range recs {
		creds[j] = rc.credential()
	}

	var cred *webauthn.Credential
	if s.Discoverable {
		handler := func(rawID, userHandle []byte) (webauthn.User, error) {
			return testUser{id: rec.UserID, creds: []webauthn.Credential{creds[i]}}, nil
		}
		_, cred, err = rp.wa.ValidatePasskeyLogin(handler, s.Data, parsed)
	} else {
		// The session was begun without a user, listing every test
		// credential the page holds; the user is whoever owns the one that
		// signed.
		s.Data.UserID = rec.UserID
		cred, err = rp.wa.ValidateLogin(testUser{id: rec.UserID, creds: creds}, s.Data, parsed)
	}
	if err != nil {
		return translateVerify(fmt.Errorf("login finish: %w", err))
	}

	rec.Flags = byte(cred.Flags.ProtocolValue())
	rec.SignCount = cred.Authenticator.SignCount
	out, err := a.outcome(s.Kind, rec, parsed.Response.AuthenticatorData.Flags, cred.Authenticator.CloneWarning)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func findRecord(recs []record, id []byte) int {
	for i, rec := range recs {
		if bytes.Equal(rec.ID, id) {
			return i
		}
	}
	return -1
}
