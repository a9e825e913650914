package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
)

// testCard is one live test: a button a person clicks and the verdict.
// Its ids are an interface: run-<kind>-test and <kind>-test-result.
type testCard struct {
	app.Compo

	TestKind ceremony.Kind
	Title    string
	Intro    string
	// OnDone receives every finished test, for the diagnosis.
	OnDone func(app.Context, probe.Outcome)
	// Advice is the engine's reading of the latest run.
	Advice advice
	Lang   string

	status  status
	outcome probe.Outcome
	// runs counts finished runs, as data-run, so a test can wait for the
	// verdict of the run it started rather than the one before.
	runs int
}

func newTestCard() *testCard { return &testCard{status: idle} }

// WithKind sets the card's inputs.
func (c *testCard) WithKind(kind ceremony.Kind, title, intro string, onDone func(app.Context, probe.Outcome)) *testCard {
	c.TestKind, c.Title, c.Intro, c.OnDone = kind, title, intro, onDone
	return c
}

// WithAdvice sets the engine's reading of the latest run, in lang.
func (c *testCard) WithAdvice(a advice, lang string) *testCard {
	c.Advice, c.Lang = a, lang
	return c
}

func (c *testCard) onRun(ctx app.Context, _ app.Event) {
	if c.status == running {
		return
	}
	c.status = running
	kind := c.TestKind
	stored := loadTestCredentials(ctx)
	ctx.Async(func() {
		o := newTester().Run(ctx, kind, stored)
		ctx.Dispatch(func(ctx app.Context) {
			c.outcome, c.status = o, done
			c.runs++
			if o.OK() {
				keepTestCredential(ctx, o.SignedIn)
			}
			if c.OnDone != nil {
				c.OnDone(ctx, o)
			}
		})
	})
}

func (c *testCard) Render() app.UI {
	id := string(c.TestKind)
	result := app.Div().
		ID(id+"-test-result").
		Class("test-result").
		DataSet("state", string(c.status)).
		DataSet("run", c.runs).
		Aria("live", "polite")
	if c.status == done {
		outcome := "failed"
		if c.outcome.OK() {
			outcome = "ok"
		}
		result = result.DataSet("outcome", outcome)
		if !c.outcome.OK() && c.Advice.Cause != "" {
			result = result.DataSet("cause", c.Advice.Cause)
		}
	}
	return app.Section().Class("card", "test-card").Aria("labelledby", id+"-test-title").Body(
		app.H3().ID(id+"-test-title").Text(c.Title),
		app.P().Text(c.Intro),
		app.Button().
			ID("run-"+id+"-test").
			Class("button").
			Disabled(c.status == running).
			OnClick(c.onRun).
			Text(buttonText(c.status)),
		result.Body(c.renderResult()),
	)
}

func buttonText(s status) string {
	switch s {
	case running:
		return "Testing…"
	case done:
		return "Test again"
	}
	return "Start the test"
}

func (c *testCard) renderResult() app.UI {
	switch {
	case c.status == running:
		return app.P().Class("status").Text("Follow what your browser asks: confirm with your PIN, fingerprint, face or security key.")
	case c.status != done:
		return app.Text("")
	case c.outcome.OK():
		return c.renderWorked()
	}
	f := c.outcome.Facts
	return app.Div().Body(
		app.P().Class("verdict", "verdict-failed").Text("This did not work."),
		app.If(c.Advice.Cause != "",
			app.P().Class("cause").Text(catalog.Text(c.Lang, "cause."+c.Advice.Cause, nil)),
		),
		c.renderAdvice(),
		app.If(f.ErrorName != "" || f.ErrorMessage != "",
			app.Details().Class("details").Body(
				app.Summary().Text("What the browser said"),
				app.P().Class("raw").Text(strings.TrimPrefix(f.ErrorName+": "+f.ErrorMessage, ": ")),
			),
		),
	)
}

// renderAdvice lists what the engine found about this test and the steps
// that follow, numbered.
func (c *testCard) renderAdvice() app.UI {
	a := c.Advice
	return app.Div().Class("advice").Body(
		app.Range(a.Findings).Slice(func(i int) app.UI {
			f := a.Findings[i]
			return app.P().Class("finding", "finding-"+string(f.Severity)).DataSet("finding", string(f.Code)).
				Text(catalog.Text(c.Lang, "finding."+string(f.Code), f.Params))
		}),
		app.If(len(a.Steps) > 0,
			app.Ol().Class("steps").Body(
				app.Range(a.Steps).Slice(func(i int) app.UI {
					s := a.Steps[i]
					return app.Li().DataSet("step", string(s.Code)).Text(catalog.Text(c.Lang, "step."+string(s.Code), s.Params))
				}),
			),
		),
	)
}

func (c *testCard) renderWorked() app.UI {
	r := c.outcome.SignedIn
	rows := []struct{ label, value string }{
		{"PIN, fingerprint or face checked", yesNo(r.UserVerified)},
		{"Kind of passkey", passkeyKind(r)},
	}
	if name := authenticatorName(c.outcome); name != "" {
		rows = append(rows, struct{ label, value string }{"Made by", name})
	}
	if reg := c.outcome.Registered; reg != nil && len(reg.Transports) > 0 {
		rows = append(rows, struct{ label, value string }{"Connected by", strings.Join(reg.Transports, ", ")})
	}
	if e := c.outcome.Facts.ElapsedMs; e != nil {
		rows = append(rows, struct{ label, value string }{"Time to confirm", fmt.Sprintf("%.1f s", *e/1000)})
	}
	return app.Div().Body(
		app.P().Class("verdict", "verdict-ok").Text("It works."),
		localOnlyNote(string(c.TestKind), r),
		c.renderAdvice(),
		app.Dl().Class("test-details").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				return app.Div().Body(app.Dt().Text(rows[i].label), app.Dd().Text(rows[i].value))
			}),
		),
	)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// passkeyKind reads the backup flags: BE says the passkey can sync.
func passkeyKind(r *ceremony.FinishResponse) string {
	switch {
	case r.BackedUp:
		return "Synced passkey (backed up)"
	case r.BackupEligible:
		return "Synced passkey (not backed up yet)"
	}
	return "Only on this device or key"
}

func authenticatorName(o probe.Outcome) string {
	for _, r := range []*ceremony.FinishResponse{o.SignedIn, o.Registered} {
		if r != nil && r.AuthenticatorName != "" {
			return r.AuthenticatorName
		}
	}
	return ""
}
