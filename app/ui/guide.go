package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// guide walks the engine's steps one at a time, each with "That worked" and
// "Still stuck", with progress and a way back. It ends in success or in
// "Contact IT". #guide carries data-state: none | step | success | contact.
type guide struct {
	app.Compo

	Lang     string
	Steps    []diag.Step
	Config   Config
	Position int
	Tried    []report.Attempt
	// OnMove receives the new position and the attempts so far.
	OnMove func(app.Context, int, []report.Attempt)
}

func newGuide() *guide { return &guide{} }

// With sets the inputs.
func (g *guide) With(lang string, steps []diag.Step, cfg Config, pos int, tried []report.Attempt, onMove func(app.Context, int, []report.Attempt)) *guide {
	g.Lang, g.Steps, g.Config, g.Position, g.Tried, g.OnMove = lang, steps, cfg, pos, tried, onMove
	return g
}

// Positions past the steps: the person is done, one way or the other.
const (
	guideSuccess = -1
	guideContact = -2
)

func (g *guide) state() string {
	switch {
	case g.Position == guideSuccess:
		return "success"
	case g.Position == guideContact:
		return "contact"
	case len(g.Steps) == 0:
		return "none"
	}
	return "step"
}

func (g *guide) move(ctx app.Context, pos int, result report.Result) {
	tried := g.Tried
	if result != "" && g.Position >= 0 && g.Position < len(g.Steps) {
		tried = append(append([]report.Attempt(nil), tried...), report.Attempt{Step: g.Steps[g.Position].Code, Result: result})
	}
	if g.OnMove != nil {
		g.OnMove(ctx, pos, tried)
	}
}

func (g *guide) onWorked(ctx app.Context, _ app.Event) { g.move(ctx, guideSuccess, report.Worked) }

func (g *guide) onStuck(ctx app.Context, _ app.Event) {
	next := g.Position + 1
	if next >= len(g.Steps) {
		next = guideContact
	}
	g.move(ctx, next, report.Stuck)
}

func (g *guide) onBack(ctx app.Context, _ app.Event) {
	switch {
	case g.Position == guideContact:
		g.move(ctx, len(g.Steps)-1, "")
	case g.Position > 0:
		g.move(ctx, g.Position-1, "")
	}
}

func (g *guide) onRestart(ctx app.Context, _ app.Event) { g.move(ctx, 0, "") }

func (g *guide) Render() app.UI {
	state := g.state()
	return app.Section().ID("guide").Class("card").DataSet("state", state).Aria("labelledby", "guide-title").Body(
		app.H2().ID("guide-title").Text(tr(g.Lang, "ui.guide.title")),
		app.Div().Aria("live", "polite").Body(g.renderState(state)),
	)
}

func (g *guide) renderState(state string) app.UI {
	switch state {
	case "none":
		return app.P().Text(tr(g.Lang, "ui.guide.none"))
	case "success":
		return app.Div().Body(
			app.P().ID("guide-success").Class("verdict", "verdict-ok").Text(tr(g.Lang, "ui.guide.success")),
			app.Button().ID("guide-restart").Class("button", "secondary").OnClick(g.onRestart).Text(tr(g.Lang, "ui.guide.restart")),
		)
	case "contact":
		return app.Div().Body(
			app.H3().ID("guide-contact").Text(tr(g.Lang, "ui.guide.contact")),
			app.P().Text(tr(g.Lang, "ui.guide.contactLead")),
			app.If(helpdeskContact(g.Config) != "",
				app.P().Text(tr(g.Lang, "ui.guide.helpdesk", "contact", helpdeskContact(g.Config))),
			),
			app.Div().Class("actions").Body(
				app.A().ID("guide-report").Class("button").Href("#report").Text(tr(g.Lang, "ui.report.title")),
				app.Button().ID("step-back").Class("button", "secondary").OnClick(g.onBack).Text(tr(g.Lang, "ui.guide.back")),
			),
		)
	}
	s := g.Steps[g.Position]
	url := s.Params["url"]
	return app.Div().Body(
		app.P().ID("guide-progress").Class("progress").Text(tr(g.Lang, "ui.guide.progress",
			"n", strconv.Itoa(g.Position+1), "total", strconv.Itoa(len(g.Steps)))),
		app.Progress().Class("progress-bar").Max(len(g.Steps)).Value(g.Position+1).Aria("hidden", true),
		app.P().ID("guide-step").Class("guide-step").DataSet("step", string(s.Code)).Text(tr(g.Lang, "step."+string(s.Code), pairs(s.Params)...)),
		app.If(url != "",
			app.P().Body(app.A().ID("guide-link").Href(url).Target("_blank").Rel("noopener noreferrer").Text(tr(g.Lang, "ui.guide.open")+": "+url)),
		),
		app.Div().Class("actions").Body(
			app.Button().ID("step-worked").Class("button").OnClick(g.onWorked).Text(tr(g.Lang, "ui.guide.worked")),
			app.Button().ID("step-stuck").Class("button", "secondary").OnClick(g.onStuck).Text(tr(g.Lang, "ui.guide.stuck")),
			app.If(g.Position > 0,
				app.Button().ID("step-back").Class("button", "link").OnClick(g.onBack).Text(tr(g.Lang, "ui.guide.back")),
			),
		),
	)
}

// helpdeskContact is how to reach IT, from the configuration.
func helpdeskContact(c Config) string {
	switch {
	case c.HelpdeskEmail != "" && c.HelpdeskPhone != "":
		return c.HelpdeskEmail + ", " + c.HelpdeskPhone
	case c.HelpdeskEmail != "":
		return c.HelpdeskEmail
	}
	return c.HelpdeskPhone
}
