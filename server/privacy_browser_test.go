package main

import (
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
)

// TestBrowserPageMakesNoRequestToAnyOtherOrigin loads the page, lets the
// capability panel finish and runs the platform test, recording every
// request the tab sends: each must go to the page's own origin (or be
// data:/blob: which never leave the browser).
func TestBrowserPageMakesNoRequestToAnyOtherOrigin(t *testing.T) {
	base := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	if _, err := chromedp.Call(tab.Context(), network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("enable the network domain: %v", err)
	}
	var (
		mu   sync.Mutex
		seen []string
	)
	if err := chromedp.Listen(tab.Context(), func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			seen = append(seen, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	tab.Open(base+"/?ref=INC0012345", panelDone)
	tab.Do(
		chromedp.Click(chromedp.ID("run-platform-test")),
		chromedp.WaitReady(chromedp.CSS(`[data-state="done"][data-outcome]`)),
	)

	own, _ := url.Parse(base)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) < 3 {
		t.Fatalf("saw only %d requests: %v", len(seen), seen)
	}
	for _, raw := range seen {
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("unparseable request URL %q", raw)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Scheme != own.Scheme || u.Host != own.Host {
			t.Errorf("request to another origin: %s", raw)
		}
	}
	var api int
	for _, raw := range seen {
		if strings.Contains(raw, "/api/") {
			api++
		}
	}
	if api == 0 {
		t.Errorf("the platform test sent no API request; the check saw too little: %v", seen)
	}
}
