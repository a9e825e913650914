package guard

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHeadersOnEveryResponse(t *testing.T) {
	h := Headers([]string{"https://portal.example", "https://intranet.example:8443/"}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = w.Write([]byte("body{}"))
	}))
	tests := []struct {
		name string
		path string
		tls  bool
		want map[string]string
	}{
		{"a page over plain HTTP has every header but HSTS", "/", false, map[string]string{
			"Content-Security-Policy":    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://portal.example https://intranet.example:8443",
			"Permissions-Policy":         `publickey-credentials-get=(self "https://portal.example" "https://intranet.example:8443"), publickey-credentials-create=(self "https://portal.example" "https://intranet.example:8443")`,
			"Referrer-Policy":            "no-referrer",
			"X-Content-Type-Options":     "nosniff",
			"Cross-Origin-Opener-Policy": "unsafe-none",
			"Strict-Transport-Security":  "",
			"Cache-Control":              "",
			"Content-Type":               "text/css; charset=utf-8",
			"Set-Cookie":                 "",
		}},
		{"a page over TLS adds HSTS without includeSubDomains", "/", true, map[string]string{
			"Strict-Transport-Security": "max-age=63072000",
		}},
		{"an API answer is never stored", "/api/ceremony/register/begin", false, map[string]string{
			"Cache-Control": "no-store",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tt.path, nil)
			if tt.tls {
				r.TLS = &tls.ConnectionState{}
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			got := map[string]string{}
			for k := range tt.want {
				got[k] = w.Header().Get(k)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("headers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHeadersWithoutEmbeddersAllowOnlySelf(t *testing.T) {
	if got, want := PermissionsPolicy(nil), "publickey-credentials-get=(self), publickey-credentials-create=(self)"; got != want {
		t.Errorf("PermissionsPolicy(nil) = %q, want %q", got, want)
	}
	if got := ContentSecurityPolicy(nil); got[len(got)-len("frame-ancestors 'self'"):] != "frame-ancestors 'self'" {
		t.Errorf("ContentSecurityPolicy(nil) = %q, want frame-ancestors 'self' last", got)
	}
}

func TestAnOriginThatWouldBreakTheHeaderIsDropped(t *testing.T) {
	got := cleanOrigins([]string{`https://a.example"`, "https://b.example; script-src *", "https://c.example/"})
	if diff := cmp.Diff([]string{"https://c.example"}, got); diff != "" {
		t.Errorf("cleanOrigins (-want +got):\n%s", diff)
	}
}

func TestCharsetIsAddedToTextTypesOnly(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/css", "text/css; charset=utf-8"},
		{"text/html", "text/html; charset=utf-8"},
		{"application/javascript", "application/javascript; charset=utf-8"},
		{"application/manifest+json", "application/manifest+json; charset=utf-8"},
		{"image/svg+xml", "image/svg+xml; charset=utf-8"},
		{"text/plain; charset=utf-8", "text/plain; charset=utf-8"},
		{"application/wasm", "application/wasm"},
		{"image/png", "image/png"},
		{"", ""},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.in != "" {
			h.Set("Content-Type", tt.in)
		}
		addCharset(h)
		if got := h.Get("Content-Type"); got != tt.want {
			t.Errorf("addCharset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
