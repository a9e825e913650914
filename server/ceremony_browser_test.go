package main

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

// shortTimeouts keep failing ceremonies from waiting minutes.
func shortTimeouts(c *config.Config) {
	c.WebAuthn.RegistrationTimeout = 4 * time.Second
	c.WebAuthn.LoginTimeout = 4 * time.Second
}

// runTest clicks a test's button and waits for the verdict of that run
// (data-run counts finished runs).
func runTest(tab *browsertest.Tab, kind string) (outcome, cause, text string) {
	sel := "#" + kind + "-test-result"
	next := 1
	if n, err := strconv.Atoi(tab.Attr(sel, "data-run")); err == nil {
		next = n + 1
	}
	tab.Do(
		chromedp.Click(chromedp.ID("run-"+kind+"-test")),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`%s[data-state="done"][data-run="%d"]`, sel, next))),
	)
	return tab.Attr(sel, "data-outcome"), tab.Attr(sel, "data-cause"), tab.Text(sel)
}

func TestBrowserPlatformTestWorksWithWindowsHello(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)

	outcome, cause, text := runTest(tab, "platform")
	if outcome != "ok" || cause != "" {
		t.Fatalf("platform test: outcome %q cause %q, want ok; page says:\n%s", outcome, cause, text)
	}
	for _, want := range []string{"It works", "PIN, fingerprint or face checked\nYes"} {
		if !strings.Contains(text, want) {
			t.Errorf("result lacks %q:\n%s", want, text)
		}
	}
	if p := tab.Problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserPlatformTestWithoutAuthenticatorFails(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.Open(url+"/", panelDone)

	outcome, cause, text := runTest(tab, "platform")
	if outcome != "failed" || cause != "user-verification-unavailable" {
		t.Fatalf("platform test: outcome %q cause %q, want failed with user-verification-unavailable; page says:\n%s", outcome, cause, text)
	}
	if !strings.Contains(text, "no PIN, fingerprint, face or screen lock") {
		t.Errorf("the page does not explain the cause:\n%s", text)
	}
}

func TestBrowserSecurityKeyWithoutPINSaysSo(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.SecurityKeyNoUV)
	tab.Open(url+"/", panelDone)

	outcome, _, text := runTest(tab, "security-key")
	if outcome != "ok" {
		t.Fatalf("security-key test: outcome %q, want ok; page says:\n%s", outcome, text)
	}
	if got := tab.Attr(`#security-key-test-result [data-finding]`, "data-finding"); got != "security-key-no-pin" {
		t.Errorf("finding = %q, want security-key-no-pin; page says:\n%s", got, text)
	}
	if !strings.Contains(text, "has no PIN set") || !strings.Contains(text, "PIN, fingerprint or face checked\nNo") {
		t.Errorf("the page does not say the key has no PIN:\n%s", text)
	}
}

func TestBrowserPlatformTestWithUserVerificationSwitchedOff(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	noUV := browsertest.PlatformUV
	noUV.IsUserVerified = false // Windows Hello present, but the PIN check fails
	tab.AddAuthenticator(noUV)
	tab.Open(url+"/", panelDone)

	outcome, cause, text := runTest(tab, "platform")
	if outcome != "failed" || cause != "user-verification-unavailable" {
		t.Fatalf("platform test: outcome %q cause %q, want user-verification-unavailable; page says:\n%s", outcome, cause, text)
	}
}

func TestBrowserTestPasskeyRemovedFromTheDeviceIsTheOrphanCase(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	id := tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)
	if outcome, _, text := runTest(tab, "platform"); outcome != "ok" {
		t.Fatalf("platform test failed:\n%s", text)
	}
	if outcome, _, text := runTest(tab, "existing-passkey"); outcome != "ok" {
		t.Fatalf("existing test failed while the test passkey is still there:\n%s", text)
	}

	tab.ClearCredentials(id) // the person deleted the passkey on the device
	outcome, cause, text := runTest(tab, "existing-passkey")
	if outcome != "failed" || cause != "no-credential-on-device" {
		t.Fatalf("existing test: outcome %q cause %q, want no-credential-on-device; page says:\n%s", outcome, cause, text)
	}
	if got := tab.Attr(`#existing-passkey-test-result [data-finding]`, "data-finding"); got != "orphaned-passkey" {
		t.Errorf("finding = %q, want orphaned-passkey", got)
	}
	if got := tab.Attr(`#existing-passkey-test-result [data-step="delete-passkey-idp"]`, "data-step"); got == "" {
		t.Errorf("no step to delete the passkey on the security-info page:\n%s", text)
	}
}

