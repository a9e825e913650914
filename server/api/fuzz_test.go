package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// checkCoded fails unless rec is a 200 or a coded 4xx.
func checkCoded(t *testing.T, body []byte, status int) {
	t.Helper()
	if status == http.StatusOK {
		return
	}
	var e ceremony.Error
	if err := json.Unmarshal(body, &e); err != nil || e.Code == "" {
		t.Fatalf("status %d without a coded body: %q", status, body)
	}
	if status >= 500 {
		t.Fatalf("status %d (%s) for client input", status, e.Code)
	}
}

// FuzzRegisterFinish sends arbitrary credential JSON with a fresh, valid
// session: every answer is a 200 or a coded 4xx, never a 5xx or a panic.
func FuzzRegisterFinish(f *testing.F) {
	h := newHarness(f, testConfig(newKey(f, 1)), nil)
	for _, mut := range []func(*softauth.Authenticator){nil, func(a *softauth.Authenticator) { a.Attestation = "packed" }, func(a *softauth.Authenticator) { a.UV = false }} {
		a := softauth.New()
		if mut != nil {
			mut(a)
		}
		begin := h.registerBegin(ceremony.KindPlatform)
		cred, err := a.Create(begin.PublicKey)
		if err != nil {
			f.Fatal(err)
		}
		raw, _ := json.Marshal(cred)
		f.Add(raw)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"AA","rawId":"AA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"}}`))
	f.Fuzz(func(t *testing.T, credential []byte) {
		h := h.with(t)
		begin := h.registerBegin(ceremony.KindPlatform)
		body, err := json.Marshal(map[string]any{"session": begin.Session, "credential": json.RawMessage(credential)})
		if err != nil {
			return // not JSON: the envelope tests cover that
		}
		rec := h.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", body)
		checkCoded(t, rec.Body.Bytes(), rec.Code)
	})
}

// FuzzLoginFinish sends arbitrary assertion JSON with a fresh, valid session
// and a valid credential token.
func FuzzLoginFinish(f *testing.F) {
	h := newHarness(f, testConfig(newKey(f, 1)), nil)
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)
	creds := []string{reg.Credential}
	for _, discoverable := range []bool{false, true} {
		begin := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Discoverable: discoverable, Credentials: creds})
		assertion, err := auth.Get(begin.PublicKey)
		if err != nil {
			f.Fatal(err)
		}
		raw, _ := json.Marshal(assertion)
		f.Add(raw, discoverable)
	}
	f.Add([]byte(`{"id":"AA","rawId":"AA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"","signature":""}}`), true)
	f.Fuzz(func(t *testing.T, credential []byte, discoverable bool) {
		h := h.with(t)
		begin := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Discoverable: discoverable, Credentials: creds})
		body, err := json.Marshal(map[string]any{"session": begin.Session, "credentials": creds, "credential": json.RawMessage(credential)})
		if err != nil {
			return
		}
		rec := h.do(http.MethodPost, ceremony.PathLoginFinish, "application/json", body)
		checkCoded(t, rec.Body.Bytes(), rec.Code)
	})
}
