package diag

import (
	"sort"
	"strings"
)

// Diagnosis is the engine's answer for one Facts document. Slices are never
// nil so the JSON always carries every key.
type Diagnosis struct {
	Platform   Platform         `json:"platform"`
	Support    Support          `json:"support"`
	Findings   []Finding        `json:"findings"`
	Ceremonies []CeremonyResult `json:"ceremonies"`
	Steps      []Step           `json:"steps"`
}

// Outcomes of a ceremony.
const (
	OutcomeOK     = "ok"
	OutcomeFailed = "failed"
)

// CeremonyResult is the verdict on one test ceremony, in input order. Cause
// and Confidence are null for a ceremony that worked.
type CeremonyResult struct {
	Kind       string      `json:"kind"`
	Outcome    string      `json:"outcome"`
	Cause      *Cause      `json:"cause"`
	Confidence *Confidence `json:"confidence"`
	Step       string      `json:"step,omitempty"`
	ErrorName  string      `json:"errorName,omitempty"`
	ServerCode string      `json:"serverCode,omitempty"`
}

// Diagnose turns facts into a diagnosis. It is pure and never fails: a
// problem with the device is a finding, not an error.
func Diagnose(f Facts) Diagnosis {
	id := identify(f)
	d := Diagnosis{
		Platform:   id.platform(),
		Support:    verdicts(id, f.WebAuthn),
		Findings:   []Finding{},
		Ceremonies: []CeremonyResult{},
		Steps:      []Step{},
	}
	var fs findingSet
	fs.fromPlatform(id, d.Support, f.WebAuthn)
	kinds := map[string]bool{}
	failed, ok := 0, 0
	for _, c := range f.Ceremonies {
		kinds[c.Kind] = true
		r := CeremonyResult{Kind: c.Kind, Outcome: OutcomeOK, Step: c.Step, ErrorName: c.ErrorName, ServerCode: c.ServerCode}
		if cause, conf := classifyIn(id, c, f.WebAuthn); cause != "" {
			r.Outcome, r.Cause, r.Confidence = OutcomeFailed, &cause, &conf
			fs.add(findingFor(cause, c), map[string]string{"kind": c.Kind})
			failed++
		} else {
			ok++
			if c.Kind == KindSecurityKey && c.UserVerified != nil && !*c.UserVerified {
				fs.add(FindingSecurityKeyNoPIN, nil)
			}
		}
		d.Ceremonies = append(d.Ceremonies, r)
	}
	fs.fromAnswers(id, f, failed)
	if ok > 0 && failed == 0 {
		fs.add(FindingAllTestsPassed, nil)
	}
	proveSupport(&d.Support, &fs, f.Ceremonies)
	d.Findings = fs.sorted()
	d.Steps = plan(id, f, d.Findings, kinds)
	return d
}

// findingFor is the finding a failed ceremony leads to. A discoverable
// sign-in that finds nothing where the page had made a test passkey earlier
// means the passkey was deleted from the device but is still registered:
// the orphan case, whose cleanup steps differ.
func findingFor(cause Cause, c CeremonyFacts) FindingCode {
	if cause == CauseNoCredentialOnDevice && c.ExpectedCredentials != nil && *c.ExpectedCredentials > 0 {
		return FindingOrphanedPasskey
	}
	return causeFinding[cause]
}

// classifyIn is Classify with the platform as context: inside an app's
// WebView a refusal the message does not explain is the WebView's limit.
func classifyIn(id identity, c CeremonyFacts, p *Probe) (Cause, Confidence) {
	cause, conf := Classify(c, p)
	if id.inApp && conf != High && c.ErrorName == "NotAllowedError" {
		return CauseWebAuthnUnavailable, Medium
	}
	if cause == CauseAlreadyRegistered && conf == Low && c.ErrorName == "InvalidStateError" && !firefoxPINAsInvalidState(id) {
		// Only Firefox 114-118 said InvalidStateError for a security
		// key's PIN problem; from any other known browser it is the
		// excluded credential.
		return cause, Medium
	}
	return cause, conf
}

