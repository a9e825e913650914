package probe

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// localPrefix marks session and credential tokens made by LocalAPI: they
// are plain (unsealed) JSON the page made for itself, never sent to a
// server.
const localPrefix = "local."

// IsLocalToken reports whether a session or credential token was made by
// LocalAPI rather than sealed by the server.
func IsLocalToken(token string) bool { return strings.HasPrefix(token, localPrefix) }

// localTimeout is the WebAuthn timeout of a local ceremony, as long as the
// server's default.
const localTimeout = 3 * time.Minute

// localCredentialTTL is how long the page keeps using a local test passkey.
const localCredentialTTL = 30 * 24 * time.Hour

// The anonymous test user, as the server names it.
const (
	localUserName        = "passkey-doctor-test"
	localUserDisplayName = "Passkey Doctor test (safe to delete)"
)

// credentialAlgorithms are the COSE algorithms offered, as the server
// offers them: ES256, EdDSA, ES384, RS256.
var credentialAlgorithms = []int{-7, -8, -35, -257}

// LocalAPI runs the test ceremonies with no server: offline, or from a
// static host. It builds the options itself from ceremony.PolicyFor, and on
// finish checks what the page can check on its own — the client data's
// type, challenge and origin, the authenticator data's RP ID hash, flags
// and user verification, and the credential id. Nobody verifies the
// signature or the attestation, so every FinishResponse it returns has
// LocalOnly set.
type LocalAPI struct {
	// Origin is the page's own origin, e.g. "https://doctor.example.com".
	Origin string
	// RPID is the page's host name.
	RPID string
	// Rand is the source of challenges and user handles; nil means
	// crypto/rand.
	Rand io.Reader
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// localSession is what LocalAPI remembers between begin and finish, inside
// the session token the page holds anyway.
type localSession struct {
	Kind         ceremony.Kind      `json:"kind"`
	Challenge    ceremony.Base64URL `json:"challenge"`
	UserID       ceremony.Base64URL `json:"userId,omitempty"`
	UV           string             `json:"uv"`
	Discoverable bool               `json:"discoverable,omitempty"`
	Expires      time.Time          `json:"expires"`
}

// localCredential is a test passkey made by a local ceremony.
type localCredential struct {
	ID         ceremony.Base64URL `json:"id"`
	RPID       string             `json:"rpId"`
	Kind       ceremony.Kind      `json:"kind"`
	UserID     ceremony.Base64URL `json:"userId,omitempty"`
	AAGUID     string             `json:"aaguid"`
	Format     string             `json:"fmt,omitempty"`
	Attachment string             `json:"attachment,omitempty"`
	Transports []string           `json:"transports,omitempty"`
	SignCount  uint32             `json:"signCount"`
	Expires    time.Time          `json:"expires"`
}

// RegisterBegin makes creation options for the test kind.
func (l LocalAPI) RegisterBegin(_ context.Context, req ceremony.RegisterBeginRequest) (ceremony.RegisterBeginResponse, error) {
	if !req.Kind.CanRegister() {
		return ceremony.RegisterBeginResponse{}, localError(ceremony.CodeBadRequest, fmt.Sprintf("kind %q cannot register", req.Kind))
	}
	challenge, err := l.random(32)
	if err != nil {
		return ceremony.RegisterBeginResponse{}, err
	}
	userID, err := l.random(16)
	if err != nil {
		return ceremony.RegisterBeginResponse{}, err
	}
	p := ceremony.PolicyFor(req.Kind)
	params := make([]ceremony.CredentialParameter, len(credentialAlgorithms))
	for i, alg := range credentialAlgorithms {
		params[i] = ceremony.CredentialParameter{Type: "public-key", Alg: alg}
	}
	opts := ceremony.CreationOptions{
		RP:               ceremony.RelyingParty{ID: l.RPID, Name: "Passkey Doctor"},
		User:             ceremony.User{ID: userID, Name: localUserName, DisplayName: localUserDisplayName},
		Challenge:        challenge,
		PubKeyCredParams: params,
		Timeout:          int(localTimeout.Milliseconds()),
		AuthenticatorSelection: &ceremony.AuthenticatorSelection{
			AuthenticatorAttachment: p.Attachment,
			ResidentKey:             p.ResidentKey,
			RequireResidentKey:      p.ResidentKey == ceremony.ResidentKeyRequired,
			UserVerification:        p.RegisterUV,
		},
		Hints:       p.Hints,
		Attestation: "none",
		Extensions:  &ceremony.Extensions{CredProps: true},
	}
	token, err := encodeLocal(localSession{Kind: req.Kind, Challenge: challenge, UserID: userID, UV: p.RegisterUV, Expires: l.now().Add(localTimeout)})
	if err != nil {
		return ceremony.RegisterBeginResponse{}, err
	}
	return ceremony.RegisterBeginResponse{PublicKey: opts, Session: token}, nil
}

// RegisterFinish checks the new credential as far as the page can.
func (l LocalAPI) RegisterFinish(_ context.Context, req ceremony.RegisterFinishRequest) (ceremony.FinishResponse, error) {
	s, err := l.session(req.Session)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	var resp ceremony.RegistrationResponse
	if err := json.Unmarshal(req.Credential, &resp); err != nil {
		return ceremony.FinishResponse{}, localError(ceremony.CodeBadRequest, "the credential is not RegistrationResponseJSON")
	}
	if err := l.checkClientData(resp.Response.ClientDataJSON, "webauthn.create", s.Challenge); err != nil {
		return ceremony.FinishResponse{}, err
	}
	format, raw := "", []byte(resp.Response.AuthenticatorData)
	if f, a, err := attestationFields(resp.Response.AttestationObject); err == nil {
		format = f
		if raw == nil {
			raw = a
		}
	}
	ad, err := l.checkAuthData(raw, s.UV)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	if ad.credentialID == nil {
		return ceremony.FinishResponse{}, localError(ceremony.CodeVerificationFailed, "the authenticator data holds no new credential")
	}
	if !bytes.Equal(ad.credentialID, resp.RawID) || resp.ID != ceremony.Base64URL(resp.RawID).String() {
		return ceremony.FinishResponse{}, localError(ceremony.CodeVerificationFailed, "the credential id does not match the authenticator data")
	}
	cred := localCredential{
		ID:         resp.RawID,
		RPID:       l.RPID,
		Kind:       s.Kind,
		UserID:     s.UserID,
		AAGUID:     ceremony.FormatAAGUID(ad.aaguid),
		Format:     format,
		Attachment: resp.AuthenticatorAttachment,
		Transports: resp.Response.Transports,
		SignCount:  ad.signCount,
		Expires:    l.now().Add(localCredentialTTL),
	}
	out, err := l.outcome(s.Kind, cred, ad.flags)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	out.Discoverable = credPropsRK(resp.ClientExtensionResults)
	return out, nil
}

// LoginBegin makes request options. Only local credentials can be listed in
// allowCredentials: server-sealed ones are opaque to the page.
func (l LocalAPI) LoginBegin(_ context.Context, req ceremony.LoginBeginRequest) (ceremony.LoginBeginResponse, error) {
	if !req.Kind.Valid() {
		return ceremony.LoginBeginResponse{}, localError(ceremony.CodeBadRequest, fmt.Sprintf("kind %q", req.Kind))
	}
	creds := l.credentials(req.Credentials)
	if !req.Discoverable && len(creds) == 0 {
		return ceremony.LoginBeginResponse{}, localError(ceremony.CodeBadRequest, "allowCredentials needs at least one test passkey made in this browser")
	}
	challenge, err := l.random(32)
	if err != nil {
		return ceremony.LoginBeginResponse{}, err
	}
	p := ceremony.PolicyFor(req.Kind)
	opts := ceremony.RequestOptions{
		Challenge:        challenge,
		Timeout:          int(localTimeout.Milliseconds()),
		RPID:             l.RPID,
		UserVerification: p.LoginUV,
		Hints:            p.Hints,
	}
	if !req.Discoverable {
		for _, c := range creds {
			opts.AllowCredentials = append(opts.AllowCredentials, ceremony.CredentialDescriptor{Type: "public-key", ID: c.ID, Transports: c.Transports})
		}
	}
	token, err := encodeLocal(localSession{Kind: req.Kind, Challenge: challenge, UV: p.LoginUV, Discoverable: req.Discoverable, Expires: l.now().Add(localTimeout)})
	if err != nil {
		return ceremony.LoginBeginResponse{}, err
	}
	return ceremony.LoginBeginResponse{PublicKey: opts, Session: token}, nil
}

// LoginFinish checks the assertion as far as the page can. An assertion
// from a passkey that is none of the page's test passkeys is the orphan
// case — but only when the page knows them all: a server-sealed token may
// hide the one that signed.
func (l LocalAPI) LoginFinish(_ context.Context, req ceremony.LoginFinishRequest) (ceremony.FinishResponse, error) {
	s, err := l.session(req.Session)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	var resp ceremony.AuthenticationResponse
	if err := json.Unmarshal(req.Credential, &resp); err != nil {
		return ceremony.FinishResponse{}, localError(ceremony.CodeBadRequest, "the credential is not AuthenticationResponseJSON")
	}
	if err := l.checkClientData(resp.Response.ClientDataJSON, "webauthn.get", s.Challenge); err != nil {
		return ceremony.FinishResponse{}, err
	}
	ad, err := l.checkAuthData(resp.Response.AuthenticatorData, s.UV)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	if resp.ID != ceremony.Base64URL(resp.RawID).String() {
		return ceremony.FinishResponse{}, localError(ceremony.CodeVerificationFailed, "the credential id and raw id differ")
	}
	creds := l.credentials(req.Credentials)
	i := slices.IndexFunc(creds, func(c localCredential) bool { return bytes.Equal(c.ID, resp.RawID) })
	var cred localCredential
	switch {
	case i >= 0:
		cred = creds[i]
	case len(creds) == len(req.Credentials):
		return ceremony.FinishResponse{}, localError(ceremony.CodeUnknownCredential, "the authenticator signed with a passkey that is none of this page's test passkeys")
	default:
		cred = localCredential{ID: resp.RawID, RPID: l.RPID, Kind: s.Kind, AAGUID: ceremony.FormatAAGUID(make([]byte, 16))}
	}
	if s.Discoverable && len(cred.UserID) > 0 && !bytes.Equal(cred.UserID, resp.Response.UserHandle) {
		return ceremony.FinishResponse{}, localError(ceremony.CodeVerificationFailed, "the user handle does not match the test passkey")
	}
	regressed := (ad.signCount != 0 || cred.SignCount != 0) && ad.signCount <= cred.SignCount
	cred.SignCount = ad.signCount
	cred.Expires = l.now().Add(localCredentialTTL)
	if resp.AuthenticatorAttachment != "" {
		cred.Attachment = resp.AuthenticatorAttachment
	}
	out, err := l.outcome(s.Kind, cred, ad.flags)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	out.CounterRegressed = regressed
	return out, nil
}

// clientData is the part of CollectedClientData the page checks.
type clientData struct {
	Type        string `json:"type"`
	Challenge   string `json:"challenge"`
	Origin      string `json:"origin"`
	CrossOrigin bool   `json:"crossOrigin"`
}

// checkClientData compares the client data with what this ceremony asked.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential (steps 7-10)
func (l LocalAPI) checkClientData(raw []byte, wantType string, challenge []byte) error {
	var cd clientData
	if err := json.Unmarshal(raw, &cd); err != nil {
		return localError(ceremony.CodeBadRequest, "clientDataJSON is not JSON")
	}
	if cd.Type != wantType {
		return localError(ceremony.CodeVerificationFailed, fmt.Sprintf("client data type is %q, want %q", cd.Type, wantType))
	}
	got, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(cd.Challenge, "="))
	if err != nil || !bytes.Equal(got, challenge) {
		return localError(ceremony.CodeVerificationFailed, "the challenge in the client data is not the one this page sent")
	}
	if cd.Origin != l.Origin {
		return localError(ceremony.CodeOriginMismatch, fmt.Sprintf("client data origin is %q, want %q", cd.Origin, l.Origin))
	}
	return nil
}

