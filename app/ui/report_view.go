package ui

import (
	"encoding/json"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// reportView shows the person exactly what the helpdesk report contains,
// before it leaves, and the ways to send it: copy, download as .txt and
// .json, e-mail, a QR code, and (when the server forwards reports) submit.
// The report JSON is in #report-json.
type reportView struct {
	app.Compo

	Lang      string
	Config    Config
	Ref       string
	Facts     diag.Facts
	Diagnosis diag.Diagnosis
	Tried     []report.Attempt

	showQR bool
	notice string // catalogue id of the last action's outcome
}

func newReportView() *reportView { return &reportView{} }

// With sets the inputs.
func (v *reportView) With(lang string, cfg Config, ref string, f diag.Facts, d diag.Diagnosis, tried []report.Attempt) *reportView {
	v.Lang, v.Config, v.Ref, v.Facts, v.Diagnosis, v.Tried = lang, cfg, ref, f, d, tried
	return v
}

// current builds the report as it stands now.
func (v *reportView) current() report.Report {
	return report.New(time.Now(), v.Ref, v.Lang, v.Facts, v.Tried)
}

func (v *reportView) onCopy(ctx app.Context, _ app.Event) {
	text := report.Text(v.current(), v.Diagnosis, v.Lang)
	ctx.Async(func() {
		err := probe.Copy(ctx, text)
		ctx.Dispatch(func(app.Context) {
			v.notice = "ui.report.copied"
			if err != nil {
				v.notice = "ui.report.copyFailed"
			}
		})
	})
}

func (v *reportView) onQR(app.Context, app.Event) { v.showQR = !v.showQR }

func (v *reportView) onSubmit(ctx app.Context, _ app.Event) {
	code, err := report.Encode(v.current())
	if err != nil {
		v.notice = "ui.report.sendFailed"
		return
	}
	ctx.Async(func() {
		err := serverClient().SubmitReport(ctx, code)
		ctx.Dispatch(func(app.Context) {
			v.notice = "ui.report.sent"
			if err != nil {
				v.notice = "ui.report.sendFailed"
			}
		})
	})
}

func (v *reportView) Render() app.UI {
	r := v.current()
	code, codeErr := report.Encode(r)
	text := report.Text(r, v.Diagnosis, v.Lang)
	js, _ := json.MarshalIndent(r, "", "  ")
	mailto := ""
	if v.Config.HelpdeskEmail != "" {
		mailto, _ = report.MailtoURL(v.Config.HelpdeskEmail, v.Ref, r)
	}
	return app.Section().ID("report").Class("card").Aria("labelledby", "report-title").Body(
		app.H2().ID("report-title").Text(tr(v.Lang, "ui.report.title")),
		app.If(v.Ref != "", app.P().ID("report-ref").Text(tr(v.Lang, "ui.ref", "ref", report.CleanRef(v.Ref)))),
		app.P().Class("lead").Text(tr(v.Lang, "ui.report.lead")),
		app.H3().Text(tr(v.Lang, "ui.report.contents")),
		// Focusable, so keyboard users can scroll it (WCAG 2.1.1).
		app.Pre().ID("report-text").Class("raw", "report-text").TabIndex(0).
			Aria("label", tr(v.Lang, "ui.report.contents")).Text(text),
		app.Details().Class("details").Body(
			app.Summary().Text("JSON"),
			app.Pre().ID("report-json").Class("raw").Text(string(js)),
		),
		app.If(codeErr == nil,
			app.P().Body(
				app.Label().For("report-code").Text(tr(v.Lang, "ui.report.code")),
				app.Textarea().ID("report-code").Class("raw", "code-box").ReadOnly(true).Rows(3).Text(code),
			),
		),
		app.Div().Class("actions").Body(
			app.Button().ID("report-copy").Class("button").OnClick(v.onCopy).Text(tr(v.Lang, "ui.report.copy")),
			app.A().ID("report-download-txt").Class("button", "secondary").
				Href(dataURL("text/plain;charset=utf-8", text)).Attr("download", "passkey-doctor-report.txt").
				Text(tr(v.Lang, "ui.report.txt")),
			app.A().ID("report-download-json").Class("button", "secondary").
				Href(dataURL("application/json", string(js))).Attr("download", "passkey-doctor-report.json").
				Text(tr(v.Lang, "ui.report.json")),
			app.If(mailto != "",
				app.A().ID("report-email").Class("button", "secondary").Href(mailto).Text(tr(v.Lang, "ui.report.email")),
			),
			app.If(codeErr == nil,
				app.Button().ID("report-qr").Class("button", "secondary").Aria("expanded", v.showQR).OnClick(v.onQR).Text(tr(v.Lang, "ui.report.qr")),
			),
			app.If(v.Config.ReportSubmit && codeErr == nil,
				app.Button().ID("report-submit").Class("button", "secondary").OnClick(v.onSubmit).Text(tr(v.Lang, "ui.report.submit")),
			),
		),
		app.If(v.notice != "", app.P().ID("report-notice").Class("status").Aria("live", "polite").Text(tr(v.Lang, v.notice))),
		app.If(v.showQR && codeErr == nil, v.renderQR(code)),
	)
}

// renderQR draws the agent-view link to this report as a QR code.
func (v *reportView) renderQR(code string) app.UI {
	u := app.Window().URL()
	svg, err := report.QRSVG(report.AgentURL(u.Scheme+"://"+u.Host, code), tr(v.Lang, "ui.report.qr"))
	if err != nil {
		return app.Text("")
	}
	return app.Figure().ID("report-qr-code").Class("qr").Body(
		app.Raw(svg),
		app.FigCaption().Text(tr(v.Lang, "ui.report.qrHint")),
	)
}

// dataURL carries a download in the link itself: nothing is uploaded.
func dataURL(mediaType, body string) string {
	return "data:" + mediaType + "," + url.PathEscape(body)
}
