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
	Lang   string
}

func newCapabilityPanel() *capabilityPanel { return &capabilityPanel{} }

// WithFacts sets the panel's inputs.
func (p *capabilityPanel) WithFacts(s status, f diag.Facts, lang string) *capabilityPanel {
	p.Status, p.Facts, p.Lang = s, f, lang
	return p
}

// fact is one row of the panel; label is a catalogue id or, for client
// capabilities, the browser's own key.
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
		{"webauthn", "ui.fact.webauthn", w.Available},
		{"secureContext", "ui.fact.secureContext", w.SecureContext},
		{"uvpaa", "ui.fact.uvpaa", w.UVPAA},
		{"conditionalMediation", "ui.fact.conditionalMediation", w.ConditionalMediation},
		{"framed", "ui.fact.framed", w.Framed},
		{"publickeyCredentialsGet", "ui.fact.publickeyCredentialsGet", w.PublicKeyCredentialsGet},
		{"publickeyCredentialsCreate", "ui.fact.publickeyCredentialsCreate", w.PublicKeyCredentialsCreate},
	}
}

// capabilityFacts lists every client capability the browser reported, by
// its own name. They are technical, so the panel folds them away.
func capabilityFacts(w *diag.Probe) []fact {
	if w == nil {
		return nil
	}
	keys := make([]string, 0, len(w.Capabilities))
	for k := range w.Capabilities {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]fact, 0, len(keys))
	for _, k := range keys {
		v := diag.No
		if w.Capabilities[k] {
			v = diag.Yes
		}
		rows = append(rows, fact{"capability:" + k, k, v})
	}
	return rows
}

func (p *capabilityPanel) Render() app.UI {
	caps := capabilityFacts(p.Facts.WebAuthn)
	return app.Section().
		ID("capabilities").
		Class("card").
		DataSet("state", string(p.Status)).
		Aria("labelledby", "capabilities-title").
		Body(
			app.H2().ID("capabilities-title").Text(tr(p.Lang, "ui.caps.title")),
			app.If(p.Status != done,
				app.P().Class("status").Text(tr(p.Lang, "ui.verdict.checking")),
			).Else(
				p.factList(facts(p.Facts.WebAuthn), true),
				app.If(len(caps) > 0,
					app.Details().Class("details").Body(
						app.Summary().Text(tr(p.Lang, "ui.caps.more")),
						p.factList(caps, false),
					),
				),
				app.Details().Class("details").Body(
					app.Summary().Text(tr(p.Lang, "ui.caps.raw")),
					app.Pre().ID("probe-json").Class("raw").Text(indentJSON(p.Facts)),
				),
			),
		)
}

// factList renders rows with data-fact / data-value for tests and embedders.
func (p *capabilityPanel) factList(rows []fact, translate bool) app.UI {
	return app.Ul().Class("facts").Body(
		app.Range(rows).Slice(func(i int) app.UI {
			f := rows[i]
			label := f.label
			if translate {
				label = tr(p.Lang, f.label)
			}
			v := triValue(f.value)
			return app.Li().
				Class("fact").
				DataSet("fact", f.name).
				DataSet("value", v).
				Body(
					app.Span().Class("fact-name").Text(label),
					app.Span().Class("fact-value").Text(tr(p.Lang, "ui.value."+v)),
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

// triValue is yes, no or unknown; the zero Tri is unknown.
func triValue(t diag.Tri) string {
	if t == diag.Yes || t == diag.No {
		return string(t)
	}
	return string(diag.Unknown)
}
