package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// FirstVerdict renders the verdict section from what a request alone says
// (User-Agent and client hints), for the server's first HTML: a person on a
// slow link reads it before app.wasm arrives. The page redraws it once it
// has asked the browser itself. queryLang is ?lang=, acceptLanguage the
// browser's languages in order of preference.
func FirstVerdict(cfg Config, queryLang string, acceptLanguage []string, f diag.Facts) string {
	f.Policy = cfg.Policy
	v := &verdictSummary{
		Lang:       pickLang(queryLang, acceptLanguage, cfg.Languages),
		Status:     done,
		Diagnosis:  diag.Diagnose(f),
		fromServer: true,
	}
	return app.HTMLString(v.Render())
}
