package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// StaticEnv is the go-app environment variable a static export sets: the
// page is served as plain files, with no ceremony API behind it.
const StaticEnv = "PASSKEY_DOCTOR_STATIC"

// networkNotice says what still works and what needs the network when the
// page runs offline (an installed app after one visit) or from a static
// host with no server.
type networkNotice struct {
	app.Compo

	Lang string

	online bool
	stop   []func()
}

func newNetworkNotice(lang string) *networkNotice {
	return &networkNotice{Lang: lang, online: true}
}

func (n *networkNotice) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	n.online = app.Window().Get("navigator").Get("onLine").Bool()
	n.stop = append(n.stop,
		app.Window().AddEventListener("online", func(app.Context, app.Event) { n.setOnline(true) }),
		app.Window().AddEventListener("offline", func(app.Context, app.Event) { n.setOnline(false) }),
	)
}

// setOnline runs on the UI goroutine (go-app's window event handler); the
// notice has no inputs, so it re-renders itself.
func (n *networkNotice) setOnline(online bool) {
	n.online = online
	n.Update()
}

func (n *networkNotice) OnDismount() {
	for _, stop := range n.stop {
		stop()
	}
	n.stop = nil
}

func (n *networkNotice) Render() app.UI {
	static := app.Getenv(StaticEnv) != ""
	state := "online"
	switch {
	case !n.online:
		state = "offline"
	case static:
		state = "static"
	}
	section := app.Section().ID("network").DataSet("network", state)
	if state == "online" {
		return section
	}
	title := "ui.net.offline"
	if state == "static" {
		title = "ui.net.static"
	}
	return section.Class("card").Aria("labelledby", "network-title").Aria("live", "polite").Body(
		app.H2().ID("network-title").Text(tr(n.Lang, title)),
		app.P().Text(tr(n.Lang, "ui.net.works")),
		app.P().ID("network-needed").Text(tr(n.Lang, "ui.net.needed")),
	)
}
