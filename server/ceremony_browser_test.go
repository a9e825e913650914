package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

// shortTimeouts keep failing ceremonies from waiting minutes.
func shortTimeouts(c *config.Config) {
	c.WebAuthn.RegistrationTimeout = 4 * time.Second
	c.WebAuthn.LoginTimeout = 4 * time.Second
}

// runTest clicks a test's button and waits for its verdict.
func runTest(tab *browsertest.Tab, kind string) (outcome, cause, text string) {
	sel := "#" + kind + "-test-result"
	tab.Do(
		chromedp.Click(chromedp.ID("run-"+kind+"-test")),
		chromedp.WaitReady(chromedp.CSS(sel+`[data-state="done"]`)),
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
