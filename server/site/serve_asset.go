package site

import (
	"net/http"
	"strconv"
	"strings"
)

// uncompressedLengthHeader carries an asset's decoded size, so go-app's
// loader shows true progress while the compressed app.wasm streams in
// (Content-Length is the compressed size then).
const uncompressedLengthHeader = "X-Uncompressed-Content-Length"

// serveAsset answers GET /web/{name} and the root-level build products.
func (a *assets) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	f, ok := a.files[name]
	if !ok || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	etag := `"` + a.version + `"`
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("ETag", etag)
	h.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body, enc := f.encoding(r.Header.Get("Accept-Encoding"))
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Type", f.ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set(uncompressedLengthHeader, strconv.Itoa(len(f.body)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(body)
}
