// Package ceremony is the wire contract between the page and the server for
// the live WebAuthn test ceremonies: the API paths, the JSON request and
// response types, the stable result codes the server answers with, and the
// table of well-known authenticator models (AAGUIDs) both sides use to name
// the authenticator that made a test passkey.
//
// It depends on the standard library only, so the page (GOOS=js) and the
// server share it without pulling go-webauthn into the wasm binary. The
// diagnosis engine (app/diag) maps each Code to a failure cause.
//
// # Flow
//
// A test is two round trips, each a POST with a JSON body:
//
//  1. PathRegisterBegin with a RegisterBeginRequest (which test: Kind). The
//     server answers CreationOptions for navigator.credentials.create() and a
//     sealed Session token.
//  2. PathRegisterFinish with the Session and the browser's credential JSON
//     (RegistrationResponse). The server verifies it and answers an Outcome
//     with a sealed Credential token: the throwaway test credential, which
//     the page keeps (localStorage) because the server keeps nothing.
//  3. PathLoginBegin with the Credential token(s) the page holds and whether
//     to list them in allowCredentials or to ask for a discoverable
//     credential. The server answers RequestOptions for
//     navigator.credentials.get() and a sealed Session token.
//  4. PathLoginFinish with the Session, the same Credential tokens and the
//     browser's assertion JSON (AuthenticationResponse). The server answers an
//     Outcome with the Credential token re-sealed (the sign counter and
//     backup state change with each sign-in).
//
// Binary fields travel as base64url without padding (Base64URL), exactly as
// PublicKeyCredential.toJSON() and the WebAuthn Level 3 JSON types carry
// them; the page converts them to ArrayBuffers itself because
// parseCreationOptionsFromJSON is missing from older browsers.
//
// A failed request answers an Error {code, message} with a 4xx status for a
// client's mistake and a 5xx status only for the server's own failure.
//
// Specification: Web Authentication Level 3, §5.1.8 and §5.1.9
// (https://www.w3.org/TR/webauthn-3/#sctn-parseCreationOptionsFromJSON).
package ceremony
