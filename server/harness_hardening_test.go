package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/seal"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// The hardening tests drive the real handler (buildHandler: guards, mux,
// page and API) in memory, as one replica of a deployment.

const (
	rigRPID   = "passkey-doctor.test"
	rigOrigin = "https://passkey-doctor.test"
	// rigPeer is the address every request comes from unless a test says
	// otherwise; tests grep the logs for it.
	rigPeer = "198.51.100.23"
)

// rigClock is a settable clock shared by replicas.
type rigClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *rigClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *rigClock) Advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// rig is one replica: the full handler, its JSON logs and its clock.
type rig struct {
	t     testing.TB
	h     http.Handler
	logs  *bytes.Buffer
	clock func() time.Time
	hz    *health
	// clockAdvance moves the rig's clock when a test gave it a rigClock.
	clockAdvance func(time.Duration)
}

// sealingKey is a configuration key string "ID:SECRET".
func sealingKey(t testing.TB, id uint8) string {
	t.Helper()
	k, err := seal.GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k.Format()
}

// rigConfig is the defaults with a fixed relying party and the given keys.
func rigConfig(keys ...string) config.Config {
	cfg := config.Default()
	cfg.WebAuthn.RPID = rigRPID
	cfg.WebAuthn.Origins = []string{rigOrigin}
	cfg.Sealing.Keys = keys
	cfg.Server.LogFormat = "json"
	return cfg
}

// newRig builds a replica from cfg; now may be nil (time.Now).
func newRig(t testing.TB, cfg config.Config, now func() time.Time) *rig {
	t.Helper()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(&lockedWriter{w: logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	hz := &health{}
	h, err := buildHandler(cfg, handlerDeps{log: log, now: now, health: hz})
	if err != nil {
		t.Fatal(err)
	}
	return &rig{t: t, h: h, logs: logs, clock: now, hz: hz}
}

// lockedWriter lets concurrent requests share one log buffer.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// do sends one request from rigPeer.
func (r *rig) do(method, path, contentType string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, rigOrigin+path, bytes.NewReader(body))
	req.RemoteAddr = rigPeer + ":40000"
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	r.h.ServeHTTP(w, req)
	return w
}

// post sends v as JSON; a 200 answer is decoded into out, anything else
// fails the test.
func (r *rig) post(path string, v, out any) {
	r.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		r.t.Fatal(err)
	}
	w := r.do(http.MethodPost, path, "application/json", body)
	if w.Code != http.StatusOK {
		r.t.Fatalf("POST %s: %d %s", path, w.Code, w.Body)
	}
	if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
		r.t.Fatalf("POST %s: decode: %v", path, err)
	}
}

func (r *rig) registerBegin() ceremony.RegisterBeginResponse {
	r.t.Helper()
	var out ceremony.RegisterBeginResponse
	r.post(ceremony.PathRegisterBegin, ceremony.RegisterBeginRequest{Kind: ceremony.KindPlatform}, &out)
	return out
}

// finishBody is the register finish body for auth's answer to begin.
func finishBody(t testing.TB, auth *softauth.Authenticator, begin ceremony.RegisterBeginResponse) []byte {
	t.Helper()
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(cred)
	body, _ := json.Marshal(ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
	return body
}

// register runs a whole registration and returns the credential token.
func (r *rig) register(auth *softauth.Authenticator) string {
	r.t.Helper()
	w := r.do(http.MethodPost, ceremony.PathRegisterFinish, "application/json", finishBody(r.t, auth, r.registerBegin()))
	if w.Code != http.StatusOK {
		r.t.Fatalf("register finish: %d %s", w.Code, w.Body)
	}
	var out ceremony.FinishResponse
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
		r.t.Fatal(err)
	}
	return out.Credential
}

func (r *rig) loginBegin(credential string) ceremony.LoginBeginResponse {
	r.t.Helper()
	var out ceremony.LoginBeginResponse
	r.post(ceremony.PathLoginBegin, ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{credential}}, &out)
	return out
}

// loginBody is the login finish body for auth's answer to begin.
func loginBody(t testing.TB, auth *softauth.Authenticator, begin ceremony.LoginBeginResponse, credential string) []byte {
	t.Helper()
	cred, err := auth.Get(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(cred)
	body, _ := json.Marshal(ceremony.LoginFinishRequest{Session: begin.Session, Credentials: []string{credential}, Credential: raw})
	return body
}

// codeOf decodes a coded error body, or returns "" when it is not one.
func codeOf(w *httptest.ResponseRecorder) ceremony.Code {
	var e ceremony.Error
	if json.Unmarshal(w.Body.Bytes(), &e) != nil {
		return ""
	}
	return e.Code
}
