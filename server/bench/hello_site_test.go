package bench

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/server/site"
)

// helloPage is ./hello's component, registered here so the server
// prerenders the same body the hello-world wasm mounts.
type helloPage struct{ app.Compo }

func (h *helloPage) Render() app.UI { return app.Main().ID("hello").Text("Hello") }

var routeHello sync.Once

// serveHello serves the hello-world as the product serves its page: the
// same site package (go-app's handler, our service worker, precompressed
// twins, versioned assets), with web/ as it is but app.wasm swapped for the
// hello-world's. It runs in the test process on a loopback listener, and
// without the product's security headers and rate limits.
func serveHello(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	webDir := filepath.Join(root(b), "web")
	entries, err := os.ReadDir(webDir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasSuffix(n, ".go") || strings.HasPrefix(n, "app.wasm") {
			continue
		}
		copyFile(b, filepath.Join(webDir, n), filepath.Join(dir, n))
	}
	raw, err := os.ReadFile(helloWasmFile(b))
	if err != nil {
		b.Fatal(err)
	}
	_, gz, br, err := Compress(raw)
	if err != nil {
		b.Fatal(err)
	}
	for name, body := range map[string][]byte{"app.wasm": raw, "app.wasm.gz": gz, "app.wasm.br": br} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	routeHello.Do(func() { app.Route("/", &helloPage{}) })
	s, err := site.New(os.DirFS(dir), site.Options{Name: "Hello"})
	if err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /web/{name}", s.Asset)
	mux.HandleFunc("GET /wasm_exec.js", s.WasmExec)
	mux.HandleFunc("/", s.Page)
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return "http://localhost:" + port
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	body, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, body, 0o600); err != nil {
		b.Fatal(err)
	}
}
