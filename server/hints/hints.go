package hints

import (
	"net/http"

	"github.com/dunglas/httpsfv"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// AcceptCH asks the browser for the high-entropy hints the engine uses.
// Source: https://wicg.github.io/ua-client-hints/#http-ua-hints
const AcceptCH = "Sec-CH-UA-Platform-Version, Sec-CH-UA-Model, Sec-CH-UA-Full-Version-List, Sec-CH-UA-Arch, Sec-CH-UA-Form-Factors"

// CriticalCH is the one hint worth a retried first request: without the
// platform version, Windows 10 and 11 (and reduced Android and macOS) look
// the same.
// Source: https://wicg.github.io/client-hints-infrastructure/#critical-ch
const CriticalCH = "Sec-CH-UA-Platform-Version"

// Vary lists the request headers a page rendered from Facts depends on.
const Vary = "User-Agent, Sec-CH-UA, Sec-CH-UA-Mobile, Sec-CH-UA-Platform, " + AcceptCH

// Facts reads the User-Agent and client hints of a request. UAData is nil
// when the browser sent no Sec-CH-UA-Platform (Safari, Firefox, or hints
// off); a malformed hint is skipped, never trusted.
func Facts(h http.Header) diag.Facts {
	f := diag.Facts{UA: h.Get("User-Agent")}
	platform, ok := str(h, "Sec-CH-UA-Platform")
	if !ok {
		return f
	}
	d := &diag.UAData{Platform: platform}
	if m, ok := boolean(h, "Sec-CH-UA-Mobile"); ok {
		d.Mobile = &m
	}
	d.Brands = brands(h, "Sec-CH-UA")
	d.FullVersionList = brands(h, "Sec-CH-UA-Full-Version-List")
	d.PlatformVersion, _ = str(h, "Sec-CH-UA-Platform-Version")
	d.Model, _ = str(h, "Sec-CH-UA-Model")
	d.Architecture, _ = str(h, "Sec-CH-UA-Arch")
	d.FormFactors = strs(h, "Sec-CH-UA-Form-Factors")
	f.UAData = d
	return f
}

func item(h http.Header, name string) (httpsfv.Item, bool) {
	v := h.Values(name)
	if len(v) == 0 {
		return httpsfv.Item{}, false
	}
	it, err := httpsfv.UnmarshalItem(v)
	return it, err == nil
}

func str(h http.Header, name string) (string, bool) {
	it, ok := item(h, name)
	if !ok {
		return "", false
	}
	s, ok := it.Value.(string)
	return s, ok
}

func boolean(h http.Header, name string) (bool, bool) {
	it, ok := item(h, name)
	if !ok {
		return false, false
	}
	b, ok := it.Value.(bool)
	return b, ok
}

func list(h http.Header, name string) httpsfv.List {
	v := h.Values(name)
	if len(v) == 0 {
		return nil
	}
	l, err := httpsfv.UnmarshalList(v)
	if err != nil {
		return nil
	}
	return l
}

// brands reads a brand list: "Chromium";v="124", "Google Chrome";v="124".
func brands(h http.Header, name string) []diag.Brand {
	var out []diag.Brand
	for _, m := range list(h, name) {
		it, ok := m.(httpsfv.Item)
		if !ok {
			continue
		}
		b, ok := it.Value.(string)
		if !ok {
			continue
		}
		v, _ := it.Params.Get("v")
		version, _ := v.(string)
		out = append(out, diag.Brand{Brand: b, Version: version})
	}
	return out
}

// strs reads a list of strings: "Desktop", "XR".
func strs(h http.Header, name string) []string {
	var out []string
	for _, m := range list(h, name) {
		if it, ok := m.(httpsfv.Item); ok {
			if s, ok := it.Value.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}
