package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// The api package pins every hostile input against the handlers alone
// (server/api/hostile_test.go). These cases go through the whole server
// (headers, recovery, rate limit, in-flight cap, mux, API), so a guard can
// never turn a client's mistake into a 5xx, a plain-text answer or a leak.

type hostileSend func(t *testing.T, r *rig) *httptest.ResponseRecorder

// send posts body as is to path.
func send(method, path, contentType, body string) hostileSend {
	return func(t *testing.T, r *rig) *httptest.ResponseRecorder {
		return r.do(method, path, contentType, []byte(body))
	}
}

// withSession sends a register finish body built around a fresh session.
func withSession(build func(session string) string) hostileSend {
	return func(t *testing.T, r *rig) *httptest.ResponseRecorder {
		return r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(build(r.registerBegin().Session)))
	}
}

// registerWith registers with a changed authenticator or answer.
func registerWith(authMut func(*softauth.Authenticator), credMut func(*ceremony.RegistrationResponse)) hostileSend {
	return func(t *testing.T, r *rig) *httptest.ResponseRecorder {
		auth := softauth.New()
		if authMut != nil {
			authMut(auth)
		}
		begin := r.registerBegin()
		cred, err := auth.Create(begin.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		if credMut != nil {
			credMut(&cred)
		}
		raw, _ := json.Marshal(cred)
		body, _ := json.Marshal(ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
		return r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body)
	}
}

// loginWith registers properly, then signs in with a changed authenticator
// or answer.
func loginWith(authMut func(*softauth.Authenticator), credMut func(*ceremony.AuthenticationResponse)) hostileSend {
	return func(t *testing.T, r *rig) *httptest.ResponseRecorder {
		auth := softauth.New()
		token := r.register(auth)
		if authMut != nil {
			authMut(auth)
		}
		begin := r.loginBegin(token)
		cred, err := auth.Get(begin.PublicKey)
		if err != nil {
			t.Fatal(err)
		}
		if credMut != nil {
			credMut(&cred)
		}
		raw, _ := json.Marshal(cred)
		body, _ := json.Marshal(ceremony.LoginFinishRequest{Session: begin.Session, Credentials: []string{token}, Credential: raw})
		return r.do(http.MethodPost, ceremony.PathLoginFinish, "application/json", body)
	}
}

func cborAttestation(b []byte) func(*ceremony.RegistrationResponse) {
	return func(c *ceremony.RegistrationResponse) { c.Response.AttestationObject = b }
}

// flip changes one character of a token in its middle.
func flip(s string) string {
	b := []byte(s)
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}

func hostileServerCases() []struct {
	name       string
	send       hostileSend
	wantStatus int
	wantCode   ceremony.Code
} {
	begin := `{"kind":"platform"}`
	json := "application/json"
	post := http.MethodPost
	return []struct {
		name       string
		send       hostileSend
		wantStatus int
		wantCode   ceremony.Code
	}{
		// Transport.
		{"an oversized body is refused", send(post, ceremony.PathRegisterFinish, json, `{"session":"`+strings.Repeat("A", 1<<20)+`"}`), 413, ceremony.CodeBodyTooLarge},
		{"a text/plain body is refused", send(post, ceremony.PathRegisterBegin, "text/plain", begin), 415, ceremony.CodeUnsupportedMediaType},
		{"a form post is refused", send(post, ceremony.PathLoginBegin, "application/x-www-form-urlencoded", "kind=platform"), 415, ceremony.CodeUnsupportedMediaType},
		{"a body without a content type is refused", send(post, ceremony.PathRegisterBegin, "", begin), 415, ceremony.CodeUnsupportedMediaType},
		{"a latin1 charset is refused", send(post, ceremony.PathRegisterBegin, "application/json; charset=latin1", begin), 415, ceremony.CodeUnsupportedMediaType},
		{"a GET of an API endpoint is a coded 405", send(http.MethodGet, ceremony.PathRegisterBegin, "", ""), 405, ceremony.CodeMethodNotAllowed},
		{"a PUT of a finish is a coded 405", send(http.MethodPut, ceremony.PathLoginFinish, json, "{}"), 405, ceremony.CodeMethodNotAllowed},
		{"a DELETE of an unknown API path is a coded 404", send(http.MethodDelete, "/api/ceremony/nope", "", ""), 404, ceremony.CodeNotFound},
		{"a path under the API that does not exist is a coded 404", send(post, "/api/admin", json, "{}"), 404, ceremony.CodeNotFound},
		// JSON envelope.
		{"truncated JSON is a bad request", send(post, ceremony.PathRegisterBegin, json, `{"kind":"platf`), 400, ceremony.CodeBadRequest},
		{"trailing data is a bad request", send(post, ceremony.PathRegisterBegin, json, begin+`{}`), 400, ceremony.CodeBadRequest},
		{"an unknown field is a bad request", send(post, ceremony.PathRegisterBegin, json, `{"kind":"platform","admin":true}`), 400, ceremony.CodeBadRequest},
		{"an empty body is a bad request", send(post, ceremony.PathRegisterBegin, json, ``), 400, ceremony.CodeBadRequest},
		{"JSON nested thousands deep is a bad request", send(post, ceremony.PathRegisterFinish, json, `{"session":"x","credential":`+strings.Repeat("[", 12000)+strings.Repeat("]", 12000)+`}`), 400, ceremony.CodeBadRequest},
		{"a NUL in the kind is a bad request", send(post, ceremony.PathRegisterBegin, json, `{"kind":"platform\u0000"}`), 400, ceremony.CodeBadRequest},
		{"an unknown kind is a bad request", send(post, ceremony.PathRegisterBegin, json, `{"kind":"toaster"}`), 400, ceremony.CodeBadRequest},
		{"a login listing no credentials is a bad request", send(post, ceremony.PathLoginBegin, json, begin), 400, ceremony.CodeBadRequest},
		{"a finish without a session is a bad request", send(post, ceremony.PathRegisterFinish, json, `{"credential":{}}`), 400, ceremony.CodeBadRequest},
		{"a credential that is not an object is a bad request", withSession(func(s string) string { return `{"session":"` + s + `","credential":"x"}` }), 400, ceremony.CodeBadRequest},
		// The credential.
		{"bad base64url in rawId is a bad request", registerWith(nil, func(c *ceremony.RegistrationResponse) { c.ID = "!!!" }), 400, ceremony.CodeBadRequest},
		{"an id that is not rawId is a bad request", registerWith(func(a *softauth.Authenticator) { a.Faults.MismatchID = true }, nil), 400, ceremony.CodeBadRequest},
		{"the wrong client data type does not verify", registerWith(func(a *softauth.Authenticator) { a.Faults.Type = "webauthn.get" }, nil), 422, ceremony.CodeVerificationFailed},
		{"the wrong challenge does not verify", registerWith(func(a *softauth.Authenticator) { a.Faults.Challenge = []byte("0123456789abcdef0123") }, nil), 422, ceremony.CodeVerificationFailed},
		{"the wrong origin is an origin mismatch", registerWith(func(a *softauth.Authenticator) { a.Origin = "https://evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		{"an unexpected top origin is an origin mismatch", loginWith(func(a *softauth.Authenticator) { a.TopOrigin = "https://evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		{"malformed CBOR is a bad request", registerWith(nil, cborAttestation([]byte{0xa3, 0x63, 'f'})), 400, ceremony.CodeBadRequest},
		{"a tiny CBOR declaring a huge byte string is a bad request", registerWith(nil, cborAttestation([]byte{0xa1, 0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x5b, 0, 0, 1, 0, 0, 0, 0, 0})), 400, ceremony.CodeBadRequest},
		{"a 1 KiB credential id is a bad request", registerWith(func(a *softauth.Authenticator) { a.Faults.CredentialIDLen = 1024 }, nil), 400, ceremony.CodeBadRequest},
		{"a wrong RP ID hash is an origin mismatch", registerWith(func(a *softauth.Authenticator) { a.Faults.RPID = "evil.example" }, nil), 422, ceremony.CodeOriginMismatch},
		{"a missing UV flag on the platform test is UV missing", loginWith(func(a *softauth.Authenticator) { a.UV = false }, nil), 422, ceremony.CodeUserVerificationMissing},
		{"a flipped assertion signature bit does not verify", loginWith(func(a *softauth.Authenticator) { a.Faults.FlipSignature = true }, nil), 422, ceremony.CodeVerificationFailed},
		{"an algorithm the server did not offer is unsupported", registerWith(func(a *softauth.Authenticator) { a.Faults.Algorithm = -47 }, nil), 422, ceremony.CodeUnsupportedAlgorithm},
		// Tokens.
		{"a tampered session token is invalid", withSession(func(s string) string { return `{"session":"` + flip(s) + `","credential":{}}` }), 400, ceremony.CodeTokenInvalid},
		{"a truncated session token is invalid", withSession(func(s string) string { return `{"session":"` + s[:20] + `","credential":{}}` }), 400, ceremony.CodeTokenInvalid},
		{"a session token offered as a credential token is invalid", func(t *testing.T, r *rig) *httptest.ResponseRecorder {
			body, _ := jsonMarshal(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{r.registerBegin().Session}})
			return r.do(http.MethodPost, ceremony.PathLoginBegin, "application/json", body)
		}, 400, ceremony.CodeTokenInvalid},
		{"a session of another deployment's key is an unknown key", func(t *testing.T, r *rig) *httptest.ResponseRecorder {
			other := newRig(t, rigConfig(sealingKey(t, 200)), nil)
			return r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(`{"session":"`+other.registerBegin().Session+`","credential":{}}`))
		}, 400, ceremony.CodeTokenUnknownKey},
		{"an expired session is expired", func(t *testing.T, r *rig) *httptest.ResponseRecorder {
			begin := r.registerBegin()
			r.clockAdvance(time.Hour)
			return r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", []byte(`{"session":"`+begin.Session+`","credential":{}}`))
		}, 400, ceremony.CodeTokenExpired},
		{"the same finish replayed is refused", func(t *testing.T, r *rig) *httptest.ResponseRecorder {
			body := finishBody(t, softauth.New(), r.registerBegin())
			if w := r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body); w.Code != http.StatusOK {
				t.Fatalf("first finish: %d %s", w.Code, w.Body)
			}
			return r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body)
		}, 409, ceremony.CodeTokenReplayed},
	}
}

