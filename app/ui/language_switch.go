package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// languageNames are the languages in their own words, so a person finds
// theirs whatever the page's current language.
var languageNames = map[string]string{"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}

// languageSwitch lets the person pick the page's language (#language).
type languageSwitch struct {
	app.Compo

	Lang     string
	Offered  []string
	OnChange func(app.Context, string)
}

func newLanguageSwitch() *languageSwitch { return &languageSwitch{} }

// With sets the inputs.
func (l *languageSwitch) With(lang string, offered []string, onChange func(app.Context, string)) *languageSwitch {
	l.Lang, l.Offered, l.OnChange = lang, offered, onChange
	return l
}

func (l *languageSwitch) onChange(ctx app.Context, _ app.Event) {
	if l.OnChange != nil {
		l.OnChange(ctx, ctx.JSSrc().Get("value").String())
	}
}

func (l *languageSwitch) Render() app.UI {
	return app.Div().Class("language").Body(
		app.Label().For("language").Text(tr(l.Lang, "ui.language")),
		app.Select().ID("language").OnChange(l.onChange).Body(
			app.Range(l.Offered).Slice(func(i int) app.UI {
				code := l.Offered[i]
				opt := app.Option().Value(code).Lang(code).Text(languageNames[code])
				if code == l.Lang {
					// Only when true: go-app prints selected="false" in
					// prerendered HTML, which browsers read as selected.
					opt = opt.Selected(true)
				}
				return opt
			}),
		),
	)
}
