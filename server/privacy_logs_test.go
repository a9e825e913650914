package main

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// canary is personal data a page or a hostile client might send; it must
// never reach a log.
const canary = "jane.doe.canary@example.com"

func TestLogsCarryNoTokensChallengesClientDataAddressesOrPersonalData(t *testing.T) {
	r := newRig(t, rigConfig(sealingKey(t, 1)), nil)
	var secrets []string
	keep := func(s ...string) { secrets = append(secrets, s...) }
	b64 := base64.RawURLEncoding.EncodeToString

	// A whole register and login through the real handler, with canaries
	// in every header a person's browser or a proxy could send.
	do := func(method, path string, body []byte) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, rigOrigin+path+"?ref="+canary, strings.NewReader(string(body)))
		req.RemoteAddr = rigPeer + ":40000"
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "Mozilla/5.0 "+canary)
		req.Header.Set("Referer", "https://portal.example/?user="+canary)
		req.Header.Set("X-Forwarded-For", "203.0.113.77")
		req.Header.Set("Cookie", "name="+canary)
		w := httptest.NewRecorder()
		r.h.ServeHTTP(w, req)
		return w
	}
	auth := softauth.New()
	begin := r.registerBegin()
	keep(begin.Session, b64(begin.PublicKey.Challenge))
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	keep(b64(cred.Response.ClientDataJSON), b64(cred.Response.AttestationObject), cred.ID)
	raw, _ := json.Marshal(cred)
	body, _ := json.Marshal(ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
	w := do("POST", ceremony.PathRegisterFinish, body)
	if w.Code != http.StatusOK {
		t.Fatalf("register: %d %s", w.Code, w.Body)
	}
	var reg ceremony.FinishResponse
	_ = json.Unmarshal(w.Body.Bytes(), &reg)
	keep(reg.Credential)
	lb := r.loginBegin(reg.Credential)
	keep(lb.Session, b64(lb.PublicKey.Challenge))
	if w := do("POST", ceremony.PathLoginFinish, loginBody(t, auth, lb, reg.Credential)); w.Code != http.StatusOK {
		t.Fatalf("login: %d %s", w.Code, w.Body)
	}

	// Failures log a line each; none may quote what it refused.
	do("POST", ceremony.PathRegisterFinish, body) // replayed
	do("POST", ceremony.PathRegisterBegin, []byte(`{"kind":"platform","email":"`+canary+`"}`))
	do("POST", ceremony.PathRegisterBegin, []byte(`{"kind":"`+canary+`"}`))
	do("POST", api.PathDiagnosis, []byte(`{"name":"`+canary+`"}`))
	do("POST", ceremony.PathLoginFinish, []byte(`{"session":"`+canary+`","credentials":["`+canary+`"],"credential":{}}`))
	evil := softauth.New()
	evil.Origin = "https://" + canary[strings.Index(canary, "@")+1:]
	do("POST", ceremony.PathRegisterFinish, finishBody(t, evil, r.registerBegin()))
	do("GET", "/no-such-page/"+canary, nil)
	do("POST", "/api/"+canary, nil)

	logs := r.logs.String()
	if !strings.Contains(logs, "ceremony request failed") {
		t.Fatalf("the failures were not logged at all:\n%s", logs)
	}
	for _, leak := range append(secrets, canary, "jane.doe", rigPeer, "203.0.113.77", "portal.example") {
		if leak != "" && strings.Contains(logs, leak) {
			t.Errorf("the log has %q:\n%s", leak, logs)
		}
	}
}
