package site

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
)

// pages are the root-level files go-app makes, with the file each becomes
// in a static export.
var pages = map[string]string{
	"/":              "index.html",
	"/app.js":        "app.js",
	"/app-worker.js": "app-worker.js",
	"/app.css":       "app.css",
}

// Export writes the whole site under dir as plain files for any static host
// or CDN: the prerendered index.html, go-app's app.js, the service worker and
// its stylesheet, the manifest, wasm_exec.js, robots.txt, and every asset
// under web/ with its .br and .gz twins. Versioned URLs (?v=) still work:
// static hosts ignore the query. There is no ceremony API; the page runs its
// tests locally (app/probe.LocalAPI).
func (s *Site) Export(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for path, name := range pages {
		body, err := s.render(path)
		if err != nil {
			return err
		}
		if err := writeFile(dir, name, body); err != nil {
			return err
		}
	}
	if err := writeFile(dir, "manifest.webmanifest", s.manifest); err != nil {
		return err
	}
	if err := writeFile(dir, "robots.txt", []byte(robots)); err != nil {
		return err
	}
	for name, f := range s.assets.files {
		if err := writeFile(dir, "web/"+name, f.body); err != nil {
			return err
		}
		for ext, twin := range map[string][]byte{".br": f.brotli, ".gz": f.gzip} {
			if twin == nil {
				continue
			}
			if err := writeFile(dir, "web/"+name+ext, twin); err != nil {
				return err
			}
		}
		if name == "wasm_exec.js" { // the page loads it from the root
			if err := writeFile(dir, name, f.body); err != nil {
				return err
			}
		}
	}
	return nil
}

// render asks the page handler for path, as a browser would.
func (s *Site) render(path string) ([]byte, error) {
	r, err := http.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", path, err)
	}
	r.Host = "localhost"
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	s.Page(rec, r)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("export %s: status %d", path, rec.status)
	}
	return rec.body.Bytes(), nil
}

func writeFile(dir, name string, body []byte) error {
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), body, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
