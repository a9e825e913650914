// Package ceremony is the wire contract between the page and the server for
// the live WebAuthn test ceremonies: the API paths, the JSON request and
// response types, and the stable result codes the server answers with.
//
// It depends on the standard library only, so the page (GOOS=js) and the
// server share it without pulling go-webauthn into the wasm binary. The
// diagnosis engine (app/diag) maps each Code to a failure cause.
package ceremony
