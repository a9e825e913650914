package diag

import "strings"

// messageRule recognises a cause from words in the DOMException message.
// Chromium words its refusals specifically for policy, activation, focus,
// TLS and screen lock; Safari and Firefox say less.
type messageRule struct {
	words []string // all must appear, lower case
	cause Cause
	conf  Confidence
}

// messageRules are checked in order; the first match wins.
// Source: Chromium third_party/blink/renderer/modules/credentialmanagement/
// authentication_credentials_container.cc (AuthenticatorStatusToDOMException
// and the permissions-policy checks); WebKit AuthenticatorCoordinator.cpp,
// AuthenticatorManager.cpp and WebAuthenticatorCoordinatorProxy.mm; Gecko
// dom/credentialmanagement/CredentialsContainer.cpp.
var messageRules = []messageRule{
	{[]string{"feature is not enabled in this document"}, CauseIframeNotPermitted, High},
	{[]string{"origin of the document is not the same as its ancestors"}, CauseIframeNotPermitted, High},
	{[]string{"samewithancestors"}, CauseIframeNotPermitted, Medium},
	{[]string{"user activation is required"}, CauseUserActivationRequired, High},
	{[]string{"tls certificate error"}, CauseTLSCertificateError, High},
	{[]string{"does not have focus"}, CausePageNotFocused, High},
	{[]string{"not focused"}, CausePageNotFocused, High},
	{[]string{"screen lock"}, CauseUserVerificationUnavailable, High},
	{[]string{"registrable domain suffix"}, CauseRPIDMismatch, High},
	{[]string{"rp.id", "cannot be used with the current origin"}, CauseRPIDMismatch, High},
	{[]string{"not authorized for the provided app id"}, CauseRPIDMismatch, High},
	{[]string{"invalid domain"}, CauseInvalidDomain, High},
	{[]string{"not a valid domain"}, CauseInvalidDomain, High},
	{[]string{"opaque origin"}, CauseIframeNotPermitted, Medium},
	{[]string{"only available to https"}, CauseInsecureContext, High},
	{[]string{"already registered"}, CauseAlreadyRegistered, High},
	{[]string{"excludecredentials"}, CauseAlreadyRegistered, High},
	{[]string{"resident credentials"}, CauseDiscoverableUnsupported, High},
	{[]string{"empty `allowcredentials`"}, CauseDiscoverableUnsupported, High},
	{[]string{"discoverable credentials were required"}, CauseDiscoverableUnsupported, High},
	{[]string{"none of the algorithms"}, CauseAlgorithmUnsupported, High},
	{[]string{"pubkeycredparams", "not supported"}, CauseAlgorithmUnsupported, Medium},
	{[]string{"request is already pending"}, CauseRequestPending, High},
	{[]string{"cancelled by the user"}, CauseUserCancelled, High},
	{[]string{"canceled by the user"}, CauseUserCancelled, High},
	{[]string{"operation timed out"}, CauseTimedOut, High},
	{[]string{"incorrect node tree"}, CauseTimedOut, Medium},
	{[]string{"authenticator responded with an invalid message"}, CauseAuthenticatorError, High},
	{[]string{"unknown error occurred while talking"}, CauseAuthenticatorError, Medium},
	{[]string{"no available authenticators"}, CauseNoCredentialOnDevice, Medium},
	{[]string{"cannot find credential"}, CauseNoCredentialOnDevice, High},
	{[]string{"user verification", "required"}, CauseUserVerificationUnavailable, Medium},
}

func matches(msg string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(msg, w) {
			return false
		}
	}
	return true
}

