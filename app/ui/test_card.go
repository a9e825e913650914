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

	status  status
	outcome probe.Outcome
	Cause   string
}

func newTestCard() *testCard { return &testCard{status: idle} }

// WithKind sets the card's inputs.
func (c *testCard) WithKind(kind ceremony.Kind, title, intro string, onDone func(app.Context, probe.Outcome)) *testCard {
	c.TestKind, c.Title, c.Intro, c.OnDone = kind, title, intro, onDone
	return c
}

// WithCause sets the engine's verdict on the last failed run.
func (c *testCard) WithCause(cause string) *testCard {
	c.Cause = cause
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
		Aria("live", "polite")
	if c.status == done {
		outcome := "failed"
		if c.outcome.OK() {
			outcome = "ok"
		}
		result = result.DataSet("outcome", outcome)
		if !c.outcome.OK() && c.Cause != "" {
			result = result.DataSet("cause", c.Cause)
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
		app.If(c.Cause != "",
			app.P().Class("cause").Text(catalog.Text("en", "cause."+c.Cause, nil)),
		),
		app.If(f.ErrorName != "" || f.ErrorMessage != "",
			app.P().Class("raw").Text(strings.TrimPrefix(f.ErrorName+": "+f.ErrorMessage, ": ")),
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
		app.If(c.TestKind == ceremony.KindSecurityKey && !r.UserVerified,
			app.P().Class("warning").ID(string(c.TestKind)+"-test-no-pin").Text("Your security key has no PIN set. Most work accounts need one: set a PIN for the key, then test again."),
		),
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
