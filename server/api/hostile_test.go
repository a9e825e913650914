package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// hostile is one hostile request: send builds and sends it against a fresh
// replica, and the answer must be exactly the coded 4xx wanted.
type hostile struct {
	name       string
	send       func(t *testing.T, h *harness) *httptest.ResponseRecorder
	wantStatus int
	wantCode   ceremony.Code
}

// registration makes a registration finish body from a fresh begin, with
// the authenticator and its answer changed first.
func registration(authMut func(*softauth.Authenticator), credMut func(*ceremony.RegistrationResponse)) func(*testing.T, *harness) *httptest.ResponseRecorder {
	return func(t *testing.T, h *harness) *httptest.ResponseRecorder {
		auth := softauth.New()
		if authMut != nil {
			authMut(auth)
		}
		begin := h.registerBegin(ceremony.KindPlatform)
		cred, err := auth.Create(begin.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		if credMut != nil {
			credMut(&cred)
		}
		raw, _ := json.Marshal(cred)
		body, _ := json.Marshal(ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
		return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body)
	}
}

// login registers a credential properly, then signs in with the
// authenticator and its answer changed.
func login(authMut func(*softauth.Authenticator), credMut func(*ceremony.AuthenticationResponse)) func(*testing.T, *harness) *httptest.ResponseRecorder {
	return func(t *testing.T, h *harness) *httptest.ResponseRecorder {
		auth := softauth.New()
		reg := h.register(auth, ceremony.KindPlatform)
		if authMut != nil {
			authMut(auth)
		}
		begin := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
		cred, err := auth.Get(begin.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		if credMut != nil {
			credMut(&cred)
		}
		raw, _ := json.Marshal(cred)
		body, _ := json.Marshal(ceremony.LoginFinishRequest{Session: begin.Session, Credentials: []string{reg.Credential}, Credential: raw})
		return h.do(http.MethodPost, ceremony.PathLoginFinish, "application/json", body)
	}
}

// raw sends body as is to path.
func raw(method, path, contentType, body string) func(*testing.T, *harness) *httptest.ResponseRecorder {
	return func(t *testing.T, h *harness) *httptest.ResponseRecorder {
		return h.do(method, path, contentType, []byte(body))
	}
}

// finishBody sends a register finish body built from a fresh session.
func finishBody(build func(session string) string) func(*testing.T, *harness) *httptest.ResponseRecorder {
	return func(t *testing.T, h *harness) *httptest.ResponseRecorder {
		begin := h.registerBegin(ceremony.KindPlatform)
		return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(build(begin.Session)))
	}
}

// attestationObject replaces the attestation object with raw CBOR.
func attestationObject(cbor []byte) func(*ceremony.RegistrationResponse) {
	return func(c *ceremony.RegistrationResponse) { c.Response.AttestationObject = cbor }
}

// attObj wraps authData in a "none" attestation object.
func attObj(authData []byte) []byte {
	b := []byte{0xa3, 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e', 0x67, 'a', 't', 't', 'S', 't', 'm', 't', 0xa0, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a'}
	if len(authData) < 24 {
		b = append(b, 0x40|byte(len(authData)))
	} else {
		b = append(b, 0x59, byte(len(authData)>>8), byte(len(authData)))
	}
	return append(b, authData...)
}

func hostileCases() []hostile {
	validBegin := `{"kind":"platform"}`
	deep := bytes.Repeat([]byte{0x81}, 64) // 64 nested one-element arrays
	deep = append(deep, 0x00)
	return []hostile{
		// Transport: size, type, method.
		{"an oversized body is refused unread", raw(http.MethodPost, ceremony.PathRegisterFinish, "application/json", `{"session":"`+strings.Repeat("A", 70<<10)+`"}`), 413, ceremony.CodeBodyTooLarge},
		{"a text/plain body is refused", raw(http.MethodPost, ceremony.PathRegisterBegin, "text/plain", validBegin), 415, ceremony.CodeUnsupportedMediaType},
		{"a body without a content type is refused", raw(http.MethodPost, ceremony.PathRegisterBegin, "", validBegin), 415, ceremony.CodeUnsupportedMediaType},
		{"a non-UTF-8 charset is refused", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json; charset=latin1", validBegin), 415, ceremony.CodeUnsupportedMediaType},
		{"a GET is refused with a code", raw(http.MethodGet, ceremony.PathRegisterBegin, "", ""), 405, ceremony.CodeMethodNotAllowed},
		{"a PUT is refused with a code", raw(http.MethodPut, ceremony.PathLoginFinish, "application/json", "{}"), 405, ceremony.CodeMethodNotAllowed},
		// JSON envelope.
		{"truncated JSON is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", `{"kind":"platf`), 400, ceremony.CodeBadRequest},
		{"trailing data is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", validBegin+`{}`), 400, ceremony.CodeBadRequest},
		{"an unknown field is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", `{"kind":"platform","admin":true}`), 400, ceremony.CodeBadRequest},
		{"an empty body is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", ``), 400, ceremony.CodeBadRequest},
		{"an unknown kind is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", `{"kind":"toaster"}`), 400, ceremony.CodeBadRequest},
		{"registering the existing-passkey test is a bad request", raw(http.MethodPost, ceremony.PathRegisterBegin, "application/json", `{"kind":"existing"}`), 400, ceremony.CodeBadRequest},
		{"a login listing no credentials is a bad request", raw(http.MethodPost, ceremony.PathLoginBegin, "application/json", `{"kind":"platform"}`), 400, ceremony.CodeBadRequest},
		{"a login with too many credential tokens is a bad request", raw(http.MethodPost, ceremony.PathLoginBegin, "application/json", `{"kind":"platform","credentials":[`+strings.Repeat(`"x",`, 16)+`"x"]}`), 400, ceremony.CodeBadRequest},
		{"a finish without a session is a bad request", raw(http.MethodPost, ceremony.PathRegisterFinish, "application/json", `{"credential":{}}`), 400, ceremony.CodeBadRequest},
		{"a credential that is not an object is a bad request", finishBody(func(s string) string { return `{"session":"` + s + `","credential":"x"}` }), 400, ceremony.CodeBadRequest},
		// The credential JSON.
		{"bad base64url in rawId is a bad request", registration(nil, func(c *ceremony.RegistrationResponse) { c.ID = "!!!" }), 400, ceremony.CodeBadRequest},
		{"an id that is not rawId is a bad request", registration(func(a *softauth.Authenticator) { a.Faults.MismatchID = true }, nil), 400, ceremony.CodeBadRequest},
		{"client data that is not JSON is a bad request", login(nil, func(c *ceremony.AuthenticationResponse) { c.Response.ClientDataJSON = []byte("not json") }), 400, ceremony.CodeBadRequest},
		{"the wrong client data type does not verify", registration(func(a *softauth.Authenticator) { a.Faults.Type = "webauthn.get" }, nil), 422, ceremony.CodeVerificationFailed},
		{"the wrong challenge does not verify", registration(func(a *softauth.Authenticator) { a.Faults.Challenge = []byte("0123456789abcdef0123") }, nil), 422, ceremony.CodeVerificationFailed},
		{"the wrong origin is an origin mismatch", registration(func(a *softauth.Authenticator) { a.Origin = "https://evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		{"an unexpected top origin is an origin mismatch", login(func(a *softauth.Authenticator) { a.TopOrigin = "https://evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		// CBOR and authenticator data.
		{"malformed CBOR is a bad request", registration(nil, attestationObject([]byte{0xa3, 0x63, 'f'})), 400, ceremony.CodeBadRequest},
		{"indefinite-length CBOR is a bad request", registration(nil, attestationObject([]byte{0xbf, 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e', 0xff})), 400, ceremony.CodeBadRequest},
		{"duplicate-keyed CBOR is a bad request", registration(nil, attestationObject([]byte{0xa2, 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e', 0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e'})), 400, ceremony.CodeBadRequest},
		{"too deeply nested CBOR is a bad request", registration(nil, attestationObject(deep)), 400, ceremony.CodeBadRequest},
		{"a tiny CBOR declaring a huge byte string is a bad request", registration(nil, attestationObject([]byte{0xa1, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x5b, 0, 0, 1, 0, 0, 0, 0, 0})), 400, ceremony.CodeBadRequest},
		{"authenticator data that is too short is a bad request", registration(nil, attestationObject(attObj(make([]byte, 20)))), 400, ceremony.CodeBadRequest},
		{"leftover bytes after the authenticator data are a bad request", registration(func(a *softauth.Authenticator) { a.Faults.TrailingAuthData = []byte{1, 2, 3} }, nil), 400, ceremony.CodeBadRequest},
		{"a 1 KiB credential id is a bad request", registration(func(a *softauth.Authenticator) { a.Faults.CredentialIDLen = 1024 }, nil), 400, ceremony.CodeBadRequest},
		{"a wrong RP ID hash is an origin mismatch", registration(func(a *softauth.Authenticator) { a.Faults.RPID = "evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		{"a missing UP flag does not verify", login(func(a *softauth.Authenticator) { a.Faults.NoUP = true }, nil), 422, ceremony.CodeVerificationFailed},
		{"a missing UV flag on the platform test is UV missing", login(func(a *softauth.Authenticator) { a.UV = false }, nil), 422, ceremony.CodeUserVerificationMissing},
		{"BS without BE does not verify", registration(func(a *softauth.Authenticator) { a.Faults.BackupStateOnly = true }, nil), 422, ceremony.CodeVerificationFailed},
		{"a BE flag that changed since registration does not verify", login(func(a *softauth.Authenticator) { a.BackupEligible = true }, nil), 422, ceremony.CodeVerificationFailed},
		{"a flipped attestation signature bit does not verify", registration(func(a *softauth.Authenticator) { a.Attestation, a.Faults.FlipSignature = "packed", true }, nil), 422, ceremony.CodeVerificationFailed},
		{"a flipped assertion signature bit does not verify", login(func(a *softauth.Authenticator) { a.Faults.FlipSignature = true }, nil), 422, ceremony.CodeVerificationFailed},
		{"an algorithm the server did not offer is unsupported", registration(func(a *softauth.Authenticator) { a.Faults.Algorithm = -47 }, nil), 422, ceremony.CodeUnsupportedAlgorithm},
		// Tokens.
		{"a tampered session token is invalid", finishBody(func(s string) string { return `{"session":"` + flipChar(s, 30) + `","credential":{}}` }), 400, ceremony.CodeTokenInvalid},
		{"a truncated session token is invalid", finishBody(func(s string) string { return `{"session":"` + s[:20] + `","credential":{}}` }), 400, ceremony.CodeTokenInvalid},
		{"a login session used for registration is invalid", func(t *testing.T, h *harness) *httptest.ResponseRecorder {
			reg := h.register(softauth.New(), ceremony.KindPlatform)
			lb := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
			return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(`{"session":"`+lb.Session+`","credential":{}}`))
		}, 400, ceremony.CodeTokenInvalid},
		{"a session of an unknown key names the key", func(t *testing.T, h *harness) *httptest.ResponseRecorder {
			other := newHarness(t, testConfig(newKey(t, 200)), h.clock)
			begin := other.registerBegin(ceremony.KindPlatform)
			return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(`{"session":"`+begin.Session+`","credential":{}}`))
		}, 400, ceremony.CodeTokenUnknownKey},
		{"an expired session is expired", func(t *testing.T, h *harness) *httptest.ResponseRecorder {
			begin := h.registerBegin(ceremony.KindPlatform)
			h.clock.Advance(time.Hour)
			return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(`{"session":"`+begin.Session+`","credential":{}}`))
		}, 400, ceremony.CodeTokenExpired},
		{"the same finish replayed is refused", func(t *testing.T, h *harness) *httptest.ResponseRecorder {
			auth := softauth.New()
			begin := h.registerBegin(ceremony.KindPlatform)
			cred, _ := auth.Create(begin.PublicKey)
			raw, _ := json.Marshal(cred)
			body, _ := json.Marshal(ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
			if rec := h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body); rec.Code != 200 {
				t.Fatalf("first finish: %d %s", rec.Code, rec.Body)
			}
			return h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body)
		}, 409, ceremony.CodeTokenReplayed},
	}
}

func TestHostileInputIsACoded4xx(t *testing.T) {
	cases := hostileCases()
	if len(cases) < 28 {
		t.Fatalf("only %d hostile cases", len(cases))
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testConfig(newKey(t, 1)), nil)
			rec := tt.send(t, h)
			var e ceremony.Error
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("answer is not a coded JSON error: %d %q", rec.Code, rec.Body)
			}
			if rec.Code != tt.wantStatus || e.Code != tt.wantCode {
				t.Fatalf("got %d %s (%s), want %d %s", rec.Code, e.Code, e.Message, tt.wantStatus, tt.wantCode)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q", cc)
			}
			for _, leak := range []string{"debug", "Expected", "Received", "go-webauthn", "protocol"} {
				if strings.Contains(rec.Body.String(), leak) {
					t.Errorf("answer leaks %q: %s", leak, rec.Body)
				}
			}
		})
	}
}

func TestHugeDeclaredCBORIsAnsweredFastWithoutAllocating(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	send := registration(nil, attestationObject([]byte{0xa1, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x5b, 0, 0, 1, 0, 0, 0, 0, 0}))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	rec := send(t, h)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d", rec.Code)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Errorf("allocated %d bytes for a %d-byte body", grown, rec.Body.Len())
	}
	if elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
}
