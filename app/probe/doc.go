// Package probe reads what only the browser knows about passkey support:
// whether the WebAuthn API is there, whether the page is a secure context,
// whether a platform authenticator (Windows Hello, Touch ID, a screen lock)
// can verify the user, the client capabilities, whether the page is framed
// and whether the permissions policy lets it call navigator.credentials, and
// the User-Agent with its client hints.
//
// Run does the work in the browser (probe_js.go, GOOS=js) by awaiting the
// browser's promises from a goroutine, never from an event handler, so the
// event loop keeps running. Elsewhere (probe_native.go) it stands in with an
// all-unknown Snapshot so the UI prerenders and tests natively.
//
// Everything here is evidence, not truth: browsers may say "unknown" or lie
// for privacy. The diagnosis engine (app/diag) weighs it.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-getClientCapabilities
package probe
