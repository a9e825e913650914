package diag

// FindingCode names something the engine found. Codes are stable; each has
// wording in app/catalog and remediation steps.
type FindingCode string

// The finding codes.
const (
	FindingInAppBrowser                FindingCode = "in-app-browser"
	FindingWebAuthnUnavailable         FindingCode = "webauthn-unavailable"
	FindingInsecureContext             FindingCode = "insecure-context"
	FindingFrameNotPermitted           FindingCode = "frame-not-permitted"
	FindingOSUnsupported               FindingCode = "os-unsupported"
	FindingBrowserUnsupported          FindingCode = "browser-unsupported"
	FindingOSVersionUnknown            FindingCode = "os-version-unknown"
	FindingAuthenticatorAppUnsupported FindingCode = "authenticator-app-unsupported"
	FindingNoPlatformAuthenticator     FindingCode = "no-platform-authenticator"
	FindingSiteSetupProblem            FindingCode = "site-setup-problem"
	FindingTLSInterception             FindingCode = "tls-interception"
	FindingPageNotFocused              FindingCode = "page-not-focused"
	FindingPromptDismissed             FindingCode = "prompt-dismissed"
	FindingNoPasskeyOnDevice           FindingCode = "no-passkey-on-device"
	FindingScreenLockMissing           FindingCode = "screen-lock-missing"
	FindingAuthenticatorUnsupported    FindingCode = "authenticator-unsupported"
	FindingAlreadyRegistered           FindingCode = "already-registered"
	FindingInterrupted                 FindingCode = "interrupted"
	FindingAuthenticatorError          FindingCode = "authenticator-error"
	FindingOrphanedPasskey             FindingCode = "orphaned-passkey"
	FindingVerificationFailed          FindingCode = "verification-failed"
	FindingSessionExpired              FindingCode = "session-expired"
	FindingServerUnreachable           FindingCode = "server-unreachable"
	FindingUnclearRefusal              FindingCode = "unclear-refusal"
	FindingUnknownFailure              FindingCode = "unknown-failure"
	FindingPersonalAccount             FindingCode = "personal-account"
	FindingWrongAndroidProfile         FindingCode = "wrong-android-profile"
	FindingPasskeyProblemOnly          FindingCode = "passkey-problem-only"
	FindingPasswordlessEnforced        FindingCode = "passwordless-enforced"
	FindingContactIT                   FindingCode = "contact-it"
	FindingAllTestsPassed              FindingCode = "all-tests-passed"
	FindingSecurityKeyNoPIN            FindingCode = "security-key-no-pin"
)

// Findings lists every finding code, for catalogues and tests.
func Findings() []FindingCode {
	return []FindingCode{
		FindingInAppBrowser, FindingWebAuthnUnavailable, FindingInsecureContext,
		FindingFrameNotPermitted, FindingOSUnsupported, FindingBrowserUnsupported,
		FindingOSVersionUnknown, FindingAuthenticatorAppUnsupported, FindingNoPlatformAuthenticator,
		FindingSiteSetupProblem, FindingTLSInterception, FindingPageNotFocused, FindingPromptDismissed,
		FindingNoPasskeyOnDevice, FindingScreenLockMissing, FindingAuthenticatorUnsupported,
		FindingAlreadyRegistered, FindingInterrupted, FindingAuthenticatorError, FindingOrphanedPasskey,
		FindingVerificationFailed, FindingSessionExpired, FindingServerUnreachable, FindingUnclearRefusal,
		FindingUnknownFailure, FindingPersonalAccount, FindingWrongAndroidProfile,
		FindingPasskeyProblemOnly, FindingPasswordlessEnforced, FindingContactIT, FindingAllTestsPassed,
		FindingSecurityKeyNoPIN,
	}
}

// Severity says how much a finding matters.
type Severity string

