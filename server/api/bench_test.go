package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// BenchmarkLoginFinish measures the verification of one sign-in: strict
// decoding, opening the session and credential tokens, go-webauthn's
// ES256 verification and re-sealing the credential. Begin and the
// authenticator's signature are prepared outside the timer.
func BenchmarkLoginFinish(b *testing.B) {
	cfg := testConfig(newKey(b, 1))
	cfg.ReplayCapacity = b.N + 16
	h := newHarness(b, cfg, nil)
	h.api.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)
	creds := []string{reg.Credential}

	bodies := make([][]byte, b.N)
	for i := range bodies {
		begin := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: creds})
		assertion, err := auth.Get(begin.PublicKey)
		if err != nil {
			b.Fatal(err)
		}
		raw, _ := json.Marshal(assertion)
		bodies[i], _ = json.Marshal(ceremony.LoginFinishRequest{Session: begin.Session, Credentials: creds, Credential: raw})
	}
	handler := h.api.LoginFinish()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(http.MethodPost, ceremony.PathLoginFinish, bytes.NewReader(bodies[i]))
		req.Host = testRPID
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("login finish: %d %s", rec.Code, rec.Body)
		}
	}
}
