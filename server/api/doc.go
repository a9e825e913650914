// Package api is the ceremony HTTP API: register begin/finish and login
// begin/finish for the live WebAuthn test ceremonies, verified with
// go-webauthn. The wire contract (paths, JSON types, codes) lives in
// app/ceremony, shared with the page.
//
// # Stateless
//
// The server keeps nothing between requests. Begin seals go-webauthn's
// SessionData, with the test kind, into a single-use session token
// (server/seal) that the page sends back to finish. A verified registration
// seals the test credential (public key, flags, counter, AAGUID; the
// attestation object is stripped, it would double the token) into a
// credential token the page keeps; login begin and finish take it back, and
// login finish re-seals it because counter and backup state change. Any
// replica holding the key completes any step, and a restart between begin
// and finish does not break a ceremony. A replica refuses a session token it
// has seen before (a bounded per-replica replay cache).
//
// # Relying party
//
// Config.RPID and Config.Origins name the relying party. Left empty, both
// are derived from each request's Host (development: localhost). Listing
// Config.TopOrigins allows ceremonies inside cross-origin iframes of those
// parents (go-webauthn's RPAllowCrossOrigin and RPTopOrigins).
//
// # Options per test
//
//   - platform: attachment platform, resident key required, user
//     verification required (the point of the test is the PIN or biometric).
//   - security-key: attachment cross-platform, resident key discouraged, user
//     verification preferred, so a key without a PIN registers and shows UV
//     false instead of failing.
//   - phone: cross-platform with the hybrid hint, resident key required,
//     user verification preferred.
//   - existing: login only, discoverable.
//
// Attestation is "none" for every test. Naming the authenticator needs the
// AAGUID, not an attestation statement, and WebAuthn Level 2 and later keep
// the AAGUID under "none" (only the statement is replaced), so Windows
// Hello, Google Password Manager and the third-party passkey providers name
// themselves. "direct" would make Chrome and Firefox ask the person to allow
// the site to see the security key's make and model, the extra prompt this
// avoids; where a browser or iCloud Keychain withholds the AAGUID anyway
// (all zeros), the page says the maker is unknown, no worse than "direct"
// on those platforms, which do not attest passkeys at all.
// Source: https://www.w3.org/TR/webauthn-2/#sctn-createCredential (step 21,
// "none"), https://web.dev/articles/webauthn-aaguid,
// https://developer.apple.com/forums/thread/726208.
//
// Timeouts are go-webauthn's with Enforce set, so the library rejects a
// finish after the ceremony's timeout; without Enforce it ignores session
// expiry. The session token expires a little later (Config.Leeway), so the
// library's own "session expired" answer is the one seen first.
//
// # Turns
//
// A finish reads its body, then waits for a turn to verify: Config.Verifiers
// turns (default one per P), handed out in arrival order, so under load
// every finish waits about as long as the others (turns.go).
//
// # Errors
//
// Every handler returns an error; one adapter (serve) turns it into a
// ceremony.Error body with a status and a log line. Each failure is an
// *Error with a stable ceremony.Code, an HTTP status, a public message (all
// of them in messages.go) and a private cause that is logged, never sent.
// go-webauthn's failures are translated in one table (translate.go);
// go-webauthn's DevInfo never leaves the server, and is not logged either,
// because it can quote challenges. A client's mistake is a 4xx, never a 5xx.
// Logs carry no tokens, challenges, client data or addresses.
//
// # Observer and diagnosis reports
//
// Deps.Observer (server/metrics) hears the result of every ceremony request:
// step, test kind, ok or failed, and the code. Diagnosis (PathDiagnosis)
// takes the page's diag.Diagnosis, decoded as strictly as the ceremony
// bodies, and hands it to the Observer; nothing is stored, and a refused
// report is logged by its code alone, since decoder messages quote the body.
//
// # Routes
//
// The server's route function registers the handlers with method patterns:
//
//	mux.Handle("POST "+ceremony.PathRegisterBegin, a.RegisterBegin())
//	mux.Handle("POST "+ceremony.PathRegisterFinish, a.RegisterFinish())
//	mux.Handle("POST "+ceremony.PathLoginBegin, a.LoginBegin())
//	mux.Handle("POST "+ceremony.PathLoginFinish, a.LoginFinish())
//	mux.Handle("POST "+PathDiagnosis, a.Diagnosis())
package api
