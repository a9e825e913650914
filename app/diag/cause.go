package diag

// Cause is why one test ceremony failed. Causes are stable: the page puts
// them in data-cause attributes and helpdesk reports quote them.
type Cause string

// The failure causes.
const (
	CauseWebAuthnUnavailable         Cause = "webauthn-unavailable"
	CauseInsecureContext             Cause = "insecure-context"
	CauseIframeNotPermitted          Cause = "iframe-not-permitted"
	CauseUserActivationRequired      Cause = "user-activation-required"
	CauseRPIDMismatch                Cause = "rp-id-mismatch"
	CauseInvalidDomain               Cause = "invalid-domain"
	CauseTLSCertificateError         Cause = "tls-certificate-error"
	CausePageNotFocused              Cause = "page-not-focused"
	CauseUserCancelled               Cause = "user-cancelled"
	CauseTimedOut                    Cause = "timed-out"
	CauseNoCredentialOnDevice        Cause = "no-credential-on-device"
	CauseUserVerificationUnavailable Cause = "user-verification-unavailable"
	CauseDiscoverableUnsupported     Cause = "discoverable-unsupported"
	CauseAlreadyRegistered           Cause = "already-registered"
	CauseAlgorithmUnsupported        Cause = "algorithm-unsupported"
	CauseAborted                     Cause = "aborted"
	CauseRequestPending              Cause = "request-pending"
	CauseAuthenticatorError          Cause = "authenticator-error"
	CauseUnknownCredential           Cause = "unknown-credential"
	CauseVerificationFailed          Cause = "verification-failed"
	CauseSessionExpired              Cause = "session-expired"
	CauseServerUnreachable           Cause = "server-unreachable"
	CauseAmbiguousNotAllowed         Cause = "ambiguous-not-allowed"
	CauseUnknown                     Cause = "unknown"
)

// Causes lists every cause, for catalogues and tests.
func Causes() []Cause {
	return []Cause{
		CauseWebAuthnUnavailable, CauseInsecureContext, CauseIframeNotPermitted,
		CauseUserActivationRequired, CauseRPIDMismatch, CauseInvalidDomain,
		CauseTLSCertificateError, CausePageNotFocused, CauseUserCancelled, CauseTimedOut,
		CauseNoCredentialOnDevice, CauseUserVerificationUnavailable, CauseDiscoverableUnsupported,
		CauseAlreadyRegistered, CauseAlgorithmUnsupported, CauseAborted, CauseRequestPending,
		CauseAuthenticatorError, CauseUnknownCredential, CauseVerificationFailed,
		CauseSessionExpired, CauseServerUnreachable, CauseAmbiguousNotAllowed, CauseUnknown,
	}
}

// Confidence says how sure a classification is.
type Confidence string

// Confidence levels. High: the browser's message names the cause. Medium:
// the error name plus timing or context point to it. Low: a best guess.
const (
	High   Confidence = "high"
	Medium Confidence = "medium"
	Low    Confidence = "low"
)
