package main

import (
	"flag"
	"fmt"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/webauthn"

	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
)

var screenshots = flag.Bool("screenshots", false, "write the README screenshots under testdata/screenshots")

// startServer serves the real handler on a loopback port and returns the
// page's URL. It uses localhost, not 127.0.0.1: an IP address cannot be a
// WebAuthn RP ID.
func startServer(t *testing.T, changes ...func(*config.Config)) string {
	t.Helper()
	cfg := config.Default()
	for _, change := range changes {
		change(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(cfg, discardLogger())
	if err != nil {
		t.Fatalf("new handler: %v", err)
	}
	return serveLoopback(t, h)
}

// serveLoopback serves h on a loopback port and returns its localhost URL.
func serveLoopback(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(h, slog.New(slog.NewTextHandler(io.Discard, nil)))
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
}

const panelDone = `#capabilities[data-state="done"]`

func TestBrowserCapabilityPanel(t *testing.T) {
	tests := []struct {
		name          string
		authenticator *webauthn.VirtualAuthenticatorOptions
		wantUVPAA     string
	}{
		{"a laptop with Windows Hello or Touch ID has a platform authenticator", &browsertest.PlatformUV, "yes"},
		{"a security key without a PIN is not a platform authenticator", &browsertest.SecurityKeyNoUV, "no"},
		{"a device with no authenticator has no platform authenticator", nil, "no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := startServer(t)
			tab := browsertest.Start(t)
			if tt.authenticator != nil {
				tab.AddAuthenticator(*tt.authenticator)
			}
			tab.Open(url+"/", panelDone)

			want := map[string]string{
				"webauthn":      "yes",
				"secureContext": "yes",
				"uvpaa":         tt.wantUVPAA,
				"framed":        "no",
			}
			for fact, value := range want {
				if got := tab.Attr(`[data-fact="`+fact+`"]`, "data-value"); got != value {
					t.Errorf("fact %s = %q, want %q", fact, got, value)
				}
			}
			if got := tab.Attr(`[data-fact="capability:passkeyPlatformAuthenticator"]`, "data-value"); got != tt.wantUVPAA {
				t.Errorf("capability:passkeyPlatformAuthenticator = %q, want %q", got, tt.wantUVPAA)
			}
			if tt.authenticator == &browsertest.PlatformUV && *screenshots {
				tab.Screenshot(filepath.Join("..", "testdata", "screenshots", "capabilities-desktop.png"))
			}
		})
	}
}

func TestBrowserPageRunsUnderStrictCSPWithoutErrors(t *testing.T) {
	url := startServer(t)
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || !strings.Contains(csp, "default-src 'self'") {
		t.Fatalf("Content-Security-Policy = %q, want a strict script-src", csp)
	}

	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)
	if p := tab.Problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
