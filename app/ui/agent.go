package ui

import (
	"errors"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// AgentPath is the helpdesk agent's page.
const AgentPath = "/agent"

// agent is the helpdesk agent's page: paste a report code (or open a link
// with #code=…) and see the diagnosis the person saw, computed by the same
// engine from the same facts. Decoding happens in the browser; the code is
// never sent to the server (a URL fragment never is).
//
// Stable hooks: #agent-code (the text area), #agent-decode (the button),
// #agent-error, and #agent-diagnosis with data-state
// loading|idle|done|error.
type agent struct {
	app.Compo

	config Config
	lang   string

	input  string
	state  status
	errID  string // catalogue id of the decode error
	report report.Report
	diag   diag.Diagnosis
	// stopHash removes the hashchange listener.
	stopHash func()
}

// The agent page's own data-states besides idle and done: loading until
// the WebAssembly app runs (the server's prerendered page says loading, so
// a test never types into a page about to be replaced), error after a code
// failed to decode.
const (
	stateLoading status = "loading"
	stateError   status = "error"
)

func newAgent(cfg Config) *agent {
	return &agent{config: cfg, lang: agentLang("", "", cfg.Languages), state: stateLoading}
}

// agentLang is ?lang= when offered, else the browser's language when
// offered, else the deployment's first language.
func agentLang(query, browser string, offered []string) string {
	if len(offered) == 0 {
		offered = catalog.Languages
	}
	for _, tag := range []string{query, browser} {
		if tag == "" {
			continue
		}
		l := catalog.Match(tag)
		for _, o := range offered {
			if o == l && catalog.Supported(l) {
				return l
			}
		}
	}
	return offered[0]
}

// OnNav reads the language and a code in the fragment (#code=PD1-…), which
// an agent link or a QR code carries.
func (a *agent) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	browser := ""
	if app.IsClient {
		browser = app.Window().Get("navigator").Get("language").String()
	}
	a.lang = agentLang(u.Query().Get("lang"), browser, a.config.Languages)
	if app.IsClient && a.state == stateLoading {
		a.state = idle
	}
	if code := fragmentCode(u); code != "" {
		a.input = code
		a.decode()
	}
}

// OnMount follows later links in the same tab: a new #code= changes only
// the fragment, which reloads nothing and calls no OnNav.
func (a *agent) OnMount(ctx app.Context) {
	if app.IsClient {
		a.stopHash = app.Window().AddEventListener("hashchange", a.onHashChange)
	}
}

// OnDismount removes the hashchange listener.
func (a *agent) OnDismount() {
	if a.stopHash != nil {
		a.stopHash()
	}
}

func (a *agent) onHashChange(app.Context, app.Event) {
	if code := fragmentCode(app.Window().URL()); code != "" {
		a.input = code
		a.decode()
		a.Update()
	}
}

// fragmentCode is the code= value of the URL's fragment, if any.
func fragmentCode(u *url.URL) string {
	frag := u.Fragment
	if frag == "" {
		return ""
	}
	v, err := url.ParseQuery(frag)
	if err != nil {
		return ""
	}
	return v.Get("code")
}

func (a *agent) onInput(ctx app.Context, _ app.Event) {
	a.input = ctx.JSSrc().Get("value").String()
}

func (a *agent) onDecode(app.Context, app.Event) { a.decode() }

// decode reads the pasted code and runs the engine over its facts. It is
// quick (a few kilobytes at most), so it runs in the event handler.
func (a *agent) decode() {
	if strings.TrimSpace(a.input) == "" {
		a.state, a.errID = stateError, "agent.error.empty"
		return
	}
	r, err := report.Decode(a.input)
	if err != nil {
		a.state, a.errID = stateError, decodeErrorID(err)
		return
	}
	a.report, a.diag = r, diag.Diagnose(r.Facts)
	a.state, a.errID = done, ""
}

// decodeErrorID is the catalogue id that explains a decode error.
func decodeErrorID(err error) string {
	switch {
	case errors.Is(err, report.ErrVersion):
		return "agent.error.version"
	case errors.Is(err, report.ErrTooLarge):
		return "agent.error.too-large"
	case errors.Is(err, report.ErrDamaged):
		return "agent.error.damaged"
	case errors.Is(err, report.ErrInvalid):
		return "agent.error.invalid"
	}
	return "agent.error.not-report"
}

func (a *agent) t(id string) string { return catalog.Text(a.lang, id, nil) }

func (a *agent) Render() app.UI {
	return app.Main().Class("page").Lang(a.lang).Body(
		app.Header().Class("masthead").Body(
			app.Img().Src("/web/icon.svg").Alt(""),
			app.H1().Text(a.t("agent.title")),
		),
		app.P().Class("lead").Text(a.t("agent.lead")),
		// A div, not a form: go-app runs handlers after the browser's own
		// default action, too late to stop a form's submission.
		app.Div().ID("agent-form").Class("card").Body(
			app.Label().For("agent-code").Text(a.t("agent.code-label")),
			app.Textarea().
				ID("agent-code").
				Name("code").
				Rows(4).
				Spellcheck(false).
				Aria("describedby", "agent-error").
				Attr("autocomplete", "off").
				Attr("autocapitalize", "off").
				Text(a.input).
				OnInput(a.onInput),
			app.Div().Class("actions").Body(
				app.Button().ID("agent-decode").Class("button").Type("button").Text(a.t("agent.decode")).OnClick(a.onDecode),
			),
			app.P().ID("agent-error").Class("warning").Role("alert").Hidden(a.errID == "").Text(a.errorText()),
		),
		app.Section().
			ID("agent-diagnosis").
			DataSet("state", string(a.state)).
			Aria("live", "polite").
			Aria("labelledby", "agent-summary-title").
			Body(
				app.If(a.state == done,
					newAgentDiagnosis().With(a.lang, a.report, a.diag),
				).Else(
					app.H2().ID("agent-summary-title").Class("status").Text(a.t("agent.idle")),
				),
			),
	)
}

func (a *agent) errorText() string {
	if a.errID == "" {
		return ""
	}
	return a.t(a.errID)
}
