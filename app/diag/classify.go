package diag

import (
	"regexp"
	"strconv"
	"strings"
)

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
// and the permissions-policy checks; before it credentials_container.cc's
// CredentialManagerErrorToDOMException) and credential_utils.cc; WebKit
// AuthenticatorCoordinator.cpp, CredentialsContainer.cpp,
// AuthenticatorManager.cpp, LocalAuthenticator.mm and
// WebAuthenticatorCoordinatorProxy.mm; Gecko
// dom/credentialmanagement/CredentialsContainer.cpp.
var messageRules = []messageRule{
	{[]string{"feature is not enabled in this document"}, CauseIframeNotPermitted, High},
	{[]string{"origin of the document is not the same as its ancestors"}, CauseIframeNotPermitted, High},
	// Older Chromium, before the permissions policy: any create (and any get
	// before Chromium 84) in a frame that is cross-origin with an ancestor.
	{[]string{"same-origin with all of its ancestors"}, CauseIframeNotPermitted, High},
	{[]string{"fenced frame"}, CauseIframeNotPermitted, High},
	{[]string{"samewithancestors"}, CauseIframeNotPermitted, Medium},
	{[]string{"user activation is required"}, CauseUserActivationRequired, High},
	{[]string{"transient activation"}, CauseUserActivationRequired, High},
	{[]string{"not permitted to use the 'publickey-credentials"}, CauseIframeNotPermitted, High},
	// AuthenticationServices refuses an app's web view whose app does not
	// claim the site as an associated domain: no passkeys in that app.
	{[]string{"is not associated with domain"}, CauseWebAuthnUnavailable, High},
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
	{[]string{"excludecredentials", "matches"}, CauseAlreadyRegistered, High},
	{[]string{"resident credentials"}, CauseDiscoverableUnsupported, High},
	{[]string{"empty `allowcredentials`"}, CauseDiscoverableUnsupported, High},
	{[]string{"discoverable credentials were required"}, CauseDiscoverableUnsupported, High},
	{[]string{"none of the algorithms"}, CauseAlgorithmUnsupported, High},
	{[]string{"support any provided publickeycredentialparameters"}, CauseAlgorithmUnsupported, High},
	{[]string{"pubkeycredparams", "not supported"}, CauseAlgorithmUnsupported, Medium},
	{[]string{"request is already pending"}, CauseRequestPending, High},
	// WebKit ends a request when the page starts another one.
	{[]string{"cancelled by a new request"}, CauseRequestPending, High},
	{[]string{"cancelled by the user"}, CauseUserCancelled, High},
	{[]string{"canceled by the user"}, CauseUserCancelled, High},
	{[]string{"operation timed out"}, CauseTimedOut, High},
	{[]string{"incorrect node tree"}, CauseTimedOut, Medium},
	{[]string{"authenticator responded with an invalid message"}, CauseAuthenticatorError, High},
	{[]string{"unknown error occurred while talking"}, CauseAuthenticatorError, Medium},
	// The platform authenticator or the security key said it holds none of
	// the passkeys offered.
	{[]string{"no matched credentials"}, CauseNoCredentialOnDevice, High},
	{[]string{"recognized none of the provided credentials"}, CauseNoCredentialOnDevice, High},
	{[]string{"no immediate discoverable credentials"}, CauseNoCredentialOnDevice, High},
	{[]string{"no available authenticators"}, CauseNoCredentialOnDevice, Medium},
	{[]string{"no avaliable authenticators"}, CauseNoCredentialOnDevice, Medium},
	{[]string{"cannot find credential"}, CauseNoCredentialOnDevice, High},
	// WebKit's user verification failed: the check was missing, locked out
	// or simply not passed; the message does not say which.
	{[]string{"couldn't verify user"}, CauseAmbiguousNotAllowed, Low},
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
			return inContext(c, r.cause, r.conf)
		}
	}
	if cause, conf, ok := appleAuthorizationError(msg); ok {
		if cause == CauseUserVerificationUnavailable && c.Kind == KindPlatform && probe != nil && probe.UVPAA.Is(No) {
			// "Not configured for passkey creation" is a missing passcode
			// or no passkey provider; the browser also said no built-in
			// authenticator can verify the user, so it is the passcode.
			conf = Medium
		}
		return inContext(c, cause, conf)
	}
	if strings.Contains(msg, "credentialcontainer request is not allowed") {
		return firefoxRefusal(c, probe)
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
		if atTimeout(c) {
			// WebKit rejects with AbortError whatever the signal's reason,
			// so the page's own AbortSignal.timeout() firing looks like this.
			// Source: WebKit AuthenticatorCoordinator.cpp ("Aborted by AbortSignal.")
			return CauseTimedOut, Medium
		}
		return CauseAborted, High
	case "TimeoutError":
		// What an AbortSignal.timeout() the page armed rejects with.
		// Source: https://dom.spec.whatwg.org/#dom-abortsignal-timeout
		return CauseTimedOut, High
	case "InvalidStateError":
		if c.Step == StepCreate || c.Step == "" && c.Kind != KindExisting {
			if c.Kind == KindSecurityKey {
				// Firefox 114-118 also rejected a security key's PIN
				// problems (blocked, wrong, missing) with a bare
				// InvalidStateError; see classifyIn.
				return CauseAlreadyRegistered, Low
			}
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
	case "ConstraintError":
		return constraint(c)
	case "OperationError", "NotReadableError", "UnknownError":
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

// reAppleAuthorizationError matches the code of an AuthenticationServices
// error that WebKit passes on as the DOMException's message: "The
// operation couldn’t be completed.
// (com.apple.AuthenticationServices.AuthorizationError error 1001.)".
var reAppleAuthorizationError = regexp.MustCompile(`authorizationerror error (\d+)\b`)

// appleAuthorizationError reads the ASAuthorizationError codes whose
// meaning Apple documents for passkey requests: 1001 canceled, 1004
// failed (an invalid request or an associated-domains problem, nothing the
// person did), 1006 matchedExcludedCredential (iOS 18, macOS 15) and 1010
// deviceNotConfiguredForPasskeyCreation (iOS 26, macOS 26). Other codes,
// and WebKit's own "(WKErrorDomain error 31.)" — the number of its
// NotAllowedError, which says no more than the name — are left to the
// name and the timing.
// Source: https://developer.apple.com/documentation/authenticationservices/asauthorizationerror-swift.struct/code
// (canceled: "The user canceled the authorization attempt"; failed: "The
// authorization attempt failed"; matchedExcludedCredential: returned when
// excludedCredentials match on a registration request;
// deviceNotConfiguredForPasskeyCreation: "the device is not currently set
// up to create passkeys"); https://developer.apple.com/forums/thread/756425
// (for passkeys only canceled, failed and matchedExcludedCredential occur).
func appleAuthorizationError(msg string) (Cause, Confidence, bool) {
	m := reAppleAuthorizationError.FindStringSubmatch(msg)
	if m == nil {
		return "", "", false
	}
	code, _ := strconv.Atoi(m[1])
	switch code {
	case 1001:
		// Canceled is also what a sheet dismissed by the system reports.
		return CauseUserCancelled, Medium, true
	case 1004:
		return CauseAmbiguousNotAllowed, Low, true
	case 1006:
		return CauseAlreadyRegistered, High, true
	case 1010:
		// No passcode, or no passkey provider (iCloud Keychain) turned on.
		return CauseUserVerificationUnavailable, Low, true
	}
	return "", "", false
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
	if conf, ok := timedOut(c); ok {
		return CauseTimedOut, conf
	}
	if quick(c) {
		switch {
		case isCreate(c):
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
		case c.Kind == KindSecurityKey || c.Kind == KindPhone:
			// A key must be touched and a phone must scan a code; neither
			// happens within a second, so the browser refused before it
			// asked them, and it does not say why.
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

// quickMs is "within about a second": faster than a person finds and
// answers a prompt.
const quickMs = 1000

// quick reports whether the ceremony failed faster than a person could act.
func quick(c CeremonyFacts) bool { return c.ElapsedMs != nil && *c.ElapsedMs < quickMs }

// isCreate reports whether the ceremony made a passkey rather than used one.
func isCreate(c CeremonyFacts) bool {
	return c.Step == StepCreate || c.Step == "" && c.Kind != KindExisting && c.AllowCredentials == nil
}

// inContext checks a cause read from the message against the ceremony. No
// one sees a prompt and dismisses it within a second, so a "cancelled by the
// user" that fast was not their doing; and a create looks for no existing
// passkey, so "none available" there does not mean a passkey is missing.
func inContext(c CeremonyFacts, cause Cause, conf Confidence) (Cause, Confidence) {
	switch {
	case cause == CauseUserCancelled && quick(c):
		return CauseAmbiguousNotAllowed, Low
	case cause == CauseNoCredentialOnDevice && isCreate(c):
		return CauseAmbiguousNotAllowed, Low
	}
	return cause, conf
}

// Browsers do not always wait as long as the page asks. Chromium clamps the
// timeout to between 10 seconds and 10 minutes (10 minutes when none is
// given); Firefox to between 15 seconds and 2 minutes (30 seconds when none
// is given); WebKit to at most 2 minutes (its default). A refusal right at one
// of these is the browser's timeout, not the person.
// Source: Chromium content/browser/webauth/authenticator_common_impl.cc
// (AdjustTimeout); Gecko dom/webauthn/WebAuthnUtil.cpp (WebAuthnTimeout);
// WebKit UIProcess/WebAuthentication/AuthenticatorManager.cpp (maxTimeOutValue).
var (
	browserTimeoutCaps     = []float64{120000, 600000}
	browserDefaultTimeouts = []float64{30000, 120000, 600000}
)

// timedOut reports whether the ceremony ran until a timeout: the page's own
// (high confidence at it, medium just short of it) or, where the page asked
// for longer or said nothing, one a browser applies instead (medium).
func timedOut(c CeremonyFacts) (Confidence, bool) {
	elapsed := *c.ElapsedMs
	candidates := browserDefaultTimeouts
	if c.TimeoutMs != nil && *c.TimeoutMs > 0 {
		t := *c.TimeoutMs
		switch ratio := elapsed / t; {
		case ratio >= 0.98:
			return High, true
		case ratio >= 0.9:
			return Medium, true
		}
		candidates = nil
		for _, limit := range browserTimeoutCaps {
			if limit < t {
				candidates = append(candidates, limit)
			}
		}
	}
	for _, limit := range candidates {
		if near(elapsed, limit) {
			return Medium, true
		}
	}
	return "", false
}

// near reports whether elapsed is at a timer of limit milliseconds: not
// before it, and not much after (the rejection takes a moment to arrive).
func near(elapsed, limit float64) bool {
	return elapsed >= 0.98*limit && elapsed <= 1.05*limit
}

// atTimeout reports whether the ceremony ended at the timeout the page set.
func atTimeout(c CeremonyFacts) bool {
	return c.ElapsedMs != nil && c.TimeoutMs != nil && *c.TimeoutMs > 0 && near(*c.ElapsedMs, *c.TimeoutMs)
}

// firefoxRefusal splits Firefox's one refusal, "CredentialContainer request
// is not allowed.", given for a permissions policy that blocks the call, a
// tab that is not the active one, and a create in a cross-origin frame
// without a click, using what the page learnt about its frame and policy.
// Source: Gecko dom/credentialmanagement/CredentialsContainer.cpp (Get, Create).
func firefoxRefusal(c CeremonyFacts, probe *Probe) (Cause, Confidence) {
	if probe == nil {
		return CausePageNotFocused, Medium
	}
	create := isCreate(c)
	policy := probe.PublicKeyCredentialsGet
	if create {
		policy = probe.PublicKeyCredentialsCreate
	}
	crossOrigin := probe.Framed.Is(Yes) && !probe.CrossOriginFrame.Is(No)
	switch {
	case policy.Is(No):
		return CauseIframeNotPermitted, Medium
	case crossOrigin && create && policy.Is(Yes):
		return CauseUserActivationRequired, Medium
	case crossOrigin:
		return CauseIframeNotPermitted, Medium
	}
	return CausePageNotFocused, Medium
}

// constraint reads a ConstraintError: the authenticator cannot meet a
// requirement the page made, a discoverable credential or user verification
// (Windows' webauthn.dll and Firefox on Windows also use it for other
// options the authenticator lacks).
// Source: https://www.w3.org/TR/webauthn-3/#sctn-op-make-cred (steps 2 and 3);
// webauthn.h WebAuthNGetErrorName.
func constraint(c CeremonyFacts) (Cause, Confidence) {
	rk, uv := c.ResidentKey == "required", c.UserVerification == "required"
	switch {
	case rk && !uv:
		return CauseDiscoverableUnsupported, Medium
	case uv && !rk:
		return CauseUserVerificationUnavailable, Medium
	case rk && uv:
		// Either requirement may be the one it could not meet.
		return CauseAuthenticatorError, Low
	}
	return CauseAuthenticatorError, Medium
}