// Severities: an error blocks sign-in, a warning may, info explains.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Finding is one thing the engine found. Params fill the catalogue text.
type Finding struct {
	Code     FindingCode       `json:"code"`
	Severity Severity          `json:"severity"`
	Params   map[string]string `json:"params,omitempty"`
}

// causeFinding is the finding each failure cause leads to.
var causeFinding = map[Cause]FindingCode{
	CauseWebAuthnUnavailable:         FindingWebAuthnUnavailable,
	CauseInsecureContext:             FindingInsecureContext,
	CauseIframeNotPermitted:          FindingFrameNotPermitted,
	CauseUserActivationRequired:      FindingSiteSetupProblem,
	CauseRPIDMismatch:                FindingSiteSetupProblem,
	CauseInvalidDomain:               FindingSiteSetupProblem,
	CauseTLSCertificateError:         FindingTLSInterception,
	CausePageNotFocused:              FindingPageNotFocused,
	CauseUserCancelled:               FindingPromptDismissed,
	CauseTimedOut:                    FindingPromptDismissed,
	CauseNoCredentialOnDevice:        FindingNoPasskeyOnDevice,
	CauseUserVerificationUnavailable: FindingScreenLockMissing,
	CauseDiscoverableUnsupported:     FindingAuthenticatorUnsupported,
	CauseAlgorithmUnsupported:        FindingAuthenticatorUnsupported,
	CauseAlreadyRegistered:           FindingAlreadyRegistered,
	CauseAborted:                     FindingInterrupted,
	CauseRequestPending:              FindingInterrupted,
	CauseAuthenticatorError:          FindingAuthenticatorError,
	CauseUnknownCredential:           FindingOrphanedPasskey,
	CauseVerificationFailed:          FindingVerificationFailed,
	CauseSessionExpired:              FindingSessionExpired,
	CauseServerUnreachable:           FindingServerUnreachable,
	CauseAmbiguousNotAllowed:         FindingUnclearRefusal,
	CauseUnknown:                     FindingUnknownFailure,
}

// severityOf is each finding's severity.
var severityOf = map[FindingCode]Severity{
	FindingInAppBrowser:                SeverityError,
	FindingWebAuthnUnavailable:         SeverityError,
	FindingInsecureContext:             SeverityError,
	FindingFrameNotPermitted:           SeverityError,
	FindingOSUnsupported:               SeverityError,
	FindingBrowserUnsupported:          SeverityError,
	FindingOSVersionUnknown:            SeverityInfo,
	FindingAuthenticatorAppUnsupported: SeverityWarning,
	FindingNoPlatformAuthenticator:     SeverityWarning,
	FindingSiteSetupProblem:            SeverityError,
	FindingTLSInterception:             SeverityError,
	FindingPageNotFocused:              SeverityWarning,
	FindingPromptDismissed:             SeverityWarning,
	FindingNoPasskeyOnDevice:           SeverityWarning,
	FindingScreenLockMissing:           SeverityError,
	FindingAuthenticatorUnsupported:    SeverityError,
	FindingAlreadyRegistered:           SeverityInfo,
	FindingInterrupted:                 SeverityInfo,
	FindingAuthenticatorError:          SeverityWarning,
	FindingOrphanedPasskey:             SeverityError,
	FindingSecurityKeyNoPIN:            SeverityWarning,
	FindingVerificationFailed:          SeverityError,
	FindingSessionExpired:              SeverityInfo,
	FindingServerUnreachable:           SeverityWarning,
	FindingUnclearRefusal:              SeverityInfo,
	FindingUnknownFailure:              SeverityWarning,
	FindingPersonalAccount:             SeverityInfo,
	FindingWrongAndroidProfile:         SeverityWarning,
	FindingPasskeyProblemOnly:          SeverityInfo,
	FindingPasswordlessEnforced:        SeverityInfo,
	FindingContactIT:                   SeverityWarning,
	FindingAllTestsPassed:              SeverityInfo,
}
