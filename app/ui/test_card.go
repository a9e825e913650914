package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
)

// testCard is one live test: a button a person clicks and the verdict.
// Its ids are an interface: run-<kind>-test and <kind>-test-result, the
// result carrying data-state, data-outcome and data-cause.
type testCard struct {
	app.Compo

	TestKind ceremony.Kind
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

// WithKind sets the card's test and where its outcomes go.
func (c *testCard) WithKind(kind ceremony.Kind, onDone func(app.Context, probe.Outcome)) *testCard {
	c.TestKind, c.OnDone = kind, onDone
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

// domID is the test's name in element ids: run-<domID>-test and
// <domID>-test-result, an interface embedding pages and tests rely on.
func domID(k ceremony.Kind) string {
	if k == ceremony.KindExisting {
		return "existing-passkey"
	}
	return string(k)
}

func (c *testCard) Render() app.UI {
	id := domID(c.TestKind)
	kind := string(c.TestKind)
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
	return app.Section().Class("card", "test-card").ID(id+"-test").Aria("labelledby", id+"-test-title").Body(
		app.H3().ID(id+"-test-title").Text(tr(c.Lang, "ui.test."+kind+".title")),
		app.P().Text(tr(c.Lang, "ui.test."+kind+".intro")),
		c.runButton(id),
		result.Body(c.renderResult()),
	)
}

func (c *testCard) runButton(id string) app.UI {
	b := app.Button().ID("run-" + id + "-test").Class("button").OnClick(c.onRun).Text(tr(c.Lang, buttonText(c.status)))
	if c.status == running {
		b = b.Disabled(true) // see languageSwitch: never disabled="false"
	}
	return b
}

func buttonText(s status) string {
	switch s {
	case running:
		return "ui.test.running"
	case done:
		return "ui.test.again"
	}
	return "ui.test.start"
}

func (c *testCard) renderResult() app.UI {
	switch {
	case c.status == running:
		return app.P().Class("status").Text(tr(c.Lang, "ui.test.prompt"))
	case c.status != done:
		return app.Text("")
	case c.outcome.OK():
		return c.renderWorked()
	}
	f := c.outcome.Facts
	return app.Div().Body(
		app.P().Class("verdict", "verdict-failed").Text(tr(c.Lang, "ui.test.failed")),
		app.If(c.Advice.Cause != "",
			app.P().Class("cause").Text(tr(c.Lang, "cause."+c.Advice.Cause)),
		),
		renderAdvice(c.Lang, c.Advice),
		app.If(f.ErrorName != "" || f.ErrorMessage != "",
			app.Details().Class("details").Body(
				app.Summary().Text(tr(c.Lang, "ui.test.browserSaid")),
				app.P().Class("raw").Text(strings.TrimPrefix(f.ErrorName+": "+f.ErrorMessage, ": ")),
			),
		),
	)
}

// detail is one row of a worked test's details.
type detail struct{ label, value string }

func (c *testCard) renderWorked() app.UI {
	r := c.outcome.SignedIn
	rows := []detail{
		{tr(c.Lang, "ui.detail.uv"), tr(c.Lang, "ui.value."+yesNo(r.UserVerified))},
		{tr(c.Lang, "ui.detail.kind"), tr(c.Lang, passkeyKind(r))},
	}
	if name := authenticatorName(c.outcome); name != "" {
		rows = append(rows, detail{tr(c.Lang, "ui.detail.maker"), name})
	}
	if reg := c.outcome.Registered; reg != nil && len(reg.Transports) > 0 {
		rows = append(rows, detail{tr(c.Lang, "ui.detail.transport"), strings.Join(reg.Transports, ", ")})
	}
	if e := c.outcome.Facts.ElapsedMs; e != nil {
		rows = append(rows, detail{tr(c.Lang, "ui.detail.time"), tr(c.Lang, "ui.detail.seconds", "n", strconv.FormatFloat(*e/1000, 'f', 1, 64))})
	}
	return app.Div().Body(
		app.P().Class("verdict", "verdict-ok").Text(tr(c.Lang, "ui.test.ok")),
		localOnlyNote(c.Lang, domID(c.TestKind), r),
		renderAdvice(c.Lang, c.Advice),
		app.Dl().Class("test-details").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				return app.Div().Body(app.Dt().Text(rows[i].label), app.Dd().Text(rows[i].value))
			}),
		),
	)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// passkeyKind reads the backup flags: BE says the passkey can sync.
func passkeyKind(r *ceremony.FinishResponse) string {
	switch {
	case r.BackedUp:
		return "ui.detail.synced"
	case r.BackupEligible:
		return "ui.detail.syncable"
	}
	return "ui.detail.deviceBound"
}

func authenticatorName(o probe.Outcome) string {
	for _, r := range []*ceremony.FinishResponse{o.SignedIn, o.Registered} {
		if r != nil && r.AuthenticatorName != "" {
			return r.AuthenticatorName
		}
	}
	return ""
}
