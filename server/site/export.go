package site

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
// under web/ with its .br and .gz twins. Each of routes (a page path such as
// "/agent") becomes route/index.html, the file static hosts serve for
// "route/". With Options.StaticHeaders it also writes them as _headers, the
// file Netlify and Cloudflare Pages read, and puts what a meta element can
// carry (the CSP without frame-ancestors, the referrer policy) into every
// page, so the site keeps most of its protection on a host that sends no
// headers at all. Versioned URLs (?v=) still work: static hosts ignore the
// query. There is no ceremony API; the page runs its tests locally
// (app/probe.LocalAPI).
func (s *Site) Export(dir string, routes ...string) error {
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for path, name := range pages {
		body, err := s.render(path)
		if err != nil {
			return err
		}
		if name == "index.html" {
			body = withHeaderMetas(body, s.opts.StaticHeaders)
		}
		if err := writeFile(dir, name, body); err != nil {
			return err
		}
	}
	for _, route := range routes {
		body, err := s.render(route)
		if err != nil {
			return err
		}
		name := strings.Trim(route, "/") + "/index.html"
		if err := writeFile(dir, name, withHeaderMetas(body, s.opts.StaticHeaders)); err != nil {
			return err
		}
	}
	if len(s.opts.StaticHeaders) > 0 {
		if err := writeFile(dir, "_headers", headersFile(s.opts.StaticHeaders)); err != nil {
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
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// headersFile is h in the _headers format of Netlify and Cloudflare Pages:
// a path pattern, then one indented "Name: value" per line.
// Source: https://docs.netlify.com/routing/headers/ ;
// https://developers.cloudflare.com/pages/configuration/headers/
func headersFile(h http.Header) []byte {
	var b bytes.Buffer
	b.WriteString("# Security headers for static hosts that read this file (Netlify,\n# Cloudflare Pages). Elsewhere, set them in the host's configuration.\n/*\n")
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			fmt.Fprintf(&b, "  %s: %s\n", k, v)
		}
	}
	return b.Bytes()
}

// withHeaderMetas puts the headers a meta element can stand in for at the
// top of page's head, after the charset: the Content-Security-Policy minus frame-ancestors (which
// browsers ignore in a meta element, with a console warning) and the
// Referrer-Policy. Permissions-Policy, nosniff and COOP have no meta form.
// Source: https://www.w3.org/TR/CSP3/#meta-element ;
// https://html.spec.whatwg.org/multipage/semantics.html#meta-referrer
func withHeaderMetas(page []byte, h http.Header) []byte {
	var metas strings.Builder
	if csp := h.Get("Content-Security-Policy"); csp != "" {
		var kept []string
		for d := range strings.SplitSeq(csp, ";") {
			if d = strings.TrimSpace(d); d != "" && !strings.HasPrefix(d, "frame-ancestors") {
				kept = append(kept, d)
			}
		}
		fmt.Fprintf(&metas, "\n<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">", html.EscapeString(strings.Join(kept, "; ")))
	}
	if rp := h.Get("Referrer-Policy"); rp != "" {
		fmt.Fprintf(&metas, "\n<meta name=\"referrer\" content=\"%s\">", html.EscapeString(rp))
	}
	if metas.Len() == 0 {
		return page
	}
	for _, after := range []string{`<meta charset="UTF-8">`, "<head>"} {
		if i := bytes.Index(page, []byte(after)); i >= 0 {
			i += len(after)
			return slices.Concat(page[:i], []byte(metas.String()), page[i:])
		}
	}
	return page
}
