package guard

import (
	"net/http"
	"strings"
)

// Headers sets the security headers on every response. frameAncestors are
// the origins allowed to embed the page, besides the page itself.
//
// The CSP allows scripts from this origin only, plus WebAssembly compilation
// ('wasm-unsafe-eval'), and no inline script or style: components use
// classes, never style attributes.
// Source: https://www.w3.org/TR/CSP3/#grammardef-wasm-unsafe-eval
func Headers(frameAncestors []string, next http.Handler) http.Handler {
	ancestors := strings.Join(append([]string{"'self'"}, frameAncestors...), " ")
	csp := "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors " + ancestors
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}
