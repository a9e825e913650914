package ui

import (
	"encoding/json"
	"math"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// The postMessage API of an embedded page. Messages go only to parent
// origins the admin allowed (Config.EmbedOrigins), never to "*": the
// diagnosis describes the person's device.
const (
	// MessageDiagnosis carries the diagnosis, on every change, as the
	// `diagnose` command prints it.
	MessageDiagnosis = "passkey-doctor.diagnosis"
	// MessageResize carries the page's height in CSS pixels, for an
	// auto-height iframe.
	MessageResize = "passkey-doctor.resize"
	// MessageVersion is the schema version of MessageDiagnosis.
	MessageVersion = 1
)

// diagnosisMessage is {type, version, diagnosis}.
type diagnosisMessage struct {
	Type      string         `json:"type"`
	Version   int            `json:"version"`
	Diagnosis diag.Diagnosis `json:"diagnosis"`
}

// resizeMessage is {type, height}.
type resizeMessage struct {
	Type   string `json:"type"`
	Height int    `json:"height"`
}

// announce tells whoever should know about a new diagnosis: the parent page
// when framed under an allowed origin, and the framed page that opened this
// window ("Open in a new window").
func announce(cfg Config, d diag.Diagnosis) {
	if !app.IsClient {
		return
	}
	msg := diagnosisMessage{Type: MessageDiagnosis, Version: MessageVersion, Diagnosis: d}
	postToParent(cfg.EmbedOrigins, msg)
	postToOpener(msg)
}

// postToParent posts msg to the parent window under each allowed origin;
// the browser delivers it only when the parent's origin is that one. Where
// the browser names the parent (location.ancestorOrigins), an origin that
// is not allowed gets nothing at all.
func postToParent(allowed []string, msg any) {
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win.Get("self")) {
		return
	}
	targets := parentTargets(allowed, ancestorOrigin(win))
	if len(targets) == 0 {
		return
	}
	v, ok := jsValue(msg)
	if !ok {
		return
	}
	for _, origin := range targets {
		parent.Call("postMessage", v, origin)
	}
}

// parentTargets are the target origins to post to: the known parent's when
// it is allowed, else every allowed one (the browser filters). Never "*".
func parentTargets(allowed []string, parent string) []string {
	var out []string
	for _, o := range allowed {
		o = strings.TrimSuffix(o, "/")
		if o == "" || o == "*" {
			continue
		}
		if parent != "" && o != parent {
			continue
		}
		out = append(out, o)
	}
	return slices.Compact(out)
}

// ancestorOrigin is the parent's origin where the browser tells it
// (Chromium and Safari), else "".
func ancestorOrigin(win app.Value) string {
	ao := win.Get("location").Get("ancestorOrigins")
	if !ao.Truthy() || ao.Length() == 0 {
		return ""
	}
	return ao.Index(0).String()
}

// postToOpener reports to the framed page that opened this window, which
// has this page's own origin; any other opener gets nothing.
func postToOpener(msg any) {
	win := app.Window()
	opener := win.Get("opener")
	if !opener.Truthy() {
		return
	}
	v, ok := jsValue(msg)
	if !ok {
		return
	}
	opener.Call("postMessage", v, win.Get("location").Get("origin").String())
}

// jsValue turns msg into a plain JavaScript object, as a parent's message
// handler expects it (not a JSON string).
func jsValue(msg any) (app.Value, bool) {
	b, err := json.Marshal(msg)
	if err != nil {
		return nil, false
	}
	return app.Window().Get("JSON").Call("parse", string(b)), true
}

// watchHeight posts the page's height to the parent whenever it changes,
// and returns the function that stops watching.
func watchHeight(allowed []string) func() {
	win := app.Window()
	ro := win.Get("ResizeObserver")
	doc := win.Get("document")
	if !ro.Truthy() || len(parentTargets(allowed, ancestorOrigin(win))) == 0 {
		return func() {}
	}
	target := doc.Call("querySelector", "main")
	if !target.Truthy() {
		target = doc.Get("documentElement")
	}
	last := -1
	cb := app.FuncOf(func(app.Value, []app.Value) any {
		// The bottom of the content, not the body: the body is at least
		// as tall as the iframe, so it could only ever grow.
		h := int(math.Ceil(target.Call("getBoundingClientRect").Get("bottom").Float() + win.Get("scrollY").Float()))
		if h != last {
			last = h
			postToParent(allowed, resizeMessage{Type: MessageResize, Height: h})
		}
		return nil
	})
	obs := ro.New(cb)
	obs.Call("observe", target)
	return func() {
		obs.Call("disconnect")
		cb.Release()
	}
}

// embedding is what the page should tell the person and the portal admin
// about being framed.
type embedding int

const (
	// notEmbedded: top-level, or framed by its own origin.
	notEmbedded embedding = iota
	// delegated: a cross-origin frame whose parent allows the ceremonies.
	delegated
	// notDelegated: the parent did not add the allow attribute.
	notDelegated
	// webKitFrame: Safari (and every iOS browser) never creates passkeys
	// in a cross-origin frame, whatever the parent allows.
	webKitFrame
)

// embeddingOf reads the probe's facts and the platform.
// Safari exposes no permissions-policy introspection, so its answers stay
// unknown; its platform decides.
// Source: https://w3c.github.io/webauthn/#sctn-permissions-policy-integration
// and issue 6 item 2 (WebKit allows get(), not create(), in cross-origin iframes)
func embeddingOf(w *diag.Probe, p diag.Platform) embedding {
	if w == nil || w.Framed != diag.Yes || w.CrossOriginFrame != diag.Yes {
		return notEmbedded
	}
	if w.PublicKeyCredentialsCreate == diag.No || w.PublicKeyCredentialsGet == diag.No {
		return notDelegated
	}
	if p.Browser == diag.BrowserSafari || p.OS == diag.OSIOS || p.OS == diag.OSIPadOS {
		return webKitFrame
	}
	return delegated
}

// allowAttribute is the iframe attribute the portal must add, naming this
// page's origin.
// Source: https://w3c.github.io/webauthn/#sctn-permissions-policy
func allowAttribute(origin string) string {
	return `allow="publickey-credentials-get ` + origin + `; publickey-credentials-create ` + origin + `"`
}
