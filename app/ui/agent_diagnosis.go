package ui

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// agentDiagnosis shows one decoded report to a helpdesk agent: the
// platform, what it supports, the findings, every test with its cause and
// exact error, the answers, the steps tried and the steps, in plain
// language, with the raw report and diagnosis JSON folded away.
//
// Tests and embedders read: #agent-platform (data-os, data-os-version,
// data-browser), #agent-findings li[data-code][data-severity],
// #agent-tests li[data-kind][data-outcome][data-cause],
// #agent-tried li[data-step][data-result], #agent-steps li[data-step], and
// the JSON in #report-json and #agent-diagnosis-json.
type agentDiagnosis struct {
	app.Compo

	Lang      string
	Report    report.Report
	Diagnosis diag.Diagnosis
}

func newAgentDiagnosis() *agentDiagnosis { return &agentDiagnosis{} }

// With sets the inputs.
func (v *agentDiagnosis) With(lang string, r report.Report, d diag.Diagnosis) *agentDiagnosis {
	v.Lang, v.Report, v.Diagnosis = lang, r, d
	return v
}

func (v *agentDiagnosis) t(id string) string { return catalog.Text(v.Lang, id, nil) }

func (v *agentDiagnosis) Render() app.UI {
	r, d := v.Report, v.Diagnosis
	p := d.Platform
	osVersion := ""
	if p.OSVersion != nil {
		osVersion = *p.OSVersion
	}
	return app.Div().Body(
		app.Div().Class("card").Body(
			app.H2().ID("agent-summary-title").Text(v.t("agent.section.summary")),
			app.Dl().ID("agent-platform").Class("test-details").
				DataSet("os", p.OS).
				DataSet("os-version", osVersion).
				DataSet("browser", p.Browser).
				Body(
					v.row("report.ref", r.Ref),
					v.row("report.created", r.Created.UTC().Format("2006-01-02 15:04")+" UTC"),
					v.row("report.device", report.PlatformText(v.Lang, p)),
					v.row("report.browser", report.BrowserText(v.Lang, p)),
					v.row("report.support.platform", v.t("support."+string(d.Support.PlatformPasskeys))),
					v.row("report.support.app", v.t("support."+string(d.Support.AuthenticatorAppPasskeys))),
					v.row("report.support.keys", v.t("support."+string(d.Support.SecurityKeys))),
				),
		),
		v.findings(),
		v.tests(),
		v.answers(),
		v.tried(),
		v.steps(),
		v.environment(),
		app.Details().Class("details").Body(
			app.Summary().Text(v.t("agent.raw-json")),
			app.Pre().ID("report-json").Class("raw").Text(agentJSON(r)),
		),
		app.Details().Class("details").Body(
			app.Summary().Text(v.t("agent.diagnosis-json")),
			app.Pre().ID("agent-diagnosis-json").Class("raw").Text(agentJSON(d)),
		),
		app.Details().Class("details").Body(
			app.Summary().Text(v.t("agent.copy-text")),
			app.Pre().ID("agent-text").Class("report-text").Text(report.Text(r, d, v.Lang)),
		),
	)
}

// row is one term and its value; an empty value leaves the row out.
func (v *agentDiagnosis) row(id, value string) app.UI {
	if value == "" {
		return nil
	}
	return app.Div().Body(app.Dt().Text(v.t(id)), app.Dd().Text(value))
}

func (v *agentDiagnosis) section(id, titleID string, body ...app.UI) app.UI {
	return app.Section().Class("card").Aria("labelledby", id+"-title").Body(
		append([]app.UI{app.H2().ID(id + "-title").Text(v.t(titleID))}, body...)...,
	)
}

func (v *agentDiagnosis) findings() app.UI {
	fs := v.Diagnosis.Findings
	return v.section("agent-findings", "report.section.findings",
		app.If(len(fs) == 0, app.P().Text(v.t("report.findings.none"))),
		app.Ul().ID("agent-findings").Class("advice").Body(
			app.Range(fs).Slice(func(i int) app.UI {
				f := fs[i]
				return app.Li().
					Class("finding", "finding-"+string(f.Severity)).
					DataSet("code", string(f.Code)).
					DataSet("severity", string(f.Severity)).
					Body(
						app.Strong().Text(v.t("severity."+string(f.Severity))+": "),
						app.Span().Class("finding-text").Text(catalog.Text(v.Lang, "finding."+string(f.Code), f.Params)),
					)
			}),
		),
	)
}

