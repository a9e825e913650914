package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/probe"
)

// home is the landing page: what this tool is, then what the device supports.
type home struct {
	app.Compo

	probeStatus status
	snapshot    probe.Snapshot
}

func newHome() *home { return &home{probeStatus: idle} }

// OnMount starts the capability probe in the browser. On the server, which
// only prerenders, there is nothing to ask.
func (h *home) OnMount(ctx app.Context) {
	if !app.IsClient || h.probeStatus != idle {
		return
	}
	h.probeStatus = running
	ctx.Async(func() {
		s := probe.Run(ctx)
		ctx.Dispatch(func(app.Context) {
			h.snapshot = s
			h.probeStatus = done
		})
	})
}

func (h *home) Render() app.UI {
	return app.Main().Class("page").Body(
		app.Header().Class("masthead").Body(
			app.Img().Src("/web/icon.svg").Alt(""),
			app.H1().Text("Passkey Doctor"),
		),
		app.P().Class("lead").Text("This page finds out why signing in with a passkey, a PIN (Windows Hello), a fingerprint, your face or a security key does not work on this device, and shows you how to fix it."),
		newCapabilityPanel().WithSnapshot(h.probeStatus, h.snapshot),
	)
}
