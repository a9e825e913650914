package api

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// realRegistration drives go-webauthn itself: begin, the software
// authenticator's answer (changed by mut), then CreateCredential with the
// session as changed by sessMut. It returns the library's error.
func realRegistration(t *testing.T, mut func(*softauth.Authenticator), sessMut func(*webauthn.SessionData)) error {
	t.Helper()
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	rp := h.api.fixed
	userID := []byte("0123456789abcdef")
	ko := optionsFor(ceremony.KindPlatform)
	creation, data, err := rp.wa.BeginRegistration(testUser{id: userID},
		webauthn.WithAuthenticatorSelection(protocol.AuthenticatorSelection{UserVerification: ko.registerUV}),
		webauthn.WithCredentialParameters(credentialParameters))
	if err != nil {
		t.Fatal(err)
	}
	auth := softauth.New()
	if mut != nil {
		mut(auth)
	}
	cred, err := auth.Create(creationOptions(creation.Response, userID))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(cred)
	parsed, err := protocol.ParseCredentialCreationResponseBytes(raw)
	if err != nil {
		return err
	}
	if sessMut != nil {
		sessMut(data)
	}
	_, err = rp.wa.CreateCredential(testUser{id: userID}, *data, parsed)
	return err
}

// TestTranslationTableMatchesTheLibrary pins webauthnRules to what the
// go-webauthn version in go.mod returns: if an upgrade rewords a message,
// the row that matched it fails here.
func TestTranslationTableMatchesTheLibrary(t *testing.T) {
	tests := []struct {
		name    string
		mut     func(*softauth.Authenticator)
		sessMut func(*webauthn.SessionData)
		want    ceremony.Code
	}{
		{"a response without UV is user-verification-missing", func(a *softauth.Authenticator) { a.UV = false }, nil, ceremony.CodeUserVerificationMissing},
		{"a foreign origin is origin-mismatch", func(a *softauth.Authenticator) { a.Origin = "https://evil.example" }, nil, ceremony.CodeOriginMismatch},
		{"a cross-origin response is origin-mismatch", func(a *softauth.Authenticator) { a.TopOrigin = "https://portal.example" }, nil, ceremony.CodeOriginMismatch},
		{"a foreign RP ID hash is origin-mismatch", func(a *softauth.Authenticator) { a.Faults.RPID = "evil.example" }, nil, ceremony.CodeOriginMismatch},
		{"a wrong challenge is verification-failed", func(a *softauth.Authenticator) { a.Faults.Challenge = []byte("another challenge!") }, nil, ceremony.CodeVerificationFailed},
		{"a session past go-webauthn's enforced timeout is token-expired", nil, func(s *webauthn.SessionData) { s.Expires = time.Now().Add(-time.Second) }, ceremony.CodeTokenExpired},
		{"an algorithm not offered is unsupported-algorithm", func(a *softauth.Authenticator) { a.Faults.Algorithm = -47 }, nil, ceremony.CodeUnsupportedAlgorithm},
		{"BS without BE is verification-failed", func(a *softauth.Authenticator) { a.Faults.BackupStateOnly = true }, nil, ceremony.CodeVerificationFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := realRegistration(t, tt.mut, tt.sessMut)
			if err == nil {
				t.Fatal("go-webauthn accepted the response")
			}
			got := translateVerify(err)
			if got.Code != tt.want {
				t.Fatalf("translateVerify(%v) = %s, want %s", err, got.Code, tt.want)
			}
			if got.Status < 400 || got.Status >= 500 {
				t.Errorf("status %d is not a 4xx", got.Status)
			}
			var pe *protocol.Error
			if errors.As(got, &pe) && pe.DevInfo != "" {
				t.Errorf("the translated cause keeps DevInfo %q", pe.DevInfo)
			}
		})
	}
}

func TestEveryRuleIsReachable(t *testing.T) {
	// Each Type named in the table is one go-webauthn defines.
	known := map[string]bool{}
	for _, e := range []*protocol.Error{protocol.ErrBadRequest, protocol.ErrChallengeMismatch, protocol.ErrParsingData, protocol.ErrAuthData,
		protocol.ErrVerification, protocol.ErrAttestation, protocol.ErrInvalidAttestation, protocol.ErrAttestationFormat,
		protocol.ErrAssertionSignature, protocol.ErrUnsupportedKey, protocol.ErrUnsupportedAlgorithm, protocol.ErrPolicyRestriction} {
		known[e.Type] = true
	}
	for _, r := range webauthnRules {
		if !known[r.Type] {
			t.Errorf("rule for unknown type %q", r.Type)
		}
	}
}

func TestUnknownErrorsStayClientErrors(t *testing.T) {
	for _, err := range []error{errors.New("something odd"), protocol.ErrNotImplemented, &protocol.ErrorUnknownCredential{Err: protocol.ErrBadRequest}} {
		got := translateVerify(err)
		if got.Status >= 500 {
			t.Errorf("translateVerify(%v) = %d, want a 4xx", err, got.Status)
		}
	}
	if got := translateVerify(&protocol.ErrorUnknownCredential{Err: protocol.ErrBadRequest}); got.Code != ceremony.CodeUnknownCredential {
		t.Errorf("unknown credential translated to %s", got.Code)
	}
	if got := translateParse(errors.New("x")); got.Code != ceremony.CodeBadRequest {
		t.Errorf("parse failure translated to %s", got.Code)
	}
}

func TestErrorIsMatchesByCode(t *testing.T) {
	err := errTokenExpired(errors.New("cause one"))
	if !errors.Is(err, &Error{Code: ceremony.CodeTokenExpired}) {
		t.Error("errors.Is does not match the same code")
	}
	if errors.Is(err, &Error{Code: ceremony.CodeTokenInvalid}) {
		t.Error("errors.Is matches another code")
	}
	if !strings.Contains(err.Error(), "cause one") || strings.Contains(err.Public().Message, "cause one") {
		t.Errorf("cause must be in Error() and never in the public message: %q / %q", err.Error(), err.Public().Message)
	}
}