// Classify says why one ceremony failed, from its error name, exact
// message, timing and context. It returns "" for a ceremony that worked.
func Classify(c CeremonyFacts, probe *Probe) (Cause, Confidence) {
	if !c.failed() {
		return "", ""
	}
	if c.ServerCode != "" {
		return fromServerCode(c.ServerCode)
	}
	name := strings.TrimSpace(c.ErrorName)
	msg := lower(c.ErrorMessage)
	if c.Step == StepServer {
		return serverStep(name, msg)
	}
	if probe != nil {
		if probe.Available.Is(No) {
			if probe.SecureContext.Is(No) {
				return CauseInsecureContext, High
			}
			return CauseWebAuthnUnavailable, High
		}
		if probe.SecureContext.Is(No) {
			return CauseInsecureContext, High
		}
	}
	for _, r := range messageRules {
		if matches(msg, r.words) {
			return r.cause, r.conf
		}
	}
	if strings.Contains(msg, "credentialcontainer request is not allowed") {
		// Firefox's one refusal for permissions policy, an inactive tab and
		// a cross-origin create without activation.
		if probe != nil && probe.Framed.Is(Yes) {
			return CauseIframeNotPermitted, Medium
		}
		return CausePageNotFocused, Medium
	}
	if c.Kind == KindPlatform && probe != nil && probe.Available.Is(Yes) && probe.UVPAA.Is(No) && (name == "NotAllowedError" || name == "TimeoutError") {
		// The browser said up front that no built-in authenticator can
		// verify the user; a refused or timed-out platform test is that.
		// Source: https://www.w3.org/TR/webauthn-3/#sctn-isUserVerifyingPlatformAuthenticatorAvailable
		return CauseUserVerificationUnavailable, Medium
	}
	switch name {
	case "NotAllowedError":
		return notAllowed(c, probe)
	case "AbortError":
		return CauseAborted, High
	case "TimeoutError":
		// What an AbortSignal.timeout() the page armed rejects with.
		// Source: https://dom.spec.whatwg.org/#dom-abortsignal-timeout
		return CauseTimedOut, High
	case "InvalidStateError":
		if c.Step == StepCreate || c.Step == "" && c.Kind != KindExisting {
			return CauseAlreadyRegistered, Medium
		}
		return CauseAuthenticatorError, Low
	case "SecurityError":
		if probe != nil && probe.Framed.Is(Yes) && probe.CrossOriginFrame.Is(Yes) {
			return CauseIframeNotPermitted, Medium
		}
		// Firefox's "The operation is insecure." is its RP ID refusal once
		// the page is known to be a secure context.
		return CauseRPIDMismatch, Medium
	case "NotSupportedError":
		if c.ResidentKey == "required" || c.Kind == KindExisting && c.AllowCredentials != nil && *c.AllowCredentials == 0 {
			return CauseDiscoverableUnsupported, Medium
		}
		return CauseAuthenticatorError, Low
	case "OperationError", "NotReadableError", "UnknownError", "ConstraintError":
		return CauseAuthenticatorError, Medium
	case "TypeError":
		if strings.Contains(msg, "undefined") || strings.Contains(msg, "not a function") || strings.Contains(msg, "null") {
			return CauseWebAuthnUnavailable, Medium
		}
		if strings.Contains(msg, "fetch") || strings.Contains(msg, "network") || strings.Contains(msg, "load failed") {
			return CauseServerUnreachable, Medium
		}
	case "HierarchyRequestError":
		return CauseTimedOut, Medium
	}
	return CauseUnknown, Low
}

// serverStep classifies a failure talking to the server with no code: the
// request itself failed.
func serverStep(name, msg string) (Cause, Confidence) {
	switch {
	case name == "NetworkError":
		// What the page records when the API gave no answer at all.
		return CauseServerUnreachable, High
	case name == "TypeError" || strings.Contains(msg, "fetch") || strings.Contains(msg, "network") ||
		strings.Contains(msg, "load failed") || strings.Contains(msg, "timeout"):
		return CauseServerUnreachable, Medium
	}
	return CauseUnknown, Low
}

// notAllowed splits the NotAllowedError that hides a dozen causes, using the
// elapsed time against the timeout and the context. A refusal within a
// second means nothing usable was offered: no matching passkey on a get, no
// user verification on a create. Running to the timeout means it timed out.
// In between, the person most likely closed the prompt.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-privacy-considerations-client
// (clients must not reveal why; they answer NotAllowedError).
func notAllowed(c CeremonyFacts, probe *Probe) (Cause, Confidence) {
	if c.ElapsedMs == nil {
		return CauseAmbiguousNotAllowed, Low
	}
	elapsed := *c.ElapsedMs
	if c.TimeoutMs != nil && *c.TimeoutMs > 0 {
		ratio := elapsed / *c.TimeoutMs
		switch {
		case ratio >= 0.98:
			return CauseTimedOut, High
		case ratio >= 0.9:
			return CauseTimedOut, Medium
		}
	}
	if elapsed < 1000 {
		switch {
		case c.Step == StepCreate || c.Step == "" && c.Kind != KindExisting && c.AllowCredentials == nil:
			if c.Kind == KindPlatform && (probe != nil && probe.UVPAA.Is(No) || c.UserVerification == "required") {
				// Faster than anyone answers a prompt: the built-in
				// authenticator could not verify the user (no PIN,
				// fingerprint or face set up, or the check is off).
				return CauseUserVerificationUnavailable, Medium
			}
			return CauseAmbiguousNotAllowed, Low
		case c.JustRegistered:
			// A passkey was made here minutes ago; an instant refusal is
			// something else (another provider saved it, a policy).
			return CauseAmbiguousNotAllowed, Low
		default:
			return CauseNoCredentialOnDevice, Medium
		}
	}
	if c.TimeoutMs == nil {
		return CauseAmbiguousNotAllowed, Low
	}
	return CauseUserCancelled, Medium
}