var jsonMarshal = json.Marshal

func TestHostileInputThroughTheWholeServerIsACoded4xx(t *testing.T) {
	cases := hostileServerCases()
	if len(cases) < 28 {
		t.Fatalf("only %d hostile cases, want at least 28", len(cases))
	}
	key := sealingKey(t, 1)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			clock := &rigClock{t: time.Now()}
			r := newRig(t, rigConfig(key), clock.Now)
			r.clockAdvance = clock.Advance
			w := tt.send(t, r)
			if got := codeOf(w); w.Code != tt.wantStatus || got != tt.wantCode {
				t.Fatalf("got %d %q (%s), want %d %s", w.Code, got, w.Body, tt.wantStatus, tt.wantCode)
			}
			h := w.Header()
			for name, want := range map[string]string{
				"Content-Type":           "application/json; charset=utf-8",
				"Cache-Control":          "no-store",
				"X-Content-Type-Options": "nosniff",
				"Set-Cookie":             "",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if h.Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
			body, _ := io.ReadAll(w.Result().Body)
			for _, leak := range []string{"debug", "Expected", "Received", "go-webauthn", "protocol", "panic"} {
				if strings.Contains(string(body), leak) {
					t.Errorf("answer leaks %q: %s", leak, body)
				}
			}
			if strings.Contains(r.logs.String(), `"level":"ERROR"`) {
				t.Errorf("a client's mistake was logged as a server error:\n%s", r.logs)
			}
		})
	}
}
