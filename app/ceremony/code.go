package ceremony

// Code is a stable, machine-readable result code in an API error response.
// Codes never change meaning once published: the page, the diagnosis engine
// and helpdesk reports depend on them.
type Code string

// The codes the server answers with. Each is documented with the engine cause
// it maps to (see app/diag).
const (
	// CodeBadRequest: the body is not the JSON the endpoint expects
	// (malformed, trailing data, unknown fields, bad base64url). Cause: unknown.
	CodeBadRequest Code = "bad-request"
	// CodeBodyTooLarge: the body exceeds the endpoint's cap. Cause: unknown.
	CodeBodyTooLarge Code = "body-too-large"
	// CodeUnsupportedMediaType: the Content-Type is not application/json. Cause: unknown.
	CodeUnsupportedMediaType Code = "unsupported-media-type"
	// CodeMethodNotAllowed: wrong HTTP method. Cause: unknown.
	CodeMethodNotAllowed Code = "method-not-allowed"
	// CodeNotFound: no such endpoint. Cause: unknown.
	CodeNotFound Code = "not-found"
	// CodeTokenInvalid: a sealed token failed authentication (tampered,
	// truncated, wrong purpose). Cause: session-expired (the page starts over).
	CodeTokenInvalid Code = "token-invalid"
	// CodeTokenExpired: a sealed token is past its expiry. Cause: session-expired.
	CodeTokenExpired Code = "token-expired"
	// CodeTokenUnknownKey: a token was sealed with a key this server no longer
	// holds (retired by rotation). Cause: session-expired.
	CodeTokenUnknownKey Code = "token-unknown-key"
	// CodeTokenReplayed: a token was already used once. Cause: session-expired.
	CodeTokenReplayed Code = "token-replayed"
	// CodeUnknownCredential: the authenticator signed with a credential the
	// server does not know: an orphaned passkey. Cause: unknown-credential.
	CodeUnknownCredential Code = "unknown-credential"
	// CodeOriginMismatch: client data names an origin, top origin or RP ID the
	// server does not accept. Cause: rp-id-mismatch.
	CodeOriginMismatch Code = "origin-mismatch"
	// CodeUserVerificationMissing: UV was required and the authenticator did
	// not perform it. Cause: user-verification-unavailable.
	CodeUserVerificationMissing Code = "user-verification-missing"
	// CodeVerificationFailed: the response did not verify (signature,
	// challenge, flags, attestation). Cause: verification-failed.
	CodeVerificationFailed Code = "verification-failed"
	// CodeUnsupportedAlgorithm: the credential uses an algorithm the server
	// does not accept. Cause: algorithm-unsupported.
	CodeUnsupportedAlgorithm Code = "unsupported-algorithm"
	// CodeRateLimited: too many requests from this client. Cause: server-unreachable.
	CodeRateLimited Code = "rate-limited"
	// CodeOverloaded: too many verifications in flight. Cause: server-unreachable.
	CodeOverloaded Code = "overloaded"
	// CodeInternal: the server failed; never a client's mistake. Cause: server-unreachable.
	CodeInternal Code = "internal"
	// CodeReportSubmitDisabled: POST /api/report on a server with no
	// report.webhook configured (404). Not a ceremony answer: no cause.
	CodeReportSubmitDisabled Code = "report-submit-disabled"
	// CodeReportInvalid: a submitted report code or report JSON does not
	// decode (app/report.Decode) (422). Not a ceremony answer: no cause.
	CodeReportInvalid Code = "report-invalid"
	// CodeReportForwardFailed: the report webhook failed, timed out or
	// redirected (502). Not a ceremony answer: no cause.
	CodeReportForwardFailed Code = "report-forward-failed"
)
