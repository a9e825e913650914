package main

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/report"
	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

func TestStaticCommandWritesTheSite(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	if err := run(t.Context(), []string{"static", "--out", dir}, nil, nil, &stderr); err != nil {
		t.Fatalf("static: %v\n%s", err, stderr.String())
	}
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/icon-maskable-512.png"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("the export lacks %s", name)
		}
	}
	appJS, _ := os.ReadFile(filepath.Join(dir, "app.js"))
	if !strings.Contains(string(appJS), `PASSKEY_DOCTOR_STATIC`) {
		t.Error("app.js does not tell the page it is a static export")
	}
}

// serveExport exports the default site and serves it with a plain file
// server, as any static host would, until the test ends; it returns the
// base URL.
func serveExport(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := exportSite(config.Default(), dir); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://localhost:" + portOf(ln)
}

// TestBrowserStaticExportRunsLocalCeremonies serves an export with a plain
// file server, as any static host would, and runs the platform test.
func TestBrowserStaticExportRunsLocalCeremonies(t *testing.T) {
	base := serveExport(t)

	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(base+"/?ref=INC0012345", panelDone)
	if got := tab.Attr(`[data-fact="uvpaa"]`, "data-value"); got != "yes" {
		t.Errorf("fact uvpaa = %q, want yes", got)
	}
	if got := tab.Attr("#network", "data-network"); got != "static" {
		t.Errorf("#network data-network = %q, want static", got)
	}
	outcome, cause, text := runTest(tab, "platform")
	if outcome != "ok" {
		t.Fatalf("platform test on a static host: outcome %q cause %q; page says:\n%s", outcome, cause, text)
	}
	if !strings.Contains(text, "no server verified the signature") {
		t.Errorf("the result does not say it was checked locally:\n%s", text)
	}

	// The export's meta CSP is in force without getting in the page's way:
	// nothing was refused so far (the one expected problem is the 404 that
	// tells the page there is no API), and an injected inline script is.
	for _, p := range tab.Problems() {
		if strings.Contains(p, "Content Security Policy") {
			t.Errorf("the static page broke its own CSP: %s", p)
		}
	}
	refused := browsertest.Run(tab, chromedp.Evaluate[string](`new Promise(resolve => {
		document.addEventListener("securitypolicyviolation", e => resolve(e.violatedDirective), {once: true});
		const s = document.createElement("script");
		s.textContent = "window.injectedRan = true";
		document.body.appendChild(s);
		setTimeout(() => resolve(window.injectedRan ? "ran" : "no violation"), 2000);
	})`, chromedp.EvalAwaitPromise))
	if refused != "script-src-elem" {
		t.Errorf("an injected inline script on the static page: %q, want refused by script-src-elem", refused)
	}
}

// TestBrowserStaticExportServesTheAgentView opens a report's agent link, as
// its QR code gives it, on a plain file server: /agent is agent/index.html
// there, behind the file server's redirect to /agent/.
func TestBrowserStaticExportServesTheAgentView(t *testing.T) {
	base := serveExport(t)

	facts := capturedFacts(t, "windows-orphaned-passkey")
	code, err := report.Encode(report.New(time.Date(2026, 3, 2, 9, 41, 0, 0, time.UTC), "INC0012345", "en", facts, nil))
	if err != nil {
		t.Fatal(err)
	}
	tab := browsertest.Start(t)
	tab.Open(report.AgentURL(base, code), agentDone)
	if diff := cmp.Diff(wantShown(facts, "en"), readAgent(tab)); diff != "" {
		t.Errorf("the static agent view differs from the engine (-want +got):\n%s", diff)
	}
}