// checkAuthData checks the RP ID hash, user presence and, when the
// ceremony required it, user verification.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-registering-a-new-credential (steps 13-16)
func (l LocalAPI) checkAuthData(raw []byte, uv string) (authData, error) {
	ad, err := parseAuthData(raw)
	if err != nil {
		return authData{}, localError(ceremony.CodeVerificationFailed, err.Error())
	}
	want := sha256.Sum256([]byte(l.RPID))
	if !bytes.Equal(ad.rpIDHash, want[:]) {
		return authData{}, localError(ceremony.CodeOriginMismatch, fmt.Sprintf("the authenticator data is for another RP ID than %q", l.RPID))
	}
	if ad.flags&flagUP == 0 {
		return authData{}, localError(ceremony.CodeVerificationFailed, "the authenticator did not report user presence")
	}
	if uv == ceremony.UVRequired && ad.flags&flagUV == 0 {
		return authData{}, localError(ceremony.CodeUserVerificationMissing, "user verification was required and the authenticator did not perform it")
	}
	return ad, nil
}

// outcome describes a checked ceremony and carries the credential on.
func (l LocalAPI) outcome(kind ceremony.Kind, c localCredential, flags byte) (ceremony.FinishResponse, error) {
	token, err := encodeLocal(c)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	return ceremony.FinishResponse{
		Kind:              kind,
		CredentialID:      c.ID,
		UserPresent:       flags&flagUP != 0,
		UserVerified:      flags&flagUV != 0,
		BackupEligible:    flags&flagBE != 0,
		BackedUp:          flags&flagBS != 0,
		AAGUID:            c.AAGUID,
		AuthenticatorName: ceremony.AuthenticatorName(c.AAGUID),
		Attachment:        c.Attachment,
		Transports:        c.Transports,
		AttestationFormat: c.Format,
		SignCount:         c.SignCount,
		Credential:        token,
		CredentialExpires: c.Expires,
		LocalOnly:         true,
	}, nil
}

