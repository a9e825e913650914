package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
)

// testCredentialKey is where the sealed test credential lives in
// localStorage, for the existing-passkey test on a later visit. Storage in a
// cross-site iframe is partitioned by the top-level site, so one saved while
// embedded is not seen when the page is opened directly.
const testCredentialKey = "passkey-doctor.test-credential"

// storedCredential is the page's memory of its latest test passkey.
type storedCredential struct {
	Token string `json:"token"`
	ID    string `json:"id"`
}

func loadTestCredentials(ctx app.Context) []string {
	var c storedCredential
	if err := ctx.LocalStorage().Get(testCredentialKey, &c); err != nil || c.Token == "" {
		return nil
	}
	return []string{c.Token}
}

// keepTestCredential remembers the latest test passkey. Only one is kept:
// the one it replaces is signalled as unknown so the person's passkey
// provider can drop it from their list.
func keepTestCredential(ctx app.Context, r *ceremony.FinishResponse) {
	var old storedCredential
	_ = ctx.LocalStorage().Get(testCredentialKey, &old)
	id := r.CredentialID.String()
	_ = ctx.LocalStorage().Set(testCredentialKey, storedCredential{Token: r.Credential, ID: id})
	if old.ID == "" || old.ID == id {
		return
	}
	rpID := app.Window().URL().Hostname()
	ctx.Async(func() {
		if raw, err := ceremony.DecodeBase64URL(old.ID); err == nil {
			probe.Browser{}.SignalUnknownCredential(ctx, rpID, raw)
		}
	})
}

// newTester talks to the server the page came from, and runs the tests in
// the page alone when that server does not answer (offline, a static host).
func newTester() probe.Tester {
	u := app.Window().URL()
	origin := u.Scheme + "://" + u.Host
	return probe.Tester{
		API: probe.Fallback{
			Server: serverClient(),
			Local:  probe.LocalAPI{Origin: origin, RPID: u.Hostname()},
		},
		Authenticator: probe.Browser{},
	}
}

// serverClient calls the API of the server the page came from.
func serverClient() probe.Client {
	u := app.Window().URL()
	return probe.Client{Base: u.Scheme + "://" + u.Host}
}
