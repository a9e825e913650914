package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// localOnlyNote says plainly when a test that worked was checked by the
// page alone (offline, or a static host): the flags, the user verification
// and the credential id are real, but no server verified the signature.
func localOnlyNote(lang, id string, r *ceremony.FinishResponse) app.UI {
	if r == nil || !r.LocalOnly {
		return app.Text("")
	}
	return app.P().ID(id + "-test-local-only").Class("warning").Text(tr(lang, "ui.test.localOnly"))
}
