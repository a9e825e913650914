package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// Text is the report as plain text, for the .txt download and the body of
// an e-mail: the environment, every test with its result and exact error,
// the answers, the steps tried, then the diagnosis d (findings and steps)
// and the report code, in lang (falling back to English). d is normally
// diag.Diagnose(r.Facts); it is passed in because the page already has it.
func Text(r Report, d diag.Diagnosis, lang string) string {
	if !catalog.Supported(lang) {
		lang = catalog.Default
	}
	w := &writer{lang: lang}
	w.line(w.t("report.title"))
	if r.Ref != "" {
		w.field("report.ref", r.Ref)
	}
	if !r.Created.IsZero() {
		w.field("report.created", r.Created.UTC().Format("2006-01-02 15:04")+" UTC")
	}

	w.section("report.section.environment")
	w.environment(r.Facts, d)

	w.section("report.section.tests")
	w.tests(r.Facts.Ceremonies, d.Ceremonies)

	w.section("report.section.answers")
	w.answers(r.Facts.Answers)
	w.policy(r.Facts.Policy)

	w.section("report.section.tried")
	if len(r.Tried) == 0 {
		w.line(w.t("report.tried.none"))
	}
	for i, a := range r.Tried {
		w.line(fmt.Sprintf("%d. %s — %s [%s]", i+1, w.text("step."+string(a.Step), stepArgs(a.Step, d)), w.t("report.result."+string(a.Result)), a.Step))
	}

	w.section("report.section.findings")
	if len(d.Findings) == 0 {
		w.line(w.t("report.findings.none"))
	}
	for _, f := range d.Findings {
		w.line(fmt.Sprintf("- %s: %s [%s]", w.t("severity."+string(f.Severity)), w.text("finding."+string(f.Code), f.Params), f.Code))
	}

	w.section("report.section.steps")
	if len(d.Steps) == 0 {
		w.line(w.t("report.steps.none"))
	}
	for i, s := range d.Steps {
		w.line(fmt.Sprintf("%d. %s [%s]", i+1, w.text("step."+string(s.Code), s.Params), s.Code))
	}

	if code, err := Encode(r); err == nil {
		w.section("report.section.code")
		w.line(w.t("report.code.help"))
		w.line(code)
	}
	return w.b.String()
}

// writer builds the text, one line at a time, in one language.
type writer struct {
	lang string
	b    strings.Builder
}

func (w *writer) t(id string) string { return catalog.Text(w.lang, id, nil) }

func (w *writer) text(id string, args map[string]string) string {
	return catalog.Text(w.lang, id, args)
}

func (w *writer) line(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *writer) section(id string) {
	w.b.WriteByte('\n')
	w.line("== " + w.t(id))
}

// field writes "Label: value"; the value is quoted as given.
func (w *writer) field(id, value string) { w.line(w.t(id) + ": " + value) }

func (w *writer) tri(id string, v diag.Tri) {
	if v == "" {
		v = diag.Unknown
	}
	w.field(id, w.t("support."+string(v)))
}

func (w *writer) environment(f diag.Facts, d diag.Diagnosis) {
	w.field("report.device", PlatformText(w.lang, d.Platform))
	w.field("report.browser", BrowserText(w.lang, d.Platform))
	w.field("report.support.platform", w.t("support."+string(d.Support.PlatformPasskeys)))
	w.field("report.support.app", w.t("support."+string(d.Support.AuthenticatorAppPasskeys)))
	w.field("report.support.keys", w.t("support."+string(d.Support.SecurityKeys)))
	w.field("report.user-agent", f.UA)
	if u := f.UAData; u != nil {
		w.field("report.client-hints", ClientHints(*u))
	}
	if f.MaxTouchPoints != nil {
		w.field("report.touch-points", strconv.FormatFloat(*f.MaxTouchPoints, 'f', -1, 64))
	}
	if f.WebAuthn == nil {
		w.line(w.t("report.checks.none"))
		return
	}
	for _, c := range Checks(f.WebAuthn) {
		w.tri("report.check."+c.Name, c.Value)
	}
	if caps := Capabilities(f.WebAuthn); caps != "" {
		w.field("report.check.capabilities", caps)
	}
}

func (w *writer) tests(cs []diag.CeremonyFacts, rs []diag.CeremonyResult) {
	if len(cs) == 0 {
		w.line(w.t("report.tests.none"))
	}
	for i, c := range cs {
		var res diag.CeremonyResult
		if i < len(rs) {
			res = rs[i]
		}
		head := fmt.Sprintf("%d. %s: %s", i+1, w.t("kind."+c.Kind), w.t("outcome."+orOK(res.Outcome)))
		if res.Cause != nil {
			head += " — " + w.t("cause."+string(*res.Cause)) + fmt.Sprintf(" [%s, %s]", *res.Cause, w.t("report.confidence."+string(*res.Confidence)))
		}
		w.line(head)
		for _, d := range TestDetails(w.lang, c) {
			w.line("   " + d)
		}
	}
}

func orOK(outcome string) string {
	if outcome == "" {
		return diag.OutcomeOK
	}
	return outcome
}

func (w *writer) answers(a diag.Answers) {
	account := a.AccountType
	if account == "" {
		account = "unknown"
	}
	w.field("report.answer.accountType", w.t("report.account."+account))
	if a.Message != "" {
		w.field("report.answer.message", strconv.Quote(a.Message))
	} else {
		w.field("report.answer.message", w.t("report.not-answered"))
	}
	w.tri("report.answer.otherMethodWorks", a.OtherMethodWorks)
	w.tri("report.answer.otherDeviceWorks", a.OtherDeviceWorks)
	w.tri("report.answer.androidWorkProfile", a.AndroidWorkProfile)
	w.tri("report.answer.passkeyInPersonalProfile", a.PasskeyInPersonalProfile)
	w.tri("report.answer.recreatedPasskey", a.RecreatedPasskey)
	if a.OSVersion != "" {
		w.field("report.answer.osVersion", a.OSVersion)
	}
}

