package ui

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// home is the whole self-help flow on one page: the verdict, what the
// device supports, the live tests, a few questions, the steps one at a
// time, and the report for IT.
type home struct {
	app.Compo

	config Config
	lang   string
	ref    string

	probeStatus status
	facts       diag.Facts
	// ceremonies are the finished tests, in the order they ran.
	ceremonies []diag.CeremonyFacts
	answers    diag.Answers
	diagnosis  diag.Diagnosis
	// guidePos is the step shown (or guideSuccess / guideContact); tried
	// are the steps the person went through, for the report.
	guidePos int
	tried    []report.Attempt
	// reported is set once the visit's diagnosis went to the server's
	// metrics; stopPagehide removes the listener that sends it.
	reported     bool
	stopPagehide func()
}

func newHome(cfg Config) *home {
	return &home{config: cfg, lang: pickLang("", nil, cfg.Languages), probeStatus: idle}
}

// OnPreRender picks the language and ticket reference from the URL for the
// server's first HTML.
func (h *home) OnPreRender(ctx app.Context) {
	h.readURL(ctx, nil)
}

// OnMount reads the URL and the browser's languages, then starts the
// capability probe. On the server, which only prerenders, there is nothing
// to ask.
func (h *home) OnMount(ctx app.Context) {
	if !app.IsClient || h.probeStatus != idle {
		return
	}
	h.readURL(ctx, browserLanguages())
	h.stopPagehide = app.Window().AddEventListener("pagehide", h.onPagehide)
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

// OnDismount removes the pagehide listener.
func (h *home) OnDismount() {
	if h.stopPagehide != nil {
		h.stopPagehide()
	}
}

// onPagehide reports this visit's anonymous diagnosis to the server's
// metrics, once, as the person leaves.
func (h *home) onPagehide(app.Context, app.Event) {
	if h.reported || h.probeStatus != done {
		return
	}
	h.reported = true
	if b, err := json.Marshal(h.diagnosis); err == nil {
		probe.Beacon(ceremony.PathDiagnosis, b)
	}
}

func (h *home) readURL(ctx app.Context, browser []string) {
	q := ctx.Page().URL().Query()
	h.lang = pickLang(q.Get("lang"), browser, h.config.Languages)
	h.ref = report.CleanRef(q.Get("ref"))
	ctx.Page().SetLang(h.lang)
}

func browserLanguages() []string {
	langs := app.Window().Get("navigator").Get("languages")
	out := make([]string, 0, langs.Length())
	for i := 0; i < langs.Length(); i++ {
		out = append(out, langs.Index(i).String())
	}
	return out
}

func (h *home) Render() app.UI {
	android := h.diagnosis.Platform.OS == diag.OSAndroid
	return app.Main().Class("page").Body(
		app.Header().Class("masthead").Body(
			app.Img().Src("/web/icon.svg").Alt(""),
			app.H1().Text(title(h.config)),
			newLanguageSwitch().With(h.lang, offered(h.config), h.onLang),
		),
		app.P().Class("lead").Text(tr(h.lang, "ui.lead")),
		newNetworkNotice(h.lang),
		newEmbedNotice().WithFacts(h.probeStatus, h.facts, h.diagnosis.Platform, h.config, h.lang),
		newVerdictSummary().With(h.lang, h.probeStatus, h.diagnosis, h.answers.OSVersion, h.onOSVersion),
		newCapabilityPanel().WithFacts(h.probeStatus, h.facts, h.lang),
		app.Section().ID("tests").Aria("labelledby", "tests-title").Body(
			app.H2().ID("tests-title").Text(tr(h.lang, "ui.tests.title")),
			app.P().Class("lead").Text(tr(h.lang, "ui.tests.lead")),
			app.Range(testKinds).Slice(func(i int) app.UI {
				k := testKinds[i]
				return newTestCard().WithKind(k, h.onTestDone).
					WithAdvice(adviceFor(h.baseFacts(), h.ceremonies, string(k)), h.lang)
			}),
		),
		newQuestions().With(h.lang, h.answers, android, h.onAnswers),
		newGuide().With(h.lang, h.diagnosis.Steps, h.config, h.guidePos, h.tried, h.onGuide),
		newReportView().With(h.lang, h.config, h.ref, h.allFacts(), h.diagnosis, h.tried),
		app.Footer().Class("privacy").Body(app.P().Text(tr(h.lang, "ui.privacy"))),
	)
}

// title is the organisation's name for its Passkey Doctor.
func title(c Config) string {
	if c.Organization == "" || c.Organization == "Passkey Doctor" {
		return "Passkey Doctor"
	}
	return c.Organization + " · Passkey Doctor"
}

func offered(c Config) []string {
	if len(c.Languages) == 0 {
		return []string{"en", "de", "fr", "es"}
	}
	return c.Languages
}

// testKinds are the four tests in the order a person meets them.
var testKinds = []ceremony.Kind{ceremony.KindPlatform, ceremony.KindSecurityKey, ceremony.KindPhone, ceremony.KindExisting}

func (h *home) onLang(ctx app.Context, lang string) {
	h.lang = pickLang(lang, nil, h.config.Languages)
	ctx.Page().SetLang(h.lang)
	u := ctx.Page().URL()
	q := u.Query()
	q.Set("lang", h.lang)
	u.RawQuery = q.Encode()
	app.Window().Get("history").Call("replaceState", nil, "", u.String())
	h.Update()
}

func (h *home) onTestDone(_ app.Context, o probe.Outcome) {
	h.ceremonies = append(h.ceremonies, o.Facts)
	h.rediagnose()
	h.Update() // the test's own card dispatched; the page must re-render too
}

func (h *home) onAnswers(_ app.Context, a diag.Answers) {
	h.answers = a
	h.rediagnose()
	h.Update()
}

func (h *home) onOSVersion(_ app.Context, v string) {
	h.answers.OSVersion = v
	h.rediagnose()
	h.Update()
}

func (h *home) onGuide(_ app.Context, pos int, tried []report.Attempt) {
	h.guidePos, h.tried = pos, tried
	h.Update()
}

// rediagnose runs the engine over everything known so far and keeps the
// guide on the step it showed, if that step is still advised.
func (h *home) rediagnose() {
	var current diag.StepCode
	if h.guidePos >= 0 && h.guidePos < len(h.diagnosis.Steps) {
		current = h.diagnosis.Steps[h.guidePos].Code
	}
	h.diagnosis = diag.Diagnose(h.allFacts())
	if h.guidePos >= 0 {
		h.guidePos = 0
		for i, s := range h.diagnosis.Steps {
			if s.Code == current {
				h.guidePos = i
			}
		}
	}
	announce(h.config, h.diagnosis)
}

// baseFacts is what is known of the device without any test.
func (h *home) baseFacts() diag.Facts {
	f := h.facts
	f.Policy = h.config.Policy
	f.Answers = h.answers
	return f
}

// allFacts is everything known: device, tests, answers, policy.
func (h *home) allFacts() diag.Facts {
	f := h.baseFacts()
	f.Ceremonies = h.ceremonies
	return f
}
