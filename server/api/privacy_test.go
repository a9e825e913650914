package api

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// TestLogsCarryNoSecrets runs successful and failing ceremonies and checks
// the log for tokens, challenges and client data.
func TestLogsCarryNoSecrets(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	var secrets []string

	begin := h.registerBegin(ceremony.KindPlatform)
	secrets = append(secrets, begin.Session, begin.PublicKey.Challenge.String())
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	secrets = append(secrets, base64.RawURLEncoding.EncodeToString(cred.Response.ClientDataJSON))
	_, reg, _ := h.registerFinish(begin.Session, cred)
	secrets = append(secrets, reg.Credential)
	h.registerFinish(begin.Session, cred) // replay: logged as a failure

	// A wrong challenge: go-webauthn's DevInfo quotes both challenges.
	lb := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
	secrets = append(secrets, lb.Session, lb.PublicKey.Challenge.String())
	auth.Faults.Challenge = []byte("a challenge that was never issued")
	assertion, err := auth.Get(lb.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, _ := h.loginFinish(lb.Session, []string{reg.Credential}, assertion); status == 200 {
		t.Fatal("wrong challenge verified")
	}
	secrets = append(secrets, base64.RawURLEncoding.EncodeToString(auth.Faults.Challenge), string(assertion.Response.ClientDataJSON))

	logs := h.logs.String()
	if !strings.Contains(logs, "token-replayed") || !strings.Contains(logs, "verification-failed") {
		t.Fatalf("expected failures missing from the log:\n%s", logs)
	}
	for _, s := range secrets {
		if len(s) > 8 && strings.Contains(logs, s) {
			t.Errorf("log contains a secret %.16s…", s)
		}
	}
	raw, _ := json.Marshal(assertion)
	if strings.Contains(logs, string(raw[:40])) {
		t.Error("log contains the credential JSON")
	}
}