func (w *writer) policy(p diag.Policy) {
	if p.IdentityProvider != "" {
		w.field("report.policy.identityProvider", p.IdentityProvider)
	}
	w.tri("report.policy.passwordAllowed", p.PasswordAllowed)
}

// stepArgs are the parameters the diagnosis gave a step, so a step tried
// reads as it did on the person's screen.
func stepArgs(code diag.StepCode, d diag.Diagnosis) map[string]string {
	for _, s := range d.Steps {
		if s.Code == code {
			return s.Params
		}
	}
	return nil
}

// PlatformText is the device in words: "Windows 11", "iOS (version unknown)".
func PlatformText(lang string, p diag.Platform) string {
	s := catalog.Text(lang, "os."+p.OS, nil)
	if p.OSVersion != nil {
		return s + " " + *p.OSVersion
	}
	return s + " (" + catalog.Text(lang, "report.version-unknown", nil) + ")"
}

// BrowserText is the browser in words: "Edge 124", "in-app browser (inside
// Microsoft Teams)".
func BrowserText(lang string, p diag.Platform) string {
	s := catalog.Text(lang, "browser."+p.Browser, nil)
	if p.BrowserVersion != nil {
		s += " " + *p.BrowserVersion
	}
	if p.InAppWebView {
		app := "unknown"
		if p.InAppName != nil {
			app = *p.InAppName
		}
		s += " (" + catalog.Text(lang, "report.in-app", map[string]string{"app": app}) + ")"
	}
	return s
}

// ClientHints is the client hints on one line, as the browser sent them.
func ClientHints(u diag.UAData) string {
	parts := []string{}
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("platform", u.Platform)
	add("platformVersion", u.PlatformVersion)
	if u.Mobile != nil {
		add("mobile", strconv.FormatBool(*u.Mobile))
	}
	add("model", u.Model)
	add("architecture", u.Architecture)
	add("brands", brands(u.Brands))
	add("fullVersionList", brands(u.FullVersionList))
	add("formFactors", strings.Join(u.FormFactors, ","))
	return strings.Join(parts, "; ")
}

func brands(bs []diag.Brand) string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Brand + " " + b.Version
	}
	return strings.Join(out, ", ")
}

// Check is one answer of the capability probe.
type Check struct {
	// Name is the probe's JSON name; "report.check."+Name is its label.
	Name  string
	Value diag.Tri
}

// Checks lists the probe's answers in reading order.
func Checks(p *diag.Probe) []Check {
	return []Check{
		{"available", p.Available},
		{"secureContext", p.SecureContext},
		{"uvpaa", p.UVPAA},
		{"conditionalMediation", p.ConditionalMediation},
		{"framed", p.Framed},
		{"crossOriginFrame", p.CrossOriginFrame},
		{"publickeyCredentialsGet", p.PublicKeyCredentialsGet},
		{"publickeyCredentialsCreate", p.PublicKeyCredentialsCreate},
	}
}

// Capabilities is getClientCapabilities() on one line, sorted by name.
func Capabilities(p *diag.Probe) string {
	keys := make([]string, 0, len(p.Capabilities))
	for k := range p.Capabilities {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		keys[i] = k + "=" + strconv.FormatBool(p.Capabilities[k])
	}
	return strings.Join(keys, ", ")
}

// TestDetails are the lines under one test: where it failed, the exact
// error name and message, the server's code, the timing and what was asked.
func TestDetails(lang string, c diag.CeremonyFacts) []string {
	t := func(id string, args map[string]string) string { return catalog.Text(lang, id, args) }
	var out []string
	if c.Step != "" {
		out = append(out, t("report.test.stage", nil)+": "+t("report.stage."+c.Step, nil))
	}
	if c.ErrorName != "" || c.ErrorMessage != "" {
		e := c.ErrorName
		if c.ErrorMessage != "" {
			e += " " + strconv.Quote(c.ErrorMessage)
		}
		out = append(out, t("report.test.error", nil)+": "+strings.TrimSpace(e))
	}
	if c.ServerCode != "" {
		out = append(out, t("report.test.server-code", nil)+": "+c.ServerCode)
	}
	if c.LocalOnly {
		out = append(out, t("report.test.local-only", nil))
	}
	if c.ElapsedMs != nil {
		s := t("report.test.elapsed", map[string]string{"seconds": seconds(*c.ElapsedMs)})
		if c.TimeoutMs != nil {
			s += " / " + t("report.test.timeout", map[string]string{"seconds": seconds(*c.TimeoutMs)})
		}
		out = append(out, s)
	}
	var asked []string
	if c.UserVerification != "" {
		asked = append(asked, "userVerification="+c.UserVerification)
	}
	if c.ResidentKey != "" {
		asked = append(asked, "residentKey="+c.ResidentKey)
	}
	if c.AllowCredentials != nil {
		asked = append(asked, "allowCredentials="+strconv.Itoa(*c.AllowCredentials))
	}
	if c.JustRegistered {
		asked = append(asked, "justRegistered=true")
	}
	if len(asked) > 0 {
		out = append(out, t("report.test.asked", nil)+": "+strings.Join(asked, ", "))
	}
	return out
}

func seconds(ms float64) string { return strconv.FormatFloat(ms/1000, 'f', 1, 64) }