// firefoxPINAsInvalidState reports whether the browser may be one of the
// Firefox releases that rejected a security key's PIN problems with
// InvalidStateError: Firefox 114 to 118, or a browser not known well
// enough to rule them out.
// Source: Firefox 114 release notes (CTAP2 and security-key PINs through
// authenticator-rs); Firefox 119 moved WebAuthn to a new service
// (dom/webauthn/WebAuthnService), after which PIN errors no longer reach
// the page as InvalidStateError.
func firefoxPINAsInvalidState(id identity) bool {
	switch id.browser {
	case BrowserChrome, BrowserEdge, BrowserSafari, BrowserSamsung, BrowserOpera, BrowserBrave:
		return false
	case BrowserFirefox:
		return id.bmajor == 0 || id.bmajor >= 114 && id.bmajor <= 118
	}
	return true
}

// findingSet collects findings once each, in the order found.
type findingSet struct {
	list []Finding
	seen map[FindingCode]bool
}

func (s *findingSet) add(code FindingCode, params map[string]string) {
	if code == "" {
		return
	}
	if s.seen == nil {
		s.seen = map[FindingCode]bool{}
	}
	if s.seen[code] {
		return
	}
	s.seen[code] = true
	s.list = append(s.list, Finding{Code: code, Severity: severityOf[code], Params: params})
}

func (s *findingSet) has(code FindingCode) bool { return s.seen[code] }

// sorted orders findings by severity, keeping the order found within one.
func (s *findingSet) sorted() []Finding {
	rank := map[Severity]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}
	out := append([]Finding{}, s.list...)
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Severity] < rank[out[j].Severity] })
	return out
}

// fromPlatform finds what the platform and the probe say on their own.
func (s *findingSet) fromPlatform(id identity, sup Support, p *Probe) {
	params := map[string]string{"os": id.os}
	if v := formatOSVersion(id.os, id.exact); v != "" {
		params["osVersion"] = v
	}
	switch {
	case id.inApp:
		app := id.app
		if app == "" {
			app = "unknown"
		}
		s.add(FindingInAppBrowser, map[string]string{"app": app})
	case p != nil && p.Available.Is(No):
		s.add(FindingWebAuthnUnavailable, nil)
	case browserTooOld(id):
		s.add(FindingBrowserUnsupported, map[string]string{"browser": id.browser})
	}
	if p != nil && p.SecureContext.Is(No) {
		s.add(FindingInsecureContext, nil)
	}
	if p != nil && p.Framed.Is(Yes) && p.CrossOriginFrame.Is(Yes) &&
		(p.PublicKeyCredentialsGet.Is(No) || p.PublicKeyCredentialsCreate.Is(No)) {
		s.add(FindingFrameNotPermitted, nil)
	}
	if min, ok := minimum(id.os); ok {
		switch id.deviceSupported() {
		case No:
			params["minimum"] = formatOSVersion(id.os, min)
			s.add(FindingOSUnsupported, params)
		case Unknown:
			s.add(FindingOSVersionUnknown, params)
		}
	}
	if min, ok := appMinimum(id.os); ok && !id.inApp && sup.PlatformPasskeys.Is(Yes) && sup.AuthenticatorAppPasskeys.Is(No) {
		s.add(FindingAuthenticatorAppUnsupported, map[string]string{"os": id.os, "minimum": formatOSVersion(id.os, min)})
	}
	if p != nil && p.UVPAA.Is(No) && !id.inApp && !sup.PlatformPasskeys.Is(No) {
		s.add(FindingNoPlatformAuthenticator, map[string]string{"os": id.os})
	}
}

// Messages the sign-in page shows, as people report them.
// Source: ../shared/DESIGN.md — "We couldn't use your device to verify your
// identity", "This passkey can no longer be used" (orphaned or invalid
// passkey), "We couldn't sign you in" (Android work profile vs personal).
var (
	orphanWords  = []string{"no longer", "couldn't use your device", "could not use your device", "not found", "not valid", "no longer valid"}
	profileWords = []string{"couldn't sign you in", "could not sign you in"}
)

