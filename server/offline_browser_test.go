package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
)

// frontProxy stands in front of a test server on its own loopback port,
// as a network path the test can cut (down) and whose response headers it
// can change (edit may be nil). It returns the proxy's localhost URL.
func frontProxy(t *testing.T, backend string, down *atomic.Bool, edit func(http.Header)) string {
	t.Helper()
	target, err := url.Parse(backend)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	rp.ModifyResponse = func(r *http.Response) error {
		if edit != nil {
			edit(r.Header)
		}
		return nil
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down != nil && down.Load() {
			// No answer at all, as when the network is gone.
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			panic(http.ErrAbortHandler)
		}
		rp.ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://localhost:" + portOf(ln)
}

func portOf(ln net.Listener) string {
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// waitForServiceWorker waits until a service worker is active and controls
// the page.
func waitForServiceWorker(tab *browsertest.Tab) {
	browsertest.Run(tab, chromedp.Poll[bool](`navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"`))
}

// goOffline switches the network off as DevTools' "Offline" does: for the
// page, for its service worker, and for navigator.onLine.
func goOffline(tab *browsertest.Tab) {
	tab.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: new(true),
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
}

func TestBrowserOfflineAfterOneVisit(t *testing.T) {
	var down atomic.Bool
	url := frontProxy(t, startServer(t, shortTimeouts), &down, nil)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/?ref=INC0012345&lang=en", panelDone)
	waitForServiceWorker(tab)

	// The network goes: DevTools offline, and the server is gone too.
	goOffline(tab)
	down.Store(true)
	tab.Do(chromedp.Reload(), chromedp.WaitReady(chromedp.CSS(panelDone)))

	if got := tab.Attr(`[data-fact="webauthn"]`, "data-value"); got != "yes" {
		t.Errorf("offline: fact webauthn = %q, want yes", got)
	}
	if got := tab.Attr("#network", "data-network"); got != "offline" {
		t.Errorf("#network data-network = %q, want offline", got)
	}
	if text := tab.Text("#network"); !strings.Contains(text, "Needs the network") || !strings.Contains(text, "report") {
		t.Errorf("the offline notice does not say what needs the network:\n%s", text)
	}

	outcome, cause, text := runTest(tab, "platform")
	if outcome != "ok" {
		t.Fatalf("offline platform test: outcome %q cause %q; page says:\n%s", outcome, cause, text)
	}
	if !strings.Contains(text, "Checked in this browser only; no server verified the signature") {
		t.Errorf("the result does not say it was checked locally:\n%s", text)
	}
	if !strings.Contains(text, "PIN, fingerprint or face checked\nYes") {
		t.Errorf("the result does not report user verification:\n%s", text)
	}
}

// TestBrowserServiceWorkerNeverAnswersTheAPI asks for an API path with
// the server gone: the answer must be a network failure, not a cached page.
func TestBrowserServiceWorkerNeverAnswersTheAPI(t *testing.T) {
	var down atomic.Bool
	url := frontProxy(t, startServer(t), &down, nil)
	tab := browsertest.Start(t)
	tab.Open(url+"/", panelDone)
	waitForServiceWorker(tab)
	down.Store(true)
	got := browsertest.Run(tab, chromedp.Evaluate[string](`fetch("/api/ceremony/register/begin", {method: "POST", body: "{}"}).then(r => "answered " + r.status, e => "network error")`, chromedp.EvalAwaitPromise))
	if got != "network error" {
		t.Errorf("POST /api/... with the server gone: %s, want a network error", got)
	}
	got = browsertest.Run(tab, chromedp.Evaluate[string](`fetch("/api/nothing").then(r => "answered " + r.status, e => "network error")`, chromedp.EvalAwaitPromise))
	if got != "network error" {
		t.Errorf("GET /api/... with the server gone: %s, want a network error", got)
	}
}

// TestBrowserPageIsInstallable asks Chromium itself whether the page can be
// installed as an app: manifest, icons, service worker.
func TestBrowserPageIsInstallable(t *testing.T) {
	url := startServer(t)
	tab := browsertest.Start(t)
	tab.Open(url+"/", panelDone)
	waitForServiceWorker(tab)
	res, err := chromedp.Call(tab.Context(), page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatalf("installability: %v", err)
	}
	for _, e := range res.InstallabilityErrors {
		var args []string
		for _, a := range e.ErrorArguments {
			args = append(args, a.Name+"="+a.Value)
		}
		t.Errorf("not installable: %s %s", e.ErrorID, strings.Join(args, " "))
	}
}