// session opens a local session token and refuses an expired one.
func (l LocalAPI) session(token string) (localSession, error) {
	var s localSession
	if err := decodeLocal(token, &s); err != nil || len(s.Challenge) == 0 {
		return localSession{}, localError(ceremony.CodeTokenInvalid, "the ceremony state is not one this page made")
	}
	if l.now().After(s.Expires) {
		return localSession{}, localError(ceremony.CodeTokenExpired, "the ceremony took longer than its timeout")
	}
	return s, nil
}

// credentials opens the local, unexpired credential tokens for this RP ID
// among tokens; server-sealed ones are skipped.
func (l LocalAPI) credentials(tokens []string) []localCredential {
	var out []localCredential
	for _, t := range tokens {
		var c localCredential
		if decodeLocal(t, &c) != nil || len(c.ID) == 0 || c.RPID != l.RPID || l.now().After(c.Expires) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func (l LocalAPI) random(n int) ([]byte, error) {
	r := l.Rand
	if r == nil {
		r = rand.Reader
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, fmt.Errorf("local ceremony: random: %w", err)
	}
	return b, nil
}

func (l LocalAPI) now() time.Time {
	if l.Now == nil {
		return time.Now()
	}
	return l.Now()
}

func encodeLocal(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("local ceremony: encode token: %w", err)
	}
	return localPrefix + base64.RawURLEncoding.EncodeToString(b), nil
}

func decodeLocal(token string, v any) error {
	rest, ok := strings.CutPrefix(token, localPrefix)
	if !ok {
		return errors.New("not a local token")
	}
	b, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return fmt.Errorf("decode local token: %w", err)
	}
	return json.Unmarshal(b, v)
}

// localError is a failed local check, in the server's error type so the
// diagnosis engine maps its code to a cause just the same.
func localError(code ceremony.Code, message string) error {
	return &ceremony.Error{Code: code, Message: "checked in this browser: " + message}
}

// credPropsRK reads clientExtensionResults.credProps.rk, when present.
func credPropsRK(raw json.RawMessage) *bool {
	var ext struct {
		CredProps *struct {
			RK *bool `json:"rk"`
		} `json:"credProps"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &ext) != nil || ext.CredProps == nil {
		return nil
	}
	return ext.CredProps.RK
}
