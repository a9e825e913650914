package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
)

// home is the landing page: what this tool is, then what the device supports.
type home struct {
	app.Compo

	config Config
	lang   string

	probeStatus status
	facts       diag.Facts
	// ceremonies are the finished tests, in the order they ran.
	ceremonies []diag.CeremonyFacts
	diagnosis  diag.Diagnosis
}

func newHome(cfg Config) *home { return &home{config: cfg, lang: "en", probeStatus: idle} }

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
			h.facts = s
			h.probeStatus = done
			h.rediagnose()
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
		newNetworkNotice(),
		newEmbedNotice().WithFacts(h.probeStatus, h.facts, h.diagnosis.Platform, h.config),
		newCapabilityPanel().WithFacts(h.probeStatus, h.facts),
		app.Section().ID("tests").Aria("labelledby", "tests-title").Body(
			app.H2().ID("tests-title").Text("Test your sign-in"),
			app.P().Class("lead").Text("Each test makes a throwaway test passkey and signs in with it. Nothing about you is stored."),
			app.Range(testKinds).Slice(func(i int) app.UI {
				k := testKinds[i]
				return newTestCard().WithKind(k.kind, k.title, k.intro, h.onTestDone).
					WithAdvice(adviceFor(h.baseFacts(), h.ceremonies, string(k.kind)), h.lang)
			}),
		),
	)
}

// testKinds are the four tests in the order a person meets them.
var testKinds = []struct {
	kind         ceremony.Kind
	title, intro string
}{
	{ceremony.KindPlatform, "This device's PIN, fingerprint or face", "Tests Windows Hello, Touch ID, Face ID or your phone's screen lock. Your browser will ask you to confirm."},
	{ceremony.KindSecurityKey, "A security key", "Tests a USB, NFC or Bluetooth security key. Have it ready to plug in or tap."},
	{ceremony.KindPhone, "Your phone", "Tests signing in here with a passkey on your phone: scan the QR code your browser shows."},
	{ceremony.KindExisting, "The test passkey from before", "Checks whether the test passkey made earlier on this device still works."},
}

func (h *home) onTestDone(_ app.Context, o probe.Outcome) {
	h.ceremonies = append(h.ceremonies, o.Facts)
	h.rediagnose()
	h.Update() // the test's own card dispatched; the page must re-render too
}

// rediagnose runs the engine over everything known so far.
func (h *home) rediagnose() {
	f := h.baseFacts()
	f.Ceremonies = h.ceremonies
	h.diagnosis = diag.Diagnose(f)
	announce(h.config, h.diagnosis)
}

// baseFacts is what is known of the device without any test.
func (h *home) baseFacts() diag.Facts {
	f := h.facts
	f.Policy = h.config.Policy
	return f
}
