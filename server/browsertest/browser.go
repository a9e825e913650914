package browsertest

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"
)

// candidates are the names Chromium goes by on the machines we test on.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// findChromium returns the browser to run: $CHROMIUM if set, else the first
// candidate on PATH.
func findChromium() (string, bool) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p, true
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Tab is one browser tab of a fresh headless Chromium with its own profile.
type Tab struct {
	t   testing.TB
	ctx context.Context

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// Timeout bounds every wait of a test: long enough for a cold wasm start on
// a loaded two-core machine, short enough to fail clearly.
const Timeout = 60 * time.Second

// Start launches Chromium and opens a tab with the WebAuthn domain enabled
// (without it a ceremony never settles and input stops reaching the page).
// With no browser installed the test is skipped, or failed under CI=true.
func Start(t testing.TB) *Tab {
	t.Helper()
	path, ok := findChromium()
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is not installed; CI=true requires the browser tests to run (apt-get install chromium chromium-driver)")
		}
		t.Skip("Chromium is not installed: skipping browser test (install chromium to run it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*Timeout)
	tab := &Tab{t: t, ctx: ctx}
	t.Cleanup(func() {
		tab.saveArtifactsOnFailure()
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})

	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	go tab.collectConsole()
	if _, err := chromedp.Call(ctx, webauthn.Enable, webauthn.EnableParams{EnableUI: new(false)}); err != nil {
		t.Fatalf("enable the WebAuthn domain: %v", err)
	}
	return tab
}

// Context is the tab's context, for chromedp calls a helper does not cover.
func (tab *Tab) Context() context.Context { return tab.ctx }

// Do runs actions in order and fails the test on the first error.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tab.t.Fatalf("browser: %v", err)
	}
}

// Run runs one action that returns a value and fails the test on error.
func Run[T any](tab *Tab, action chromedp.Action[T]) T {
	tab.t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		tab.t.Fatalf("browser: %v", err)
	}
	return v
}

// Open navigates to url and waits until the element matching ready (a CSS
// selector, typically a data-state marker) is in the page.
func (tab *Tab) Open(url, ready string) {
	tab.t.Helper()
	tab.Do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS(ready)))
}

// Attr returns an attribute of the first element matching a CSS selector,
// and "" when it has none.
func (tab *Tab) Attr(selector, name string) string {
	tab.t.Helper()
	r := Run(tab, chromedp.AttributeValue(chromedp.CSS(selector), name))
	return r.Value
}

// Text returns the visible text of the first element matching a selector.
func (tab *Tab) Text(selector string) string {
	tab.t.Helper()
	return Run(tab, chromedp.Text(chromedp.CSS(selector)))
}
