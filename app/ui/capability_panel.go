package ui

import (
	"encoding/json"
	"sort"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// capabilityPanel lists what the browser said about passkey support, one
// fact per row, each as data-fact / data-value for tests and embedders.
type capabilityPanel struct {
	app.Compo

	Status status
	Facts  diag.Facts
}

func newCapabilityPanel() *capabilityPanel { return &capabilityPanel{} }

// WithSnapshot sets the panel's inputs.
func (p *capabilityPanel) WithFacts(s status, f diag.Facts) *capabilityPanel {
	p.Status, p.Facts = s, f
	return p
}

// fact is one row of the panel.
type fact struct {
	name  string
	label string
	value diag.Tri
}

// facts lists the fixed probe answers in reading order.
func facts(w *diag.Probe) []fact {
	if w == nil {
		w = &diag.Probe{}
	}
	return []fact{
		{"webauthn", "This browser supports passkeys (WebAuthn)", w.Available},
		{"secureContext", "The connection is secure", w.SecureContext},
		{"uvpaa", "A built-in PIN, fingerprint, face or screen lock can be used (Windows Hello, Touch ID, Face ID, Android screen lock)", w.UVPAA},
		{"conditionalMediation", "Passkeys can be offered right in the sign-in form", w.ConditionalMediation},
		{"framed", "This page is shown inside another page", w.Framed},
		{"publickeyCredentialsGet", "Signing in with a passkey is allowed here", w.PublicKeyCredentialsGet},
		{"publickeyCredentialsCreate", "Creating a passkey is allowed here", w.PublicKeyCredentialsCreate},
	}
}

// capabilityFacts lists every client capability the browser reported, by
// name. They are technical, so the panel folds them away.
func capabilityFacts(caps map[string]bool) []fact {
	keys := make([]string, 0, len(caps))
	for k := range caps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]fact, 0, len(keys))
	for _, k := range keys {
		rows = append(rows, fact{"capability:" + k, k, triOf(caps[k])})
	}
	return rows
}

var valueText = map[diag.Tri]string{diag.Yes: "Yes", diag.No: "No", diag.Unknown: "Unknown"}

func triOf(b bool) diag.Tri {
	if b {
		return diag.Yes
	}
	return diag.No
}

func (p *capabilityPanel) Render() app.UI {
	return app.Section().
		ID("capabilities").
		Class("card").
		DataSet("state", string(p.Status)).
		Aria("labelledby", "capabilities-title").
		Body(
			app.H2().ID("capabilities-title").Text("What this device and browser support"),
			app.If(p.Status != done,
				app.P().Class("status").Aria("live", "polite").Text("Checking this device…"),
			).Else(
				factList(facts(p.Facts.WebAuthn)),
				app.If(p.Facts.WebAuthn != nil && p.Facts.WebAuthn.Capabilities != nil,
					app.Details().Class("details").Body(
						app.Summary().Text("What the browser reports about itself"),
						factList(capabilityFacts(capabilities(p.Facts.WebAuthn))),
					),
				),
				app.Details().Class("details").Body(
					app.Summary().Text("Technical details"),
					app.Pre().ID("probe-json").Class("raw").Text(indentJSON(p.Facts)),
				),
			),
		)
}

// factList renders rows with data-fact / data-value for tests and embedders.
func factList(rows []fact) app.UI {
	return app.Ul().Class("facts").Body(
		app.Range(rows).Slice(func(i int) app.UI {
			f := rows[i]
			return app.Li().
				Class("fact").
				DataSet("fact", f.name).
				DataSet("value", string(f.value)).
				Body(
					app.Span().Class("fact-name").Text(f.label),
					app.Span().Class("fact-value").Text(valueText[f.value]),
				)
		}),
	)
}

func indentJSON(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func capabilities(w *diag.Probe) map[string]bool {
	if w == nil {
		return nil
	}
	return w.Capabilities
}
