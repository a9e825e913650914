package site

import (
	"bytes"
	_ "embed"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Options says how the page introduces itself.
type Options struct {
	// Name is the app's full name, e.g. "Passkey Doctor".
	Name string
	// ShortName is shown under the installed icon.
	ShortName string
	// Description is one sentence for the manifest and search engines.
	Description string
	// ThemeColor colours the browser's UI around the page.
	ThemeColor string
	// Env is handed to the page inside app.js (go-app's Handler.Env); it
	// is public. It is part of the version, so a change reaches clients.
	Env map[string]string
	// FirstVerdict renders, from the request alone, the section that
	// replaces the page's prerendered verdict placeholder (section#verdict),
	// so a person reads a verdict before app.wasm arrives. go-app prerenders
	// from the URL only; this is how the request's User-Agent and client
	// hints reach the first HTML. Nil keeps the placeholder.
	FirstVerdict func(r *http.Request) string
	// PageHeaders are added to every HTML page (Accept-CH, Critical-CH,
	// Vary).
	PageHeaders http.Header
	// StaticHeaders are the security headers a static export asks its host
	// to send (see Export). The server sends its own and ignores them.
	StaticHeaders http.Header
}

// The product's own introduction, for Options left empty.
const (
	defaultName        = "Passkey Doctor"
	defaultDescription = "Finds out why passkey, PIN or security-key sign-in fails on this device and shows how to fix it."
	defaultThemeColor  = "#1d4ed8"
)

// serviceWorker is the app-worker.js template: go-app's precache, plus
// offline navigations and a network-only ceremony API (see the file).
//
//go:embed app-worker.js
var serviceWorker string

// Site serves the page and its assets.
type Site struct {
	assets   *assets
	pwa      *app.Handler
	manifest []byte
	opts     Options
}

// New loads the assets in fsys (package web's FS) and sets up go-app's
// handler. The caller registers the go-app routes (ui.Routes) first.
func New(fsys fs.FS, opts Options) (*Site, error) {
	a, err := loadAssets(fsys, opts.Env)
	if err != nil {
		return nil, err
	}
	opts = withDefaults(opts)
	pwa := &app.Handler{
		Name:            opts.Name,
		ShortName:       opts.ShortName,
		Title:           opts.Name,
		Description:     opts.Description,
		ThemeColor:      opts.ThemeColor,
		BackgroundColor: opts.ThemeColor,
		Lang:            "en",
		LoadingLabel:    "Loading the checks… {progress}%",
		Icon: app.Icon{
			Default:    a.url("icon-192.png"),
			Large:      a.url("icon-512.png"),
			SVG:        a.url("icon.svg"),
			AppleTouch: a.url("apple-touch-icon.png"),
		},
		Styles: []string{a.url("app.css")},
		// The page's masthead names the icon without a version.
		CacheableResources:      []string{"/web/icon.svg"},
		ServiceWorkerTemplate:   serviceWorker,
		Resources:               resources{wasm: a.url("app.wasm")},
		Version:                 a.version,
		Env:                     opts.Env,
		WasmContentLengthHeader: uncompressedLengthHeader,
	}
	return &Site{assets: a, pwa: pwa, manifest: makeManifest(a, opts), opts: opts}, nil
}

func withDefaults(o Options) Options {
	if o.Name == "" {
		o.Name = defaultName
	}
	if o.ShortName == "" {
		o.ShortName = o.Name
	}
	if o.Description == "" {
		o.Description = defaultDescription
	}
	if o.ThemeColor == "" {
		o.ThemeColor = defaultThemeColor
	}
	return o
}

// Version is the hash of every embedded asset.
func (s *Site) Version() string { return s.assets.version }

// Asset serves GET /web/{name}.
func (s *Site) Asset(w http.ResponseWriter, r *http.Request) {
	s.assets.serveAsset(w, r, r.PathValue("name"))
}

// WasmExec serves the toolchain's own wasm_exec.js, which must match the Go
// version app.wasm was built with (go-app embeds an older copy).
func (s *Site) WasmExec(w http.ResponseWriter, r *http.Request) {
	s.assets.serveAsset(w, r, "wasm_exec.js")
}

// Robots answers /robots.txt here: go-app would fetch it from the request's
// own Host header and cache the answer for everyone.
func (s *Site) Robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = fmt.Fprint(w, robots)
}

// robots lets search engines see the landing page only.
const robots = "User-agent: *\nAllow: /$\nDisallow: /\n"

// Page serves everything else through go-app: pages, app.js and the service
// worker; the manifest is ours (see manifest.go). HTML pages are rewritten on the way out (see
// fixPage).
func (s *Site) Page(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/manifest.webmanifest" || r.URL.Path == "/manifest.json" {
		s.serveManifest(w, r)
		return
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	s.pwa.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	if ct := rec.header.Get("Content-Type"); ct == "text/html" {
		body = fixPage(body)
		if s.opts.FirstVerdict != nil {
			body = replaceVerdict(body, s.opts.FirstVerdict(r))
		}
		for k, v := range s.opts.PageHeaders {
			rec.header[k] = v
		}
		rec.header.Set("Content-Type", "text/html; charset=utf-8")
	} else if ct == "application/javascript" {
		rec.header.Set("Content-Type", "text/javascript; charset=utf-8")
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.status)
	_, _ = w.Write(body)
}

// verdictID marks the prerendered verdict section (go-app writes attributes
// in no fixed order, so the tag is found from its id); its placeholder holds
// no nested section, so the first </section> after it closes it.
var (
	verdictID    = []byte(`id="verdict"`)
	sectionStart = []byte(`<section`)
	sectionEnd   = []byte(`</section>`)
)

// replaceVerdict puts the server's first verdict where the page has its
// placeholder; a page without one is left as it is.
func replaceVerdict(page []byte, verdict string) []byte {
	id := bytes.Index(page, verdictID)
	if id < 0 || verdict == "" {
		return page
	}
	i := bytes.LastIndex(page[:id], sectionStart)
	if i < 0 || bytes.IndexByte(page[i:id], '>') >= 0 {
		return page
	}
	j := bytes.Index(page[i:], sectionEnd)
	if j < 0 {
		return page
	}
	out := make([]byte, 0, len(page)+len(verdict))
	out = append(out, page[:i]...)
	out = append(out, verdict...)
	return append(out, page[i+j+len(sectionEnd):]...)
}

// blockedZoom is go-app v9's viewport meta, which stops people zooming in
// (WCAG 1.4.4); allowedZoom is the same without the block.
var (
	blockedZoom = []byte(`content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`)
	allowedZoom = []byte(`content="width=device-width, initial-scale=1, viewport-fit=cover"`)
)

// loaderIcon is go-app's loading spinner, which has no alt text; it is
// decoration, so it gets an empty one (WCAG 1.1.1).
var (
	loaderIcon           = []byte(`id="app-wasm-loader-icon"`)
	loaderIconDecorative = []byte(`id="app-wasm-loader-icon" alt=""`)
)

// fixPage repairs what go-app v9 gets wrong in its page HTML.
func fixPage(html []byte) []byte {
	html = bytes.Replace(html, blockedZoom, allowedZoom, 1)
	return bytes.Replace(html, loaderIcon, loaderIconDecorative, 1)
}

// recorder buffers a go-app response so the page can be rewritten before it
// leaves (go-app writes Content-Length itself).
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }

// resources tells go-app where the static files are: under /web/, served by
// Site.Asset rather than go-app (so it is not an http.Handler).
type resources struct{ wasm string }

func (resources) Package() string   { return "" }
func (resources) Static() string    { return "" }
func (r resources) AppWASM() string { return r.wasm }
