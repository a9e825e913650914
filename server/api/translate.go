package api

import (
	"errors"
	"strings"

	"github.com/go-webauthn/webauthn/protocol"
)

// webauthnRule maps a go-webauthn failure to an API error. A rule matches a
// *protocol.Error of its Type whose Details or DevInfo contains Contains
// (any, when empty). Rules are tried in order; the first match wins.
type webauthnRule struct {
	Type     string
	Contains string
	Make     func(error) *Error
}

// webauthnRules is the one translation of go-webauthn's verification
// failures. go-webauthn gives most failures the same Type
// ("verification_error") and tells them apart only in text, so a few rules
// match on text; translate_test.go drives the real library into each of
// them, which pins this table to the library version in go.mod.
var webauthnRules = []webauthnRule{
	// §7.1 step 16 / §7.2 step 17: the UV flag was required and is clear.
	{"verification_error", "User verification required", errUserVerificationMissing},
	// Client data origin, cross-origin flag and top origin; authenticator
	// data RP ID hash.
	{"verification_error", "origin", errOriginMismatch},
	{"verification_error", "RP Hash mismatch", errOriginMismatch},
	{"verification_error", "", errVerificationFailed},
	// Session expiry as go-webauthn enforces it (Timeouts.Enforce).
	{"invalid_request", "Session has Expired", errTokenExpired},
	{"invalid_request", "", errVerificationFailed},
	{"invalid_attestation", "algorithm not supported", errUnsupportedAlgorithm},
	{"invalid_key_type", "", errUnsupportedAlgorithm},
	{"unsupported_key_algorithm", "", errUnsupportedAlgorithm},
	{"parse_error", "", errBadRequest},
}

// translateVerify maps an error from go-webauthn's verification step (after
// the credential parsed) to an API error. Whatever it does not recognise is
// still the client's answer failing to verify: a 4xx, never a 5xx.
func translateVerify(err error) *Error {
	var unknown *protocol.ErrorUnknownCredential
	if errors.As(err, &unknown) {
		return errUnknownCredential(err)
	}
	var pe *protocol.Error
	if errors.As(err, &pe) {
		for _, r := range webauthnRules {
			if r.Type != pe.Type {
				continue
			}
			if r.Contains == "" || strings.Contains(pe.Details, r.Contains) || strings.Contains(pe.DevInfo, r.Contains) {
				return r.Make(publicCause(pe))
			}
		}
	}
	return errVerificationFailed(err)
}

// translateParse maps an error from parsing the browser's credential JSON:
// always the client's malformed input.
func translateParse(err error) *Error {
	var pe *protocol.Error
	if errors.As(err, &pe) {
		return errBadRequest(publicCause(pe))
	}
	return errBadRequest(err)
}

// publicCause keeps a go-webauthn error's Type and Details for the log and
// drops its DevInfo, which can quote the expected and received challenge.
func publicCause(pe *protocol.Error) error {
	return &protocol.Error{Type: pe.Type, Details: pe.Details, Err: pe.Err}
}
