package main

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

// startPortal serves the demo portal (testdata/portal) on a second loopback
// origin, http://127.0.0.1:PORT: another site than the page's
// http://localhost:PORT, so the iframe is cross-site, as in production.
func startPortal(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir("../testdata/portal"))}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://127.0.0.1:" + portOf(ln)
}

// portalURL opens the portal with the page at app inside, with or without
// the iframe's allow attribute.
func portalURL(portal, app string, allow bool) string {
	q := url.Values{"app": {app + "/?ref=INC0012345"}}
	if !allow {
		q.Set("allow", "0")
	}
	return portal + "/index.html?" + q.Encode()
}

// attach waits for a target of type typ whose URL starts with prefix, other
// than skip, and returns a context that runs actions in it. A cross-site
// iframe is a target of its own (chromedp docs/API.md §19); so is a window
// the page opens.
func attach(t *testing.T, tab *browsertest.Tab, typ, prefix string, skip ...target.ID) context.Context {
	t.Helper()
	deadline := time.Now().Add(browsertest.Timeout)
	for time.Now().Before(deadline) {
		infos, err := chromedp.Targets(tab.Context())
		if err != nil {
			t.Fatalf("targets: %v", err)
		}
		for _, info := range infos {
			if info.Type != typ || !strings.HasPrefix(info.URL, prefix) || containsID(skip, info.TargetID) {
				continue
			}
			ctx, cancel := chromedp.NewContext(tab.Context(), chromedp.WithTargetID(info.TargetID))
			t.Cleanup(cancel)
			if err := chromedp.Do(ctx); err != nil {
				t.Fatalf("attach to %s %s: %v", typ, info.URL, err)
			}
			return ctx
		}
		// Targets appear asynchronously and DevTools has no event for
		// "an iframe of this URL exists" short of a subscription; poll.
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no %s target at %s appeared", typ, prefix)
	return nil
}

func containsID(ids []target.ID, id target.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// in runs actions in a target's context, bounded like the harness's.
func in(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browsertest.Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

func attrIn(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browsertest.Timeout)
	defer cancel()
	r, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil {
		t.Fatalf("attribute %s of %s: %v", name, sel, err)
	}
	return r.Value
}

func textIn(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browsertest.Timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// textContentIn reads text that may be folded away (in a closed details).
func textContentIn(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browsertest.Timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text content of %s: %v", sel, err)
	}
	return s
}

// runTestIn clicks a test's button in a target and waits for the verdict.
func runTestIn(t *testing.T, ctx context.Context, kind string) (outcome, text string) {
	t.Helper()
	sel := "#" + kind + "-test-result"
	in(t, ctx, chromedp.Click(chromedp.ID("run-"+kind+"-test")), chromedp.WaitReady(chromedp.CSS(sel+`[data-state="done"]`)))
	return attrIn(t, ctx, sel, "data-outcome"), textIn(t, ctx, sel)
}

func allowEmbedding(origin string) func(*config.Config) {
	return func(c *config.Config) { c.Embedding.AllowedOrigins = []string{origin} }
}

func TestBrowserEmbeddedWithDelegation(t *testing.T) {
	portal := startPortal(t)
	app := startServer(t, shortTimeouts, allowEmbedding(portal))
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(portalURL(portal, app, true), "#doctor")

	frame := attach(t, tab, "iframe", app+"/")
	in(t, frame, chromedp.WaitReady(chromedp.CSS(panelDone)))
	for fact, want := range map[string]string{"framed": "yes", "publickeyCredentialsGet": "yes", "publickeyCredentialsCreate": "yes"} {
		if got := attrIn(t, frame, `[data-fact="`+fact+`"]`, "data-value"); got != want {
			t.Errorf("in the iframe, fact %s = %q, want %q", fact, got, want)
		}
	}
	if got := attrIn(t, frame, "#embedding", "data-embedding"); got != "delegated" {
		t.Errorf("#embedding = %q, want delegated", got)
	}

	// The portal hears the diagnosis and the height.
	tab.Do(chromedp.WaitReady(chromedp.CSS(`#diagnosis:not([data-received="0"])`)))
	if h, err := strconv.Atoi(tab.Text("#height")); err != nil || h < 200 {
		t.Errorf("the portal's latest height = %q, want a page height", tab.Text("#height"))
	}

	// A platform ceremony works inside the delegated iframe, verified by
	// the server with the portal as top origin.
	outcome, text := runTestIn(t, frame, "platform")
	if outcome != "ok" {
		t.Fatalf("platform test in the iframe: outcome %q; the page says:\n%s", outcome, text)
	}
	if strings.Contains(text, "no server verified") {
		t.Errorf("the server did not verify the ceremony in the iframe:\n%s", text)
	}
	tab.Do(chromedp.WaitReady(chromedp.CSS(`#diagnosis`)))
	if d := tab.Text("#diagnosis"); !strings.Contains(d, `"kind": "platform"`) || !strings.Contains(d, `"outcome": "ok"`) {
		t.Errorf("the portal's diagnosis lacks the platform test:\n%s", d)
	}
}

func TestBrowserEmbeddedWithoutDelegationOpensANewWindow(t *testing.T) {
	portal := startPortal(t)
	app := startServer(t, shortTimeouts, allowEmbedding(portal))
	tab := browsertest.Start(t)
	tab.Open(portalURL(portal, app, false), "#doctor")

	frame := attach(t, tab, "iframe", app+"/")
	in(t, frame, chromedp.WaitReady(chromedp.CSS(panelDone)))
	if got := attrIn(t, frame, `[data-fact="publickeyCredentialsCreate"]`, "data-value"); got != "no" {
		t.Errorf("fact publickeyCredentialsCreate = %q, want no", got)
	}
	if got := attrIn(t, frame, "#embedding", "data-embedding"); got != "not-delegated" {
		t.Fatalf("#embedding = %q, want not-delegated", got)
	}
	want := `allow="publickey-credentials-get ` + app + `; publickey-credentials-create ` + app + `"`
	if got := textContentIn(t, frame, "#embed-allow-attribute"); got != want {
		t.Errorf("the admin is told %s, want %s", got, want)
	}

	// "Open in a new window": the window runs the test and reports back.
	in(t, frame, chromedp.Click(chromedp.ID("open-in-new-window")))
	self := chromedp.FromContext(tab.Context()).Target.TargetID
	popup := attach(t, tab, "page", app+"/?ref=INC0012345", self)
	if _, err := chromedp.Call(popup, webauthn.Enable, webauthn.EnableParams{EnableUI: new(false)}); err != nil {
		t.Fatalf("enable WebAuthn in the new window: %v", err)
	}
	opts := browsertest.PlatformUV
	if _, err := chromedp.Call(popup, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{Options: &opts}); err != nil {
		t.Fatalf("add an authenticator to the new window: %v", err)
	}
	in(t, popup, chromedp.WaitReady(chromedp.CSS(panelDone)))
	if outcome, text := runTestIn(t, popup, "platform"); outcome != "ok" {
		t.Fatalf("platform test in the new window: outcome %q; the page says:\n%s", outcome, text)
	}

	in(t, frame, chromedp.WaitReady(chromedp.CSS(`#window-diagnosis[data-state="done"] [data-kind="platform"][data-outcome="ok"]`)))
	tab.Do(chromedp.WaitReady(chromedp.CSS(`#diagnosis:not([data-received="0"])`)))
	if d := tab.Text("#diagnosis"); !strings.Contains(d, `"kind": "platform"`) {
		t.Errorf("the portal did not hear the new window's diagnosis:\n%s", d)
	}
}

// TestBrowserEmbeddedUnderAnOriginNotAllowedHearsNothing strips the
// frame-ancestors header in a proxy, so the page does load under a portal
// the admin did not allow: the postMessage API must still say nothing.
func TestBrowserEmbeddedUnderAnOriginNotAllowedHearsNothing(t *testing.T) {
	portal := startPortal(t)
	backend := startServer(t, allowEmbedding("https://portal.example.com"))
	app := frontProxy(t, backend, nil, func(h http.Header) { h.Del("Content-Security-Policy") })
	tab := browsertest.Start(t)
	tab.Open(portalURL(portal, app, true), "#doctor")

	frame := attach(t, tab, "iframe", app+"/")
	in(t, frame, chromedp.WaitReady(chromedp.CSS(panelDone)))
	// The page has diagnosed and laid itself out; give a message in flight
	// a round trip through the portal's event loop before looking.
	tab.Do(chromedp.Evaluate[chromedp.Void](`new Promise(r => setTimeout(r, 300))`, chromedp.EvalAwaitPromise))
	if got := tab.Attr("#diagnosis", "data-received"); got != "0" {
		t.Errorf("a portal that is not allowed received %s diagnosis messages", got)
	}
	if got := tab.Text("#height"); got != "none yet" {
		t.Errorf("a portal that is not allowed received a height: %s", got)
	}
}
