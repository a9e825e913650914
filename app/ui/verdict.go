package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// verdictSummary is the first thing a person reads: can this device use
// passkeys, what it is, and the one next action. Its section #verdict
// carries data-verdict (checking | yes | no | unknown).
type verdictSummary struct {
	app.Compo

	Lang      string
	Status    status
	Diagnosis diag.Diagnosis
	// OSVersion is the version the person gave, if any.
	OSVersion string
	// OnOSVersion receives a corrected OS version.
	OnOSVersion func(app.Context, string)

	draft string
	// fromServer marks the first verdict the server drew from the request
	// alone (data-source="request"); the page's own says "browser".
	fromServer bool
}

func newVerdictSummary() *verdictSummary { return &verdictSummary{} }

// With sets the summary's inputs.
func (v *verdictSummary) With(lang string, s status, d diag.Diagnosis, osVersion string, onOSVersion func(app.Context, string)) *verdictSummary {
	v.Lang, v.Status, v.Diagnosis, v.OSVersion, v.OnOSVersion = lang, s, d, osVersion, onOSVersion
	return v
}

// verdictOf reads the diagnosis as one plain answer.
func verdictOf(s status, d diag.Diagnosis) string {
	switch {
	case s != done:
		return "checking"
	case d.Support.PlatformPasskeys == diag.No && (hasSeverity(d.Findings, diag.SeverityError) || hasSeverity(d.Findings, diag.SeverityWarning)):
		return "no"
	case d.Support.PlatformPasskeys == diag.Yes && !hasSeverity(d.Findings, diag.SeverityError):
		return "yes"
	}
	return "unknown"
}

func hasSeverity(fs []diag.Finding, sev diag.Severity) bool {
	for _, f := range fs {
		if f.Severity == sev {
			return true
		}
	}
	return false
}

// nextAction is where the one next step leads, and its wording.
func nextAction(verdict string, d diag.Diagnosis) (href, id string) {
	switch {
	case verdict == "yes":
		return "#platform-test", "ui.verdict.nextPlatform"
	case verdict == "no" && d.Support.SecurityKeys != diag.No:
		return "#security-key-test", "ui.verdict.nextOther"
	case len(d.Steps) > 0:
		return "#guide", "ui.verdict.nextGuide"
	}
	return "#platform-test", "ui.verdict.nextPlatform"
}

func (v *verdictSummary) onDraft(ctx app.Context, _ app.Event) {
	v.draft = ctx.JSSrc().Get("value").String()
}

func (v *verdictSummary) onSave(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if v.OnOSVersion != nil {
		v.OnOSVersion(ctx, v.draft)
	}
}

func (v *verdictSummary) Render() app.UI {
	verdict := verdictOf(v.Status, v.Diagnosis)
	source := "browser"
	if v.fromServer {
		source = "request"
	}
	section := app.Section().ID("verdict").Class("card", "verdict-card", "verdict-"+verdict).
		DataSet("verdict", verdict).DataSet("source", source).Aria("labelledby", "verdict-title")
	if v.fromServer {
		// The first HTML's <html lang> is fixed before the request's
		// language is known; the section says its own (WCAG 3.1.2).
		section = section.Lang(v.Lang)
	}
	if verdict == "checking" {
		return section.Body(
			app.H2().ID("verdict-title").Text(tr(v.Lang, "ui.verdict.title")),
			app.P().Class("status").Text(tr(v.Lang, "ui.verdict.checking")),
		)
	}
	p := v.Diagnosis.Platform
	s := v.Diagnosis.Support
	href, next := nextAction(verdict, v.Diagnosis)
	return section.Body(
		app.H2().ID("verdict-title").Text(tr(v.Lang, "ui.verdict.title")),
		app.P().ID("verdict-text").Class("verdict-text").Aria("live", "polite").Text(tr(v.Lang, "ui.verdict."+verdict)),
		app.P().ID("detected").Class("detected").Text(tr(v.Lang, "ui.verdict.detected",
			"device", deviceLabel(v.Lang, p), "browser", browserLabel(v.Lang, p))),
		app.Ul().Class("facts", "support").Body(
			v.supportRow("platformPasskeys", s.PlatformPasskeys),
			v.supportRow("authenticatorAppPasskeys", s.AuthenticatorAppPasskeys),
			v.supportRow("securityKeys", s.SecurityKeys),
		),
		app.Details().Class("details").Body(
			app.Summary().Text(tr(v.Lang, "ui.verdict.correct")),
			app.Form().Class("inline-form").OnSubmit(v.onSave).Body(
				app.Label().For("os-version").Text(tr(v.Lang, "ui.verdict.osVersion", "os", tr(v.Lang, "os."+p.OS))),
				app.Input().ID("os-version").Type("text").Attr("inputmode", "decimal").AutoComplete(false).
					Value(v.OSVersion).OnInput(v.onDraft),
				app.Button().ID("os-version-save").Class("button", "secondary").Type("submit").Text(tr(v.Lang, "ui.verdict.save")),
			),
		),
		app.A().ID("next-action").Class("button").Href(href).Text(tr(v.Lang, next)),
	)
}

func (v *verdictSummary) supportRow(name string, t diag.Tri) app.UI {
	value := triValue(t)
	return app.Li().Class("fact").DataSet("support", name).DataSet("value", value).Body(
		app.Span().Class("fact-name").Text(tr(v.Lang, "ui.support."+name)),
		app.Span().Class("fact-value").Text(tr(v.Lang, "ui.value."+value)),
	)
}

// deviceLabel is "iOS 17.4", or "iOS (version unknown)" when nothing proves it.
func deviceLabel(lang string, p diag.Platform) string {
	os := tr(lang, "os."+p.OS)
	if p.OSVersion == nil {
		return os + " (" + tr(lang, "ui.verdict.versionUnknown") + ")"
	}
	return os + " " + *p.OSVersion
}

// browserLabel is "Chrome 131", or the app's name for an in-app browser.
func browserLabel(lang string, p diag.Platform) string {
	if p.InAppName != nil {
		return tr(lang, "browser.webview") + " (" + tr(lang, "app."+*p.InAppName) + ")"
	}
	b := tr(lang, "browser."+p.Browser)
	if p.BrowserVersion != nil {
		b += " " + *p.BrowserVersion
	}
	return b
}