func TestBrowserTamperedOrTruncatedTestCredentialIsAClearError(t *testing.T) {
	for name, mangle := range map[string]string{
		"tampered":  `t => t.slice(0, -6) + (t.slice(-6, -5) === "A" ? "B" : "A") + t.slice(-5)`,
		"truncated": `t => t.slice(0, 20)`,
	} {
		t.Run(name, func(t *testing.T) {
			url := startServer(t, shortTimeouts)
			tab := browsertest.Start(t)
			tab.AddAuthenticator(browsertest.PlatformUV)
			tab.Open(url+"/", panelDone)
			if outcome, _, text := runTest(tab, "platform"); outcome != "ok" {
				t.Fatalf("platform test failed:\n%s", text)
			}
			tab.Do(chromedp.Evaluate[chromedp.Void](`(() => {
				const k = "passkey-doctor.test-credential";
				const c = JSON.parse(localStorage.getItem(k));
				c.token = (` + mangle + `)(c.token);
				localStorage.setItem(k, JSON.stringify(c));
			})()`))
			outcome, cause, text := runTest(tab, "existing-passkey")
			if outcome != "failed" || cause != "session-expired" {
				t.Fatalf("existing test: outcome %q cause %q, want session-expired; page says:\n%s", outcome, cause, text)
			}
			if !strings.Contains(text, "run the test again") {
				t.Errorf("the page does not say what to do:\n%s", text)
			}
		})
	}
}

// sharedKey is one sealing key for several server instances.
const sharedKey = "7:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"

// alternating sends each request to the next of several handlers in turn,
// so begin and finish of a ceremony land on different replicas.
type alternating struct {
	mu       sync.Mutex
	next     int
	replicas []http.Handler
}

func (a *alternating) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	h := a.replicas[a.next%len(a.replicas)]
	a.next++
	a.mu.Unlock()
	h.ServeHTTP(w, r)
}

func newReplica(t *testing.T) http.Handler {
	t.Helper()
	cfg := config.Default()
	shortTimeouts(&cfg)
	cfg.Sealing.Keys = []string{sharedKey}
	h, err := newHandler(cfg, discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestBrowserCeremoniesCompleteAcrossReplicasSharingAKey(t *testing.T) {
	lb := &alternating{replicas: []http.Handler{newReplica(t), newReplica(t)}}
	url := serveLoopback(t, lb)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)

	for _, kind := range []string{"platform", "existing-passkey"} {
		if outcome, cause, text := runTest(tab, kind); outcome != "ok" {
			t.Fatalf("%s test across replicas: outcome %q cause %q; page says:\n%s", kind, outcome, cause, text)
		}
	}
}

// restarting replaces its server with a fresh instance (same key, empty
// memory) after every ceremony begin, as a restart between begin and finish
// would.
type restarting struct {
	t  *testing.T
	mu sync.Mutex
	h  http.Handler
}

func (s *restarting) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	h := s.h
	s.mu.Unlock()
	h.ServeHTTP(w, r)
	if strings.HasSuffix(r.URL.Path, "/begin") {
		fresh := newReplica(s.t)
		s.mu.Lock()
		s.h = fresh
		s.mu.Unlock()
	}
}

func TestBrowserCeremonySurvivesARestartBetweenBeginAndFinish(t *testing.T) {
	url := serveLoopback(t, &restarting{t: t, h: newReplica(t)})
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)

	if outcome, cause, text := runTest(tab, "platform"); outcome != "ok" {
		t.Fatalf("platform test across a restart: outcome %q cause %q; page says:\n%s", outcome, cause, text)
	}
}

func TestBrowserPhoneTestWorksOverHybrid(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	phone := browsertest.PlatformUV
	phone.Transport = webauthn.AuthenticatorTransportHybrid // a phone reached by QR code
	tab.AddAuthenticator(phone)
	tab.Open(url+"/", panelDone)

	outcome, cause, text := runTest(tab, "phone")
	if outcome != "ok" {
		t.Fatalf("phone test: outcome %q cause %q; page says:\n%s", outcome, cause, text)
	}
	if !strings.Contains(text, "hybrid") {
		t.Errorf("the result does not say the phone was reached over hybrid:\n%s", text)
	}
}
