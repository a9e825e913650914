package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

func TestAnyReplicaWithTheKeyCompletesAnyStep(t *testing.T) {
	key := newKey(t, 1)
	clock := &fakeClock{t: time.Now()}
	a := newHarness(t, testConfig(key), clock)
	b := newHarness(t, testConfig(key), clock) // another replica, or a after a restart
	auth := softauth.New()

	begin := a.registerBegin(ceremony.KindPlatform)
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	status, reg, e := b.registerFinish(begin.Session, cred)
	if status != http.StatusOK {
		t.Fatalf("register begun on one replica, finished on another: %d %+v", status, e)
	}

	lb := b.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
	assertion, err := auth.Get(lb.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, e := a.loginFinish(lb.Session, []string{reg.Credential}, assertion); status != http.StatusOK {
		t.Fatalf("login begun on one replica, finished on another: %d %+v", status, e)
	}
}

func TestKeyRotation(t *testing.T) {
	oldKey, newKeyring := newKey(t, 1), newKey(t, 2)
	clock := &fakeClock{t: time.Now()}
	before := newHarness(t, testConfig(oldKey), clock)
	rotated := newHarness(t, testConfig(newKeyring, oldKey), clock)
	retired := newHarness(t, testConfig(newKeyring), clock)
	auth := softauth.New()

	// A ceremony begun before the rotation finishes after it.
	begin := before.registerBegin(ceremony.KindPlatform)
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	status, reg, e := rotated.registerFinish(begin.Session, cred)
	if status != http.StatusOK {
		t.Fatalf("session of the previous key after rotation: %d %+v", status, e)
	}

	// Once the old key is retired, its tokens are refused with a clear code.
	begin = before.registerBegin(ceremony.KindPlatform)
	cred, err = auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	status, _, e = retired.registerFinish(begin.Session, cred)
	if status != http.StatusBadRequest || e.Code != ceremony.CodeTokenUnknownKey {
		t.Fatalf("session of a retired key: %d %+v, want 400 %s", status, e, ceremony.CodeTokenUnknownKey)
	}
	// The credential sealed by the rotated replica (new key) still works
	// where the new key is current.
	if status, _, e := retired.login(auth, ceremony.KindPlatform, false, []string{reg.Credential}); status != http.StatusOK {
		t.Fatalf("credential of the current key: %d %+v", status, e)
	}
}

func TestSessionTokens(t *testing.T) {
	clock := &fakeClock{t: time.Now()}
	h := newHarness(t, testConfig(newKey(t, 1)), clock)
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)

	tests := []struct {
		name       string
		session    func(begin ceremony.RegisterBeginResponse) string
		advance    time.Duration
		wantStatus int
		wantCode   ceremony.Code
	}{
		{"a tampered session token is invalid", func(b ceremony.RegisterBeginResponse) string { return flipChar(b.Session, len(b.Session)-5) }, 0, 400, ceremony.CodeTokenInvalid},
		{"a truncated session token is invalid", func(b ceremony.RegisterBeginResponse) string { return b.Session[:len(b.Session)-8] }, 0, 400, ceremony.CodeTokenInvalid},
		{"a credential token is not a session token", func(ceremony.RegisterBeginResponse) string { return reg.Credential }, 0, 400, ceremony.CodeTokenInvalid},
		{"an expired session token is expired", func(b ceremony.RegisterBeginResponse) string { return b.Session }, 4 * time.Minute, 400, ceremony.CodeTokenExpired},
		{"a session within its leeway still works", func(b ceremony.RegisterBeginResponse) string { return b.Session }, 3*time.Minute + 10*time.Second, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			begin := h.registerBegin(ceremony.KindPlatform)
			cred, err := auth.Create(begin.PublicKey)
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(tt.advance)
			status, _, e := h.registerFinish(tt.session(begin), cred)
			if status != tt.wantStatus || e.Code != tt.wantCode {
				t.Fatalf("got %d %+v, want %d %s", status, e, tt.wantStatus, tt.wantCode)
			}
		})
	}
}

func TestReplayedFinishIsRefused(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	begin := h.registerBegin(ceremony.KindPlatform)
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, e := h.registerFinish(begin.Session, cred); status != http.StatusOK {
		t.Fatalf("first finish: %d %+v", status, e)
	}
	status, _, e := h.registerFinish(begin.Session, cred)
	if status != http.StatusConflict || e.Code != ceremony.CodeTokenReplayed {
		t.Fatalf("replayed finish: %d %+v, want 409 %s", status, e, ceremony.CodeTokenReplayed)
	}
}

func TestCredentialTokens(t *testing.T) {
	clock := &fakeClock{t: time.Now()}
	h := newHarness(t, testConfig(newKey(t, 1)), clock)
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)
	other := newHarness(t, testConfig(newKey(t, 9)), clock)

	tests := []struct {
		name  string
		h     *harness
		token string
		want  ceremony.Code
	}{
		{"a tampered credential token is invalid", h, flipChar(reg.Credential, 20), ceremony.CodeTokenInvalid},
		{"a credential token of another deployment names an unknown key", other, reg.Credential, ceremony.CodeTokenUnknownKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out ceremony.LoginBeginResponse
			status, e := tt.h.post(ceremony.PathLoginBegin, ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{tt.token}}, &out)
			if status != http.StatusBadRequest || e.Code != tt.want {
				t.Fatalf("got %d %+v, want 400 %s", status, e, tt.want)
			}
		})
	}
	t.Run("an expired credential token is expired", func(t *testing.T) {
		clock.Advance(31 * 24 * time.Hour)
		var out ceremony.LoginBeginResponse
		status, e := h.post(ceremony.PathLoginBegin, ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}}, &out)
		if status != http.StatusBadRequest || e.Code != ceremony.CodeTokenExpired {
			t.Fatalf("got %d %+v, want 400 %s", status, e, ceremony.CodeTokenExpired)
		}
	})
}

func TestNoConfiguredKeyGeneratesOne(t *testing.T) {
	h := newHarness(t, testConfig(), nil)
	h.register(softauth.New(), ceremony.KindPlatform)
	if !strings.Contains(h.logs.String(), "random key") {
		t.Errorf("no warning about the random key in the log:\n%s", h.logs.String())
	}
}

// flipChar changes one base64url character of s.
func flipChar(s string, i int) string {
	b := []byte(s)
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	return string(b)
}
