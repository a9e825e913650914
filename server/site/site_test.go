package site

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func testFS() fstest.MapFS {
	fs := fstest.MapFS{}
	for _, name := range required {
		fs[name] = &fstest.MapFile{Data: []byte("body of " + name)}
	}
	fs["app.wasm.br"] = &fstest.MapFile{Data: []byte("br")}
	fs["app.wasm.gz"] = &fstest.MapFile{Data: []byte("gz")}
	return fs
}

func newTestSite(t *testing.T) *Site {
	t.Helper()
	app.RouteFunc("/", func() app.Composer { return &app.Compo{} })
	s, err := New(testFS(), Options{Name: "Passkey Doctor", ThemeColor: "#1d4ed8"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNewRefusesToStartWithoutTheWasm(t *testing.T) {
	fs := testFS()
	delete(fs, "app.wasm")
	_, err := New(fs, Options{})
	if err == nil || !strings.Contains(err.Error(), "app.wasm") {
		t.Fatalf("New() error = %v, want one naming app.wasm", err)
	}
}

func TestVersionChangesWithAnyAssetOrTheEnv(t *testing.T) {
	a, _ := loadAssets(testFS(), nil)
	fs := testFS()
	fs["app.css"] = &fstest.MapFile{Data: []byte("changed")}
	b, _ := loadAssets(fs, nil)
	if a.version == b.version {
		t.Fatalf("version %s did not change when app.css changed", a.version)
	}
	c, _ := loadAssets(testFS(), map[string]string{"K": "v"})
	if a.version == c.version {
		t.Fatalf("version %s did not change with the page env", a.version)
	}
}

func TestAssetNegotiatesEncoding(t *testing.T) {
	s := newTestSite(t)
	tests := []struct {
		name           string
		acceptEncoding string
		wantEncoding   string
		wantBody       string
	}{
		{"brotli is preferred when accepted", "gzip, deflate, br", "br", "br"},
		{"gzip is used when brotli is not accepted", "gzip", "gzip", "gz"},
		{"brotli refused with q=0 falls back to gzip", "br;q=0, gzip", "gzip", "gz"},
		{"no encoding gets the raw file", "", "", "body of app.wasm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("GET /web/{name}", s.Asset)
			r := httptest.NewRequest("GET", "/web/app.wasm", nil)
			r.Header.Set("Accept-Encoding", tt.acceptEncoding)
			w := httptest.NewRecorder()
			mux.ServeHTTP(w, r)
			if got := w.Header().Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantEncoding)
			}
			if got := w.Body.String(); got != tt.wantBody {
				t.Errorf("body = %q, want %q", got, tt.wantBody)
			}
			if got := w.Header().Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q", got)
			}
			if got := w.Header().Get(uncompressedLengthHeader); got != "16" {
				t.Errorf("%s = %q, want the raw size 16", uncompressedLengthHeader, got)
			}
		})
	}
}

func TestAssetCachesOnlyVersionedURLsForLong(t *testing.T) {
	s := newTestSite(t)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /web/{name}", s.Asset)
	for url, want := range map[string]string{
		"/web/app.css?v=" + s.Version(): "public, max-age=31536000, immutable",
		"/web/app.css":                  "no-cache",
		"/web/app.css?v=stale":          "no-cache",
	} {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest("GET", url, nil))
		if got := w.Header().Get("Cache-Control"); got != want {
			t.Errorf("GET %s: Cache-Control = %q, want %q", url, got, want)
		}
		if got := w.Header().Get("Content-Type"); got != "text/css; charset=utf-8" {
			t.Errorf("GET %s: Content-Type = %q", url, got)
		}
	}
	w := httptest.NewRecorder()
	mux.ServeHTTP(w, httptest.NewRequest("GET", "/web/missing.js", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("GET /web/missing.js = %d, want 404", w.Code)
	}
}

func TestPageAllowsZoomAndUsesOurIcons(t *testing.T) {
	s := newTestSite(t)
	w := httptest.NewRecorder()
	s.Page(w, httptest.NewRequest("GET", "/", nil))
	body := w.Body.String()
	if strings.Contains(body, "user-scalable=0") || strings.Contains(body, "maximum-scale") {
		t.Error("page still blocks zoom")
	}
	if strings.Contains(body, "githubusercontent") {
		t.Error("page references go-app's remote default icons")
	}
	if !strings.Contains(body, `id="app-wasm-loader-icon" alt=""`) {
		t.Error("loader icon has no alt text")
	}
	if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}

	w = httptest.NewRecorder()
	s.Page(w, httptest.NewRequest("GET", "/manifest.webmanifest", nil))
	if m := w.Body.String(); strings.Contains(m, "githubusercontent") || !strings.Contains(m, "/web/icon-512.png?v="+s.Version()) {
		t.Errorf("manifest does not use our own icons:\n%s", m)
	}
}

func TestRobotsIsAnsweredLocally(t *testing.T) {
	s := newTestSite(t)
	w := httptest.NewRecorder()
	s.Robots(w, httptest.NewRequest("GET", "/robots.txt", nil))
	if !strings.HasPrefix(w.Body.String(), "User-agent: *") {
		t.Fatalf("robots.txt = %q", w.Body.String())
	}
}

func TestPageRefusesOtherMethods(t *testing.T) {
	s := newTestSite(t)
	w := httptest.NewRecorder()
	s.Page(w, httptest.NewRequest("POST", "/", strings.NewReader("x")))
	if w.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST / = %d, want 405", w.Code)
	}
}

func TestReplaceVerdict(t *testing.T) {
	page := []byte(`<main><section id="verdict" class="card" data-verdict="checking"><h2>Your device</h2><p>Checking</p></section><section id="tests"></section></main>`)
	got := string(replaceVerdict(page, `<section id="verdict" data-verdict="yes">yes</section>`))
	want := `<main><section id="verdict" data-verdict="yes">yes</section><section id="tests"></section></main>`
	if got != want {
		t.Errorf("replaceVerdict = %s, want %s", got, want)
	}
	page = []byte(`<section class="card" data-verdict="checking" id="verdict"><p>Checking</p></section>`)
	if got := string(replaceVerdict(page, "V")); got != "V" {
		t.Errorf("with id last among the attributes: %s", got)
	}
	if got := string(replaceVerdict([]byte(`<main></main>`), "x")); got != `<main></main>` {
		t.Errorf("a page without a placeholder changed: %s", got)
	}
}
