package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"sort"
	"strconv"
	"strings"
)

// asset is one embedded file with its precompressed twins.
type asset struct {
	body   []byte
	brotli []byte // nil when no .br twin was built
	gzip   []byte // nil when no .gz twin was built
	ctype  string
}

// assets is the embedded web directory, by file name.
type assets struct {
	files   map[string]*asset
	version string
}

// required are the files the page cannot run without. app.wasm and
// wasm_exec.js are build products: `make wasm` writes them.
var required = []string{"app.wasm", "wasm_exec.js", "app.css", "icon.svg", "icon-192.png", "icon-512.png",
	"icon-maskable-192.png", "icon-maskable-512.png", "apple-touch-icon.png"}

// loadAssets reads every file of fsys into memory, pairing name.br and
// name.gz with name, and hashes them all, with the page's env, into a
// version.
func loadAssets(fsys fs.FS, env map[string]string) (*assets, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read assets: %w", err)
	}
	raw := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read asset %s: %w", e.Name(), err)
		}
		raw[e.Name()] = b
	}
	for _, name := range required {
		if _, ok := raw[name]; !ok {
			return nil, fmt.Errorf("asset %s is missing: build it with `make wasm`", name)
		}
	}

	a := &assets{files: map[string]*asset{}}
	names := make([]string, 0, len(raw))
	for name, body := range raw {
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			continue
		}
		names = append(names, name)
		a.files[name] = &asset{body: body, brotli: raw[name+".br"], gzip: raw[name+".gz"], ctype: contentType(name)}
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(raw[name]))
		h.Write(raw[name])
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "env\x00%s\x00%s\x00", k, env[k])
	}
	a.version = hex.EncodeToString(h.Sum(nil))[:20]
	return a, nil
}

// contentType names a file's media type, with a charset for text.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// url is the versioned address of an asset, cacheable for a year.
func (a *assets) url(name string) string {
	return "/web/" + name + "?v=" + a.version
}

// encoding picks the body to send for an Accept-Encoding header: brotli,
// then gzip, then identity.
func (f *asset) encoding(acceptEncoding string) (body []byte, contentEncoding string) {
	if f.brotli != nil && accepts(acceptEncoding, "br") {
		return f.brotli, "br"
	}
	if f.gzip != nil && accepts(acceptEncoding, "gzip") {
		return f.gzip, "gzip"
	}
	return f.body, ""
}

// accepts reports whether an Accept-Encoding header allows coding, honouring
// q=0 exclusions.
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
