package metrics

import (
	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/server/api"
)

// Label values that are not in an enum.
const (
	// other is any value outside the known set.
	other = "other"
	// unknown is a test kind the request never named.
	unknown = "unknown"
	// none is the cause or code of something that worked.
	none = "none"
)

// set is a fixed list of allowed label values.
type set map[string]bool

func setOf[T ~string](values ...T) set {
	s := set{}
	for _, v := range values {
		s[string(v)] = true
	}
	return s
}

// bound returns v when the set allows it, and "other" otherwise.
func (s set) bound(v string) string {
	if s[v] {
		return v
	}
	return other
}

var (
	steps = setOf(api.StepRegisterBegin, api.StepRegisterFinish, api.StepLoginBegin, api.StepLoginFinish)
	kinds = setOf(ceremony.KindPlatform, ceremony.KindSecurityKey, ceremony.KindPhone, ceremony.KindExisting)

	outcomes = setOf(diag.OutcomeOK, diag.OutcomeFailed)
	causes   = setOf(diag.Causes()...)
	findings = setOf(diag.Findings()...)
	verdicts = setOf(diag.Yes, diag.No, diag.Unknown)

	// osFamilies are the engine's operating systems (app/diag platform.go).
	osFamilies = setOf(diag.OSWindows, diag.OSMacOS, diag.OSIOS, diag.OSIPadOS,
		diag.OSAndroid, diag.OSChromeOS, diag.OSLinux, diag.OSOther)

	// codes are the API's result codes (app/ceremony code.go); a test
	// checks this list against the constants.
	codes = setOf(ceremony.CodeBadRequest, ceremony.CodeBodyTooLarge, ceremony.CodeUnsupportedMediaType,
		ceremony.CodeMethodNotAllowed, ceremony.CodeNotFound, ceremony.CodeTokenInvalid,
		ceremony.CodeTokenExpired, ceremony.CodeTokenUnknownKey, ceremony.CodeTokenReplayed,
		ceremony.CodeUnknownCredential, ceremony.CodeOriginMismatch, ceremony.CodeUserVerificationMissing,
		ceremony.CodeVerificationFailed, ceremony.CodeUnsupportedAlgorithm, ceremony.CodeRateLimited,
		ceremony.CodeOverloaded, ceremony.CodeInternal,
		ceremony.CodeReportSubmitDisabled, ceremony.CodeReportInvalid, ceremony.CodeReportForwardFailed)
)

// kindLabel bounds a test kind; an empty one was never named.
func kindLabel(k string) string {
	if k == "" {
		return unknown
	}
	return kinds.bound(k)
}

// codeLabel bounds a result code; success has none.
func codeLabel(c ceremony.Code) string {
	if c == "" {
		return none
	}
	return codes.bound(string(c))
}

// causeLabel bounds the cause of a test: "none" unless it failed.
func causeLabel(outcome string, c *diag.Cause) string {
	if outcome != diag.OutcomeFailed {
		return none
	}
	if c == nil {
		return unknown
	}
	return causes.bound(string(*c))
}

// verdictLabel bounds a support verdict; the zero Tri is unknown.
func verdictLabel(t diag.Tri) string {
	if t == "" {
		return string(diag.Unknown)
	}
	return verdicts.bound(string(t))
}
