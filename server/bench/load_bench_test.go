package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
)

// loads is one page's cold and warm load.
type loads struct{ cold, warm Marks }

// BenchmarkLoad opens the page and the hello-world, each in a fresh
// headless Chromium (empty profile: cold), waits for the service worker to
// control the page, and opens it again (warm), once unthrottled and once
// under DevTools' Fast 3G. It reports the time to the first verdict text
// and to the done capability panel, the hello-world's time to its text and
// to its running wasm, and the ratios. One load per figure: use
// -benchtime=1x (a cold Fast 3G load of the page takes tens of seconds).
//
// The throttling applies to the page's own requests. Requests the service
// worker makes itself — its precache on install, and the warm load's
// navigation, which it fetches network-first — are not throttled.
func BenchmarkLoad(b *testing.B) {
	srv := startServer(b)
	pageURL := "http://localhost:" + srv.Port() + "/"
	helloURL := serveHello(b) + "/"
	for _, n := range []Network{Unthrottled, Fast3G} {
		b.Run(n.Name, func(b *testing.B) {
			for b.Loop() {
				p := load(b, n, pageURL, "panel")
				h := load(b, n, helloURL, "wasm")
				for _, c := range []struct {
					name       string
					page, base Marks
				}{{"cold", p.cold, h.cold}, {"warm", p.warm, h.warm}} {
					b.ReportMetric(c.page.Text, c.name+"-verdict-ms")
					b.ReportMetric(c.page.Panel, c.name+"-panel-ms")
					b.ReportMetric(c.page.Wasm, c.name+"-wasm-ms")
					b.ReportMetric(c.base.Text, c.name+"-hello-text-ms")
					b.ReportMetric(c.base.Wasm, c.name+"-hello-wasm-ms")
					b.ReportMetric(c.page.Text/c.base.Text, c.name+"-verdict/hello-text")
					b.ReportMetric(c.page.Panel/c.base.Wasm, c.name+"-panel/hello-wasm")
					label := fmt.Sprintf("load %s %s", n.Name, c.name)
					record(label+": first verdict", fmt.Sprintf("%.0f ms (%s)", c.page.Text, c.page.TextSource),
						fmt.Sprintf("hello text %.0f ms: %.2f×", c.base.Text, c.page.Text/c.base.Text))
					record(label+": capability panel", fmt.Sprintf("%.0f ms (wasm running %.0f ms)", c.page.Panel, c.page.Wasm),
						fmt.Sprintf("hello wasm running %.0f ms: %.2f×", c.base.Wasm, c.page.Panel/c.base.Wasm))
				}
			}
		})
	}
}

// load opens url cold in a fresh browser under n, then warm with the
// service worker in control, and waits each time for the mark last.
func load(b *testing.B, n Network, url, last string) loads {
	b.Helper()
	tab := browsertest.Start(b)
	tab.Do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: MarksScript}); err != nil {
			return fmt.Errorf("add the marks script: %w", err)
		}
		if n.Conditions == nil {
			return nil
		}
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return fmt.Errorf("enable network: %w", err)
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{n.Conditions},
		}); err != nil {
			return fmt.Errorf("throttle to %s: %w", n.Name, err)
		}
		return nil
	}))
	var out loads
	tab.Do(chromedp.Navigate(url))
	out.cold = marks(b, tab, last)
	browsertest.Run(tab, chromedp.Poll[bool](`navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"`))
	tab.Do(chromedp.Navigate(url))
	out.warm = marks(b, tab, last)
	return out
}

// marks waits until the page recorded the mark named last and reads them.
func marks(b *testing.B, tab *browsertest.Tab, last string) Marks {
	b.Helper()
	browsertest.Run(tab, chromedp.Poll[bool](fmt.Sprintf(`window.__benchMarks !== undefined && %q in window.__benchMarks && "text" in window.__benchMarks`, last)))
	raw := browsertest.Run(tab, chromedp.Evaluate[[]byte](`window.__benchMarks`))
	var m Marks
	if err := json.Unmarshal(raw, &m); err != nil {
		b.Fatalf("read the marks: %v", err)
	}
	return m
}
