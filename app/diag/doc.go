// Package diag is the diagnosis engine of Passkey Doctor: it turns Facts
// (what the browser, the live test ceremonies, the person and the
// organisation's config say) into a Diagnosis (who the device is, what it
// supports, why each ceremony failed, what was found and which steps fix it).
//
// Data flows one way:
//
//	Facts (JSON, the browser's own names)
//	  -> identify: Platform (OS, version, browser, in-app WebView)
//	  -> verdicts: Support (platform passkeys, Authenticator app, security keys)
//	  -> classify: one Cause per failed ceremony, with a confidence
//	  -> findings: stable codes with a severity
//	  -> steps: ordered remediation, with parameters (links, places)
//
// The engine is pure: no syscall/js, go-app, go-webauthn or net/http in it or
// below it (deps_test.go enforces this), no clock but the one passed in, no
// panics. What the browser reports is advisory evidence; where neither the
// User-Agent nor the client hints prove something, the answer is unknown,
// because a confidently wrong answer is the worst this product can give.
//
// Wording lives in app/catalog, keyed by the codes defined here; this
// package carries no user-facing sentences.
//
// See https://www.w3.org/TR/webauthn-3/ for the ceremonies,
// https://wicg.github.io/ua-client-hints/ for client hints and
// https://www.chromium.org/updates/ua-reduction/ for reduced User-Agents.
package diag
