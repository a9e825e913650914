package api

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
	"github.com/passkey-doctor/passkey-doctor/server/seal"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

const (
	testRPID   = "passkey-doctor.test"
	testOrigin = "https://passkey-doctor.test"
)

// windowsHello is an AAGUID from the well-known table.
var windowsHello = [16]byte{0x08, 0x98, 0x70, 0x58, 0xca, 0xdc, 0x4b, 0x81, 0xb6, 0xe1, 0x30, 0xde, 0x50, 0xdc, 0xbe, 0x96}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// harness is one API instance (a replica) behind its own ServeMux.
type harness struct {
	t     testing.TB
	api   *API
	mux   *http.ServeMux
	clock *fakeClock
	logs  *bytes.Buffer
	host  string
}

func testConfig(keys ...seal.Key) Config {
	cfg := DefaultConfig()
	cfg.RPID = testRPID
	cfg.Origins = []string{testOrigin}
	cfg.Keys = keys
	return cfg
}

func newKey(t testing.TB, id uint8) seal.Key {
	t.Helper()
	k, err := seal.GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// newHarness builds a replica from cfg on clock (a new clock when nil).
func newHarness(t testing.TB, cfg Config, clock *fakeClock) *harness {
	t.Helper()
	if clock == nil {
		clock = &fakeClock{t: time.Now()}
	}
	logs := &bytes.Buffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := New(cfg, Deps{Logger: logger, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST "+ceremony.PathRegisterBegin, a.RegisterBegin())
	mux.Handle("POST "+ceremony.PathRegisterFinish, a.RegisterFinish())
	mux.Handle("POST "+ceremony.PathLoginBegin, a.LoginBegin())
	mux.Handle("POST "+ceremony.PathLoginFinish, a.LoginFinish())
	// Bare paths too, so other methods reach the handlers' own coded 405
	// instead of the mux's plain-text one.
	mux.Handle(ceremony.PathRegisterBegin, a.RegisterBegin())
	mux.Handle(ceremony.PathRegisterFinish, a.RegisterFinish())
	mux.Handle(ceremony.PathLoginBegin, a.LoginBegin())
	mux.Handle(ceremony.PathLoginFinish, a.LoginFinish())
	return &harness{t: t, api: a, mux: mux, clock: clock, logs: logs, host: testRPID}
}

// do sends a raw request and returns the recorder.
func (h *harness) do(method, path, contentType string, body []byte) *httptest.ResponseRecorder {
	req, err := http.NewRequest(method, "http://"+testRPID+path, bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Host = h.host
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.mux.ServeHTTP(rec, req)
	return rec
}

// post sends v as JSON and decodes a 200 answer into out, or returns the
// error body.
func (h *harness) post(path string, v, out any) (int, ceremony.Error) {
	h.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		h.t.Fatal(err)
	}
	rec := h.do(http.MethodPost, path, "application/json", body)
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			h.t.Fatalf("decode %s answer: %v", path, err)
		}
		return rec.Code, ceremony.Error{}
	}
	var e ceremony.Error
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		h.t.Fatalf("decode %s error answer %q: %v", path, rec.Body.String(), err)
	}
	return rec.Code, e
}

func (h *harness) registerBegin(kind ceremony.Kind) ceremony.RegisterBeginResponse {
	h.t.Helper()
	var out ceremony.RegisterBeginResponse
	if status, e := h.post(ceremony.PathRegisterBegin, ceremony.RegisterBeginRequest{Kind: kind}, &out); status != http.StatusOK {
		h.t.Fatalf("register begin: %d %+v", status, e)
	}
	return out
}

func (h *harness) loginBegin(req ceremony.LoginBeginRequest) ceremony.LoginBeginResponse {
	h.t.Helper()
	var out ceremony.LoginBeginResponse
	if status, e := h.post(ceremony.PathLoginBegin, req, &out); status != http.StatusOK {
		h.t.Fatalf("login begin: %d %+v", status, e)
	}
	return out
}

// registerFinish sends the authenticator's answer and returns status,
// outcome and error body.
func (h *harness) registerFinish(session string, cred ceremony.RegistrationResponse) (int, ceremony.FinishResponse, ceremony.Error) {
	h.t.Helper()
	raw, err := json.Marshal(cred)
	if err != nil {
		h.t.Fatal(err)
	}
	var out ceremony.FinishResponse
	status, e := h.post(ceremony.PathRegisterFinish, ceremony.RegisterFinishRequest{Session: session, Credential: raw}, &out)
	return status, out, e
}

func (h *harness) loginFinish(session string, creds []string, cred ceremony.AuthenticationResponse) (int, ceremony.FinishResponse, ceremony.Error) {
	h.t.Helper()
	raw, err := json.Marshal(cred)
	if err != nil {
		h.t.Fatal(err)
	}
	var out ceremony.FinishResponse
	status, e := h.post(ceremony.PathLoginFinish, ceremony.LoginFinishRequest{Session: session, Credentials: creds, Credential: raw}, &out)
	return status, out, e
}

// register runs a whole registration and fails the test unless it works.
func (h *harness) register(auth *softauth.Authenticator, kind ceremony.Kind) ceremony.FinishResponse {
	h.t.Helper()
	begin := h.registerBegin(kind)
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		h.t.Fatal(err)
	}
	status, out, e := h.registerFinish(begin.Session, cred)
	if status != http.StatusOK {
		h.t.Fatalf("register finish: %d %+v", status, e)
	}
	return out
}

// login runs a whole sign-in and returns the finish answer.
func (h *harness) login(auth *softauth.Authenticator, kind ceremony.Kind, discoverable bool, creds []string) (int, ceremony.FinishResponse, ceremony.Error) {
	h.t.Helper()
	begin := h.loginBegin(ceremony.LoginBeginRequest{Kind: kind, Discoverable: discoverable, Credentials: creds})
	assertion, err := auth.Get(begin.PublicKey)
	if err != nil {
		h.t.Fatal(err)
	}
	return h.loginFinish(begin.Session, creds, assertion)
}

// with returns the same replica reporting to t (a fuzz target must not use
// the *testing.F it was built with).
func (h *harness) with(t testing.TB) *harness {
	c := *h
	c.t = t
	return &c
}
