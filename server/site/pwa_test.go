package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func get(t *testing.T, s *Site, path string) (body, contentType string) {
	t.Helper()
	w := httptest.NewRecorder()
	s.Page(w, httptest.NewRequest("GET", path, nil))
	if w.Code != 200 {
		t.Fatalf("GET %s = %d", path, w.Code)
	}
	return w.Body.String(), w.Header().Get("Content-Type")
}

func TestServiceWorkerPrecachesTheVersionedShellAndLeavesTheAPIAlone(t *testing.T) {
	s := newTestSite(t)
	js, _ := get(t, s, "/app-worker.js")
	for _, want := range []string{
		`"passkey-doctor-` + s.Version() + `"`,
		`"/web/app.wasm?v=` + s.Version() + `"`,
		`"/web/app.css?v=` + s.Version() + `"`,
		`"/web/icon.svg"`,
		`"/app.js"`, `"/wasm_exec.js"`, `"/manifest.webmanifest"`, `"/"`,
		`url.pathname.startsWith("/api/")`,
		`request.method !== "GET"`,
		`caches.delete(key)`,
		`self.clients.claim()`,
		`cache.match("/")`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	for _, unwanted := range []string{"sync.register", "BackgroundSync", "cache.put"} {
		if strings.Contains(js, unwanted) {
			t.Errorf("app-worker.js must neither queue nor cache at run time, but has %s", unwanted)
		}
	}
}

func TestManifestIsInstallableWithMaskableIcons(t *testing.T) {
	s := newTestSite(t)
	for _, path := range []string{"/manifest.webmanifest", "/manifest.json"} {
		body, ct := get(t, s, path)
		if ct != "application/manifest+json" {
			t.Errorf("%s Content-Type = %q", path, ct)
		}
		var m manifest
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if m.Display != "standalone" || m.Name != "Passkey Doctor" || m.ShortName == "" || m.Description == "" || m.ThemeColor != "#1d4ed8" || m.StartURL != "/" {
			t.Errorf("%s = %+v", path, m)
		}
		maskable := map[string]bool{}
		for _, ic := range m.Icons {
			if !strings.HasPrefix(ic.Src, "/web/") || !strings.HasSuffix(ic.Src, "?v="+s.Version()) {
				t.Errorf("icon %s is not one of ours, versioned", ic.Src)
			}
			if ic.Purpose == "maskable" {
				maskable[ic.Sizes] = true
			}
		}
		if !maskable["192x192"] || !maskable["512x512"] {
			t.Errorf("%s has maskable icons %v, want 192x192 and 512x512", path, maskable)
		}
	}
}

func TestExportWritesEveryFileTheShellNeeds(t *testing.T) {
	s := newTestSite(t)
	dir := t.TempDir()
	if err := s.Export(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"index.html", "app.js", "app-worker.js", "app.css", "manifest.webmanifest", "robots.txt", "wasm_exec.js",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/app.css", "web/icon-maskable-192.png",
	} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("export lacks %s: %v", name, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !strings.Contains(string(index), `/web/app.css?v=`+s.Version()) || strings.Contains(string(index), "user-scalable=0") {
		t.Errorf("index.html is not the fixed, prerendered page:\n%s", index)
	}
}

func TestExportHandsTheSecurityHeadersToTheHost(t *testing.T) {
	app.RouteFunc("/", func() app.Composer { return &app.Compo{} })
	headers := http.Header{
		"Content-Security-Policy": {"default-src 'self'; frame-ancestors 'self' https://portal.example"},
		"Referrer-Policy":         {"no-referrer"},
		"X-Content-Type-Options":  {"nosniff"},
	}
	s, err := New(testFS(), Options{StaticHeaders: headers})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := s.Export(dir); err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"/*\n",
		"  Content-Security-Policy: default-src 'self'; frame-ancestors 'self' https://portal.example\n",
		"  Referrer-Policy: no-referrer\n",
		"  X-Content-Type-Options: nosniff\n",
	} {
		if !strings.Contains(string(file), line) {
			t.Errorf("_headers lacks %q:\n%s", line, file)
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	head, _, _ := strings.Cut(string(index), "</head>")
	for _, want := range []string{
		`<meta charset="UTF-8">` + "\n" + `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;">`,
		`<meta name="referrer" content="no-referrer">`,
	} {
		if !strings.Contains(head, want) {
			t.Errorf("index.html head lacks %s:\n%s", want, head)
		}
	}
	if strings.Contains(head, "frame-ancestors") {
		t.Errorf("the meta CSP keeps frame-ancestors, which browsers ignore there with a warning:\n%s", head)
	}
}

func TestExportWithoutHeadersWritesNoHeadersFile(t *testing.T) {
	s := newTestSite(t)
	dir := t.TempDir()
	if err := s.Export(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "_headers")); !os.IsNotExist(err) {
		t.Errorf("_headers written with no headers given: %v", err)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if strings.Contains(string(index), "http-equiv") {
		t.Error("index.html has a meta CSP with no headers given")
	}
}

func TestExportWritesEachRouteAsItsDirectoryIndex(t *testing.T) {
	app.RouteFunc("/", func() app.Composer { return &app.Compo{} })
	app.RouteFunc("/agent", func() app.Composer { return &app.Compo{} })
	s, err := New(testFS(), Options{StaticHeaders: http.Header{"Referrer-Policy": {"no-referrer"}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := s.Export(dir, "/agent"); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "agent", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `<meta name="referrer" content="no-referrer">`) || !strings.Contains(string(page), "/app.js") {
		t.Errorf("agent/index.html is not the page with its header metas:\n%.600s", page)
	}
}
