package diag

import "github.com/passkey-doctor/passkey-doctor/app/ceremony"

// serverCause maps the server's stable result codes to causes, as
// app/ceremony/code.go documents for each code.
var serverCause = map[ceremony.Code]Cause{
	ceremony.CodeBadRequest:              CauseUnknown,
	ceremony.CodeBodyTooLarge:            CauseUnknown,
	ceremony.CodeUnsupportedMediaType:    CauseUnknown,
	ceremony.CodeMethodNotAllowed:        CauseUnknown,
	ceremony.CodeNotFound:                CauseUnknown,
	ceremony.CodeTokenInvalid:            CauseSessionExpired,
	ceremony.CodeTokenExpired:            CauseSessionExpired,
	ceremony.CodeTokenUnknownKey:         CauseSessionExpired,
	ceremony.CodeTokenReplayed:           CauseSessionExpired,
	ceremony.CodeUnknownCredential:       CauseUnknownCredential,
	ceremony.CodeOriginMismatch:          CauseRPIDMismatch,
	ceremony.CodeUserVerificationMissing: CauseUserVerificationUnavailable,
	ceremony.CodeVerificationFailed:      CauseVerificationFailed,
	ceremony.CodeUnsupportedAlgorithm:    CauseAlgorithmUnsupported,
	ceremony.CodeRateLimited:             CauseServerUnreachable,
	ceremony.CodeOverloaded:              CauseServerUnreachable,
	ceremony.CodeInternal:                CauseServerUnreachable,
}

// fromServerCode classifies a refusal by the server. A code the engine does
// not know is an unknown cause, with low confidence.
func fromServerCode(code string) (Cause, Confidence) {
	c, ok := serverCause[ceremony.Code(code)]
	if !ok {
		return CauseUnknown, Low
	}
	if c == CauseUnknown {
		return c, Medium
	}
	return c, High
}
