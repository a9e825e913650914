package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderAdvice lists what the engine found about one test and the steps
// that follow, numbered, each with data-finding / data-step.
func renderAdvice(lang string, a advice) app.UI {
	return app.Div().Class("advice").Body(
		app.Range(a.Findings).Slice(func(i int) app.UI {
			f := a.Findings[i]
			return app.P().Class("finding", "finding-"+string(f.Severity)).DataSet("finding", string(f.Code)).
				Text(tr(lang, "finding."+string(f.Code), pairs(f.Params)...))
		}),
		app.If(len(a.Steps) > 0,
			app.Ol().Class("steps").Body(
				app.Range(a.Steps).Slice(func(i int) app.UI {
					s := a.Steps[i]
					return app.Li().DataSet("step", string(s.Code)).Text(tr(lang, "step."+string(s.Code), pairs(s.Params)...))
				}),
			),
		),
	)
}

// pairs flattens params for tr.
func pairs(params map[string]string) []string {
	out := make([]string, 0, 2*len(params))
	for k, v := range params {
		out = append(out, k, v)
	}
	return out
}
