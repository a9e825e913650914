// Package report is the helpdesk report of Passkey Doctor: what IT needs to
// see the same diagnosis the person saw, and nothing personal.
//
// A Report holds the Facts the page had (User-Agent, client hints, the
// capability probe, every test ceremony with its exact error, the person's
// answers including the exact message they saw, the organisation's policy),
// the remediation steps tried with their result, the ticket reference from
// the link (?ref=), the language and the minute it was made. It holds no
// names, e-mail addresses, account or credential ids: New drops e-mail
// addresses from free text and clips long text.
//
// Data flows:
//
//	page: Facts + steps tried -> New -> Report -> Encode -> "PD1-…" code
//	        -> copy, .txt (Text), .json, mailto (MailtoURL), QR (QRSVG)
//	agent view, CLI, server: code -> Decode -> Report -> diag.Diagnose
//
// The code is "PD1-" followed by the unpadded base64url form of the zlib
// stream (DEFLATE with a preset dictionary, see dict.go, and an Adler-32
// checksum) of the report's compact JSON. "1" is the format version: a new
// dictionary or an incompatible JSON change takes a new prefix. Decode is
// strict — unknown fields, trailing data and out-of-range values are errors
// — and bounded: codes over MaxCodeLen and reports that inflate past
// MaxJSON are refused before any further work.
//
// The package is compiled into the WebAssembly page, so it depends on the
// standard library, app/diag, app/catalog and the QR encoder
// rsc.io/qr/coding only: no net/http, go-app or go-webauthn (deps_test.go).
// See https://www.rfc-editor.org/rfc/rfc1950 (zlib),
// https://www.rfc-editor.org/rfc/rfc4648#section-5 (base64url) and
// https://www.rfc-editor.org/rfc/rfc6068 (mailto).
package report
