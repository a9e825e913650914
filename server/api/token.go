package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

// Token purposes. A token opens only for the purpose it was sealed with.
const (
	purposeRegisterSession seal.Purpose = 1
	purposeLoginSession    seal.Purpose = 2
	purposeCredential      seal.Purpose = 3
)

// session is what a session token carries from begin to finish.
type session struct {
	Kind         ceremony.Kind        `json:"k"`
	Discoverable bool                 `json:"d,omitempty"`
	Data         webauthn.SessionData `json:"s"`
}

// record is the sealed test credential: what login needs from the
// registration, and what the outcome reports. The attestation object is
// left out on purpose: it is never needed again and would double the token.
type record struct {
	ID                []byte        `json:"id"`
	PublicKey         []byte        `json:"pk"`
	UserID            []byte        `json:"u"`
	RPID              string        `json:"rp"`
	Kind              ceremony.Kind `json:"k"`
	AttestationType   string        `json:"at,omitempty"`
	AttestationFormat string        `json:"af,omitempty"`
	Transports        []string      `json:"t,omitempty"`
	Flags             byte          `json:"f"`
	AAGUID            []byte        `json:"g,omitempty"`
	SignCount         uint32        `json:"c,omitempty"`
	Attachment        string        `json:"a,omitempty"`
	Discoverable      *bool         `json:"rk,omitempty"`
}

// credential is the record as go-webauthn's credential.
func (rec record) credential() webauthn.Credential {
	transports := make([]protocol.AuthenticatorTransport, len(rec.Transports))
	for i, t := range rec.Transports {
		transports[i] = protocol.AuthenticatorTransport(t)
	}
	return webauthn.Credential{
		ID:                rec.ID,
		PublicKey:         rec.PublicKey,
		AttestationType:   rec.AttestationType,
		AttestationFormat: rec.AttestationFormat,
		Transport:         transports,
		Flags:             webauthn.NewCredentialFlags(protocol.AuthenticatorFlags(rec.Flags)),
		Authenticator: webauthn.Authenticator{
			AAGUID:     rec.AAGUID,
			SignCount:  rec.SignCount,
			Attachment: protocol.AuthenticatorAttachment(rec.Attachment),
		},
	}
}

// sealJSON seals v as JSON.
func (a *API) sealJSON(p seal.Purpose, ttl time.Duration, v any) (string, time.Time, error) {
	payload, err := json.Marshal(v)
	if err != nil {
		return "", time.Time{}, errInternal(fmt.Errorf("encode token payload: %w", err))
	}
	token, expires, err := a.sealer.Seal(p, ttl, payload)
	if err != nil {
		return "", time.Time{}, errInternal(err)
	}
	return token, expires, nil
}

// openSession opens a single-use session token.
func (a *API) openSession(p seal.Purpose, token string) (session, error) {
	o, err := a.sealer.OpenOnce(p, token)
	if err != nil {
		return session{}, tokenError(fmt.Errorf("open session token: %w", err))
	}
	var s session
	if err := json.Unmarshal(o.Payload, &s); err != nil {
		// Authentic but unreadable: only a server bug or a format change
		// across versions can do this, and starting over fixes both.
		return session{}, errTokenInvalid(fmt.Errorf("decode session token: %w", err))
	}
	return s, nil
}

// openRecords opens the credential tokens a page sent.
func (a *API) openRecords(tokens []string) ([]record, error) {
	if len(tokens) > a.cfg.MaxCredentials {
		return nil, errBadRequest(fmt.Errorf("%d credential tokens, at most %d", len(tokens), a.cfg.MaxCredentials))
	}
	recs := make([]record, 0, len(tokens))
	for i, t := range tokens {
		o, err := a.sealer.Open(purposeCredential, t)
		if err != nil {
			return nil, tokenError(fmt.Errorf("open credential token %d: %w", i, err))
		}
		var rec record
		if err := json.Unmarshal(o.Payload, &rec); err != nil {
			return nil, errTokenInvalid(fmt.Errorf("decode credential token %d: %w", i, err))
		}
		recs = append(recs, rec)
	}
	return recs, nil
}

// tokenError maps a seal error to the API error the page acts on.
func tokenError(err error) *Error {
	switch {
	case errors.Is(err, seal.ErrExpired):
		return errTokenExpired(err)
	case errors.Is(err, seal.ErrUnknownKey):
		return errTokenUnknownKey(err)
	case errors.Is(err, seal.ErrReplayed):
		return errTokenReplayed(err)
	case errors.Is(err, seal.ErrReplayCacheFull):
		return errOverloaded(err)
	default: // ErrMalformed, ErrWrongPurpose
		return errTokenInvalid(err)
	}
}
