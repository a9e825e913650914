package ui

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// embedNotice speaks to people who meet the page inside a portal. When the
// portal does not delegate the ceremonies (or the browser is Safari, which
// never creates passkeys in a cross-origin frame), it shows the portal's
// administrator the iframe attribute to add and offers the person "Open in a
// new window"; the window runs the tests and reports its diagnosis back,
// and this notice shows it. It also keeps an auto-height parent told of the
// page's height.
type embedNotice struct {
	app.Compo

	Status   status
	Facts    diag.Facts
	Platform diag.Platform
	Config   Config
	Lang     string

	stopHeight   func()
	stopMessages func()
	// popup is the window this frame opened; only its messages count.
	popup        app.Value
	popupBlocked bool
	fromWindow   *diag.Diagnosis
}

func newEmbedNotice() *embedNotice { return &embedNotice{} }

// WithFacts sets the notice's inputs: the probe's state and facts, the
// platform the engine identified and the page's configuration.
func (n *embedNotice) WithFacts(s status, f diag.Facts, p diag.Platform, cfg Config, lang string) *embedNotice {
	n.Status, n.Facts, n.Platform, n.Config, n.Lang = s, f, p, cfg, lang
	return n
}

func (n *embedNotice) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	n.stopHeight = watchHeight(n.Config.EmbedOrigins)
	n.stopMessages = app.Window().AddEventListener("message", n.onMessage)
}

func (n *embedNotice) OnDismount() {
	for _, stop := range []func(){n.stopHeight, n.stopMessages} {
		if stop != nil {
			stop()
		}
	}
	n.stopHeight, n.stopMessages = nil, nil
}

func (n *embedNotice) onOpen(ctx app.Context, _ app.Event) {
	win := app.Window()
	n.popup = win.Call("open", win.Get("location").Get("href").String(), "_blank")
	n.popupBlocked = !n.popup.Truthy()
}

// onMessage takes the diagnosis the new window reports: from this page's own
// origin, and from the window this frame opened, nothing else.
func (n *embedNotice) onMessage(ctx app.Context, e app.Event) {
	win := app.Window()
	if n.popup == nil || !n.popup.Truthy() || !e.Get("source").Equal(n.popup) ||
		e.Get("origin").String() != win.Get("location").Get("origin").String() {
		return
	}
	var msg diagnosisMessage
	raw := win.Get("JSON").Call("stringify", e.Get("data")).String()
	if json.Unmarshal([]byte(raw), &msg) != nil || msg.Type != MessageDiagnosis || msg.Version != MessageVersion {
		return
	}
	n.fromWindow = &msg.Diagnosis
	n.Update()
	// The portal hears the window's findings as if they were this frame's.
	postToParent(n.Config.EmbedOrigins, msg)
}

func (n *embedNotice) Render() app.UI {
	kind := notEmbedded
	state := "unknown"
	if n.Status == done {
		kind = embeddingOf(n.Facts.WebAuthn, n.Platform)
		state = embeddingNames[kind]
	}
	section := app.Section().ID("embedding").DataSet("embedding", state)
	if kind != notDelegated && kind != webKitFrame && n.fromWindow == nil {
		return section
	}
	origin := app.Window().Get("location").Get("origin").String()
	href := app.Window().Get("location").Get("href").String()
	return section.Class("card").Aria("labelledby", "embedding-title").Body(
		app.If(kind == webKitFrame,
			app.H2().ID("embedding-title").Text(tr(n.Lang, "ui.embed.webkitTitle")),
			app.P().Text(tr(n.Lang, "ui.embed.webkitText")),
		).Else(
			app.H2().ID("embedding-title").Text(tr(n.Lang, "ui.embed.blockedTitle")),
			app.P().Text(tr(n.Lang, "ui.embed.blockedText")),
		),
		app.Button().ID("open-in-new-window").Class("button").OnClick(n.onOpen).Text(tr(n.Lang, "ui.embed.open")),
		app.If(n.popupBlocked,
			app.P().ID("open-in-new-window-blocked").Class("warning").Text(tr(n.Lang, "ui.embed.blockedPopup", "url", href)),
		),
		n.renderFromWindow(),
		app.If(kind == notDelegated,
			app.Details().Class("details").Body(
				app.Summary().Text(tr(n.Lang, "ui.embed.admin")),
				app.P().Text(tr(n.Lang, "ui.embed.adminText")),
				app.Pre().ID("embed-allow-attribute").Class("raw").Text(allowAttribute(origin)),
			),
		),
	)
}

// embeddingNames are the data-embedding values tests and portals read.
var embeddingNames = map[embedding]string{
	notEmbedded:  "none",
	delegated:    "delegated",
	notDelegated: "not-delegated",
	webKitFrame:  "webkit",
}

// renderFromWindow shows what the tests in the new window found.
func (n *embedNotice) renderFromWindow() app.UI {
	if n.fromWindow == nil {
		if n.popup != nil && n.popup.Truthy() {
			return app.P().ID("window-diagnosis").Class("status").DataSet("state", string(running)).
				Text(tr(n.Lang, "ui.embed.waiting"))
		}
		return app.Text("")
	}
	results := n.fromWindow.Ceremonies
	return app.Div().ID("window-diagnosis").DataSet("state", string(done)).Aria("live", "polite").Body(
		app.H3().Text(tr(n.Lang, "ui.embed.found")),
		app.If(len(results) == 0, app.P().Class("status").Text(tr(n.Lang, "ui.embed.none"))),
		app.Ul().Class("facts").Body(
			app.Range(results).Slice(func(i int) app.UI {
				r := results[i]
				title := tr(n.Lang, "ui.test."+r.Kind+".title")
				text := tr(n.Lang, "ui.embed.works", "test", title)
				li := app.Li().Class("fact").DataSet("kind", r.Kind).DataSet("outcome", r.Outcome)
				if r.Cause != nil {
					li = li.DataSet("cause", string(*r.Cause))
					text = tr(n.Lang, "ui.embed.failed", "test", title, "cause", tr(n.Lang, "cause."+string(*r.Cause)))
				}
				return li.Text(text)
			}),
		),
	)
}
