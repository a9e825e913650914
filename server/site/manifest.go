package site

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// manifest is the web app manifest. go-app v9's own template has no
// "purpose", so maskable icons (Android's adaptive launcher shapes) need
// this one.
// Source: https://www.w3.org/TR/appmanifest/#purpose-member
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Type    string `json:"type"`
	Sizes   string `json:"sizes"`
	Purpose string `json:"purpose"`
}

// makeManifest builds the manifest from opts with our own, versioned icons.
func makeManifest(a *assets, opts Options) []byte {
	m := manifest{
		ID:              "/",
		Name:            opts.Name,
		ShortName:       opts.ShortName,
		Description:     opts.Description,
		StartURL:        "/",
		Scope:           "/",
		Display:         "standalone",
		BackgroundColor: opts.ThemeColor,
		ThemeColor:      opts.ThemeColor,
		Icons: []manifestIcon{
			{a.url("icon.svg"), "image/svg+xml", "any", "any"},
			{a.url("icon-192.png"), "image/png", "192x192", "any"},
			{a.url("icon-512.png"), "image/png", "512x512", "any"},
			{a.url("icon-maskable-192.png"), "image/png", "192x192", "maskable"},
			{a.url("icon-maskable-512.png"), "image/png", "512x512", "maskable"},
		},
	}
	b, _ := json.MarshalIndent(m, "", "  ") // strings only: cannot fail
	return b
}

// serveManifest answers /manifest.webmanifest (and go-app's old name,
// /manifest.json).
func (s *Site) serveManifest(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/manifest+json")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Length", strconv.Itoa(len(s.manifest)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(s.manifest)
}