func anyWord(msg string, words []string) bool {
	for _, w := range words {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// fromAnswers finds what the person's answers and the policy add.
func (s *findingSet) fromAnswers(id identity, f Facts, failed int) {
	a := f.Answers
	msg := lower(strings.ReplaceAll(a.Message, "’", "'"))
	if a.AccountType == "personal" {
		s.add(FindingPersonalAccount, nil)
	}
	if id.os == OSAndroid && (a.PasskeyInPersonalProfile.Is(Yes) ||
		a.AndroidWorkProfile.Is(Yes) && anyWord(msg, profileWords)) {
		s.add(FindingWrongAndroidProfile, nil)
	}
	if msg != "" && anyWord(msg, orphanWords) {
		s.add(FindingOrphanedPasskey, map[string]string{"source": "message"})
	}
	if a.OtherMethodWorks.Is(Yes) && (failed > 0 || msg != "") {
		s.add(FindingPasskeyProblemOnly, nil)
	}
	if f.Policy.PasswordAllowed.Is(No) {
		s.add(FindingPasswordlessEnforced, nil)
	}
	supported := !id.inApp && id.deviceSupported().Is(Yes)
	switch {
	case supported && failed > 0 && a.RecreatedPasskey.Is(Yes):
		s.add(FindingContactIT, map[string]string{"reason": "recreated"})
	case f.Policy.PasswordAllowed.Is(No) && a.OtherMethodWorks.Is(No) && (failed > 0 || msg != ""):
		s.add(FindingContactIT, map[string]string{"reason": "no-other-method"})
	case supported && (s.has(FindingVerificationFailed) || s.has(FindingUnknownFailure) || s.has(FindingSiteSetupProblem)):
		s.add(FindingContactIT, map[string]string{"reason": "supported-but-failing"})
	}
}

// defaultSecurityInfo is each identity provider's page for managing
// sign-in methods, used when the config names none.
// Source: ../shared/seed text (https://mysignins.microsoft.com/security-info
// for work or school Microsoft accounts).
var defaultSecurityInfo = map[string]string{
	"entra": "https://mysignins.microsoft.com/security-info",
}

// plan expands findings into ordered, de-duplicated steps with parameters.
func plan(id identity, f Facts, findings []Finding, kinds map[string]bool) []Step {
	want := map[StepCode]bool{}
	for _, fd := range findings {
		for _, code := range findingSteps[fd.Code] {
			if code == deleteOnDevice {
				for _, c := range onDevice(id, kinds) {
					want[c] = true
				}
				continue
			}
			want[code] = true
		}
	}
	if len(want) > 0 && f.Answers.AccountType == "" && !want[StepOpenInBrowser] {
		want[StepCheckAccountType] = true
	}
	if f.Policy.PasswordAllowed.Is(No) {
		delete(want, StepTryOtherMethod)
		if want[StepUpdateOS] || want[StepSetUpScreenLock] {
			want[StepAdminOnlyPolicy] = true
		}
	}
	security := f.Policy.Links.SecurityInfo
	if security == "" {
		security = defaultSecurityInfo[lower(f.Policy.IdentityProvider)]
	}
	out := []Step{}
	for _, code := range Steps() {
		if !want[code] {
			continue
		}
		st := Step{Code: code}
		switch code {
		case StepDeletePasskeyIdP, StepAddNewPasskey:
			if security != "" {
				st.Params = map[string]string{"url": security}
			}
		case StepContactIT:
			if f.Policy.Links.Helpdesk != "" {
				st.Params = map[string]string{"url": f.Policy.Links.Helpdesk}
			}
		case StepOpenInBrowser:
			if id.app != "" {
				st.Params = map[string]string{"app": id.app}
			}
		case StepUpdateOS, StepSetUpScreenLock, StepConfirmOSVersion:
			st.Params = map[string]string{"os": id.os}
		case StepTryOtherMethod:
			if idp := f.Policy.IdentityProvider; idp != "" {
				st.Params = map[string]string{"idp": idp}
			}
		}
		out = append(out, st)
	}
	return out
}

// proveSupport lets a test that worked on this device overrule what the
// User-Agent and the matrix suggest: a platform passkey was made and used
// here, so the device can do it, whatever its version string says. Whether
// the organisation supports the device is another matter, and its findings
// stay.
func proveSupport(s *Support, fs *findingSet, runs []CeremonyFacts) {
	for _, c := range runs {
		if c.failed() {
			continue
		}
		switch c.Kind {
		case KindPlatform:
			s.PlatformPasskeys = Yes
			fs.remove(FindingNoPlatformAuthenticator)
		case KindSecurityKey:
			s.SecurityKeys = Yes
		}
	}
}

// remove drops a finding the evidence has since disproved.
func (s *findingSet) remove(code FindingCode) {
	if !s.seen[code] {
		return
	}
	delete(s.seen, code)
	kept := s.list[:0]
	for _, f := range s.list {
		if f.Code != code {
			kept = append(kept, f)
		}
	}
	s.list = kept
}