func (v *agentDiagnosis) tests() app.UI {
	cs, rs := v.Report.Facts.Ceremonies, v.Diagnosis.Ceremonies
	return v.section("agent-tests", "report.section.tests",
		app.If(len(cs) == 0, app.P().Text(v.t("report.tests.none"))),
		app.Ol().ID("agent-tests").Body(
			app.Range(cs).Slice(func(i int) app.UI {
				c := cs[i]
				var res diag.CeremonyResult
				if i < len(rs) {
					res = rs[i]
				}
				cause, causeText := "", ""
				if res.Cause != nil {
					cause = string(*res.Cause)
					causeText = v.t("cause."+cause) + " [" + cause + ", " + v.t("report.confidence."+string(*res.Confidence)) + "]"
				}
				details := report.TestDetails(v.Lang, c)
				return app.Li().
					Class("test").
					DataSet("kind", c.Kind).
					DataSet("outcome", res.Outcome).
					DataSet("cause", cause).
					Body(
						app.Strong().Text(v.t("kind."+c.Kind)+": "+v.t("outcome."+res.Outcome)),
						app.If(causeText != "", app.P().Class("test-cause").Text(causeText)),
						app.Ul().Class("test-details").Body(
							app.Range(details).Slice(func(j int) app.UI { return app.Li().Text(details[j]) }),
						),
					)
			}),
		),
	)
}

func (v *agentDiagnosis) answers() app.UI {
	a, pol := v.Report.Facts.Answers, v.Report.Facts.Policy
	account := a.AccountType
	if account == "" {
		account = "unknown"
	}
	message := v.t("report.not-answered")
	if a.Message != "" {
		message = strconv.Quote(a.Message)
	}
	tri := func(t diag.Tri) string {
		if t == "" {
			t = diag.Unknown
		}
		return v.t("support." + string(t))
	}
	return v.section("agent-answers", "report.section.answers",
		app.Dl().ID("agent-answers").Class("test-details").Body(
			v.row("report.answer.accountType", v.t("report.account."+account)),
			v.row("report.answer.message", message),
			v.row("report.answer.otherMethodWorks", tri(a.OtherMethodWorks)),
			v.row("report.answer.otherDeviceWorks", tri(a.OtherDeviceWorks)),
			v.row("report.answer.androidWorkProfile", tri(a.AndroidWorkProfile)),
			v.row("report.answer.passkeyInPersonalProfile", tri(a.PasskeyInPersonalProfile)),
			v.row("report.answer.recreatedPasskey", tri(a.RecreatedPasskey)),
			v.row("report.answer.osVersion", a.OSVersion),
			v.row("report.policy.identityProvider", pol.IdentityProvider),
			v.row("report.policy.passwordAllowed", tri(pol.PasswordAllowed)),
		),
	)
}

func (v *agentDiagnosis) tried() app.UI {
	tried := v.Report.Tried
	return v.section("agent-tried", "report.section.tried",
		app.If(len(tried) == 0, app.P().Text(v.t("report.tried.none"))),
		app.Ol().ID("agent-tried").Class("steps").Body(
			app.Range(tried).Slice(func(i int) app.UI {
				s := tried[i]
				return app.Li().DataSet("step", string(s.Step)).DataSet("result", string(s.Result)).Text(
					catalog.Text(v.Lang, "step."+string(s.Step), v.stepParams(s.Step)) + " — " + v.t("report.result."+string(s.Result)))
			}),
		),
	)
}

// stepParams are the parameters the diagnosis gave a step.
func (v *agentDiagnosis) stepParams(code diag.StepCode) map[string]string {
	for _, s := range v.Diagnosis.Steps {
		if s.Code == code {
			return s.Params
		}
	}
	return nil
}

func (v *agentDiagnosis) steps() app.UI {
	steps := v.Diagnosis.Steps
	return v.section("agent-steps", "report.section.steps",
		app.If(len(steps) == 0, app.P().Text(v.t("report.steps.none"))),
		app.Ol().ID("agent-steps").Class("steps").Body(
			app.Range(steps).Slice(func(i int) app.UI {
				s := steps[i]
				return app.Li().DataSet("step", string(s.Code)).Text(catalog.Text(v.Lang, "step."+string(s.Code), s.Params))
			}),
		),
	)
}

func (v *agentDiagnosis) environment() app.UI {
	f := v.Report.Facts
	hints := ""
	if f.UAData != nil {
		hints = report.ClientHints(*f.UAData)
	}
	var checks []report.Check
	caps := ""
	if f.WebAuthn != nil {
		checks = report.Checks(f.WebAuthn)
		caps = report.Capabilities(f.WebAuthn)
	}
	return app.Details().Class("details").Body(
		app.Summary().Text(v.t("report.section.environment")),
		app.Dl().ID("agent-environment").Class("test-details").Body(
			v.row("report.user-agent", f.UA),
			v.row("report.client-hints", hints),
			app.Range(checks).Slice(func(i int) app.UI {
				c := checks[i]
				if c.Value == "" {
					c.Value = diag.Unknown
				}
				return app.Div().DataSet("check", c.Name).DataSet("value", string(c.Value)).Body(
					app.Dt().Text(v.t("report.check."+c.Name)),
					app.Dd().Text(v.t("support."+string(c.Value))),
				)
			}),
			v.row("report.check.capabilities", caps),
		),
		app.If(f.WebAuthn == nil, app.P().Text(v.t("report.checks.none"))),
	)
}

// agentJSON is v as indented JSON, for the raw views.
func agentJSON(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}
