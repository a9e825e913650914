package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
)

const agentDone = `#agent-diagnosis[data-state="done"]`

// agentShown is what the agent view shows, read from its data attributes.
type agentShown struct {
	OS       string
	Tests    []map[string]string // kind, outcome, cause
	Findings []map[string]string // code, severity, text
	Steps    []string
}

// readAgent collects what #agent-diagnosis shows.
func readAgent(tab *browsertest.Tab) agentShown {
	const js = `({
		os: document.querySelector("#agent-platform").dataset.os,
		tests: [...document.querySelectorAll("#agent-tests > li")].map(li => ({kind: li.dataset.kind, outcome: li.dataset.outcome, cause: li.dataset.cause})),
		findings: [...document.querySelectorAll("#agent-findings > li")].map(li => ({code: li.dataset.code, severity: li.dataset.severity, text: li.querySelector(".finding-text").textContent})),
		steps: [...document.querySelectorAll("#agent-steps > li")].map(li => li.dataset.step),
	})`
	return browsertest.Run(tab, chromedp.Evaluate[agentShown](js))
}

// wantShown is what the agent view must show for facts, in lang: the
// engine's own diagnosis of the same facts.
func wantShown(f diag.Facts, lang string) agentShown {
	d := diag.Diagnose(f)
	w := agentShown{OS: d.Platform.OS, Tests: []map[string]string{}, Findings: []map[string]string{}, Steps: []string{}}
	for _, c := range d.Ceremonies {
		cause := ""
		if c.Cause != nil {
			cause = string(*c.Cause)
		}
		w.Tests = append(w.Tests, map[string]string{"kind": c.Kind, "outcome": c.Outcome, "cause": cause})
	}
	for _, fd := range d.Findings {
		w.Findings = append(w.Findings, map[string]string{"code": string(fd.Code), "severity": string(fd.Severity),
			"text": catalog.Text(lang, "finding."+string(fd.Code), fd.Params)})
	}
	for _, s := range d.Steps {
		w.Steps = append(w.Steps, string(s.Code))
	}
	return w
}

func TestBrowserAgentViewShowsTheDiagnosisThePersonSaw(t *testing.T) {
	url := startServer(t)
	tab := browsertest.Start(t)
	for _, name := range []string{"windows-orphaned-passkey", "android-reduced-work-profile", "iphone-facebook-in-app"} {
		t.Run(name, func(t *testing.T) {
			facts := capturedFacts(t, name)
			r := report.New(time.Date(2026, 3, 2, 9, 41, 0, 0, time.UTC), "INC0012345", "en", facts,
				[]report.Attempt{{Step: diag.StepReloadPage, Result: report.Stuck}})
			code, err := report.Encode(r)
			if err != nil {
				t.Fatal(err)
			}
			tab.Open(report.AgentURL(url, code)+"&x=1", agentDone)
			// Only the fragment changes between cases: wait for this report.
			ua, _ := json.Marshal(r.Facts.UA)
			waitUntil(tab, `document.getElementById("report-json").textContent.includes(`+string(ua)+`)`)
			if diff := cmp.Diff(wantShown(r.Facts, "en"), readAgent(tab)); diff != "" {
				t.Errorf("the agent view differs from the engine (-want +got):\n%s", diff)
			}
			var shown report.Report
			if err := json.Unmarshal([]byte(browsertest.Run(tab, chromedp.TextContent(chromedp.ID("report-json")))), &shown); err != nil {
				t.Fatalf("#report-json: %v", err)
			}
			if diff := cmp.Diff(r, shown); diff != "" {
				t.Errorf("#report-json differs from the report (-want +got):\n%s", diff)
			}
			if got := tab.Attr(`#agent-tried > li`, "data-result"); got != "stuck" {
				t.Errorf("step tried shows result %q, want stuck", got)
			}
			if name == "windows-orphaned-passkey" && *screenshots {
				tab.Screenshot(filepath.Join("..", "testdata", "screenshots", "agent-desktop.png"))
			}
		})
	}
	if p := tab.Problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}

func TestBrowserAgentViewDecodesAPastedCode(t *testing.T) {
	facts := capturedFacts(t, "windows-orphaned-passkey")
	code, err := report.Encode(report.New(time.Now(), "INC1", "en", facts, nil))
	if err != nil {
		t.Fatal(err)
	}
	url := startServer(t)
	tab := browsertest.Start(t)
	tab.Open(url+"/agent?lang=de", `#agent-diagnosis[data-state="idle"]`)

	// A damaged code says so, in German, and shows no diagnosis.
	tab.Do(
		chromedp.SendKeys(chromedp.ID("agent-code"), code[:len(code)-10]),
		chromedp.Click(chromedp.ID("agent-decode")),
		chromedp.WaitReady(chromedp.CSS(`#agent-diagnosis[data-state="error"]`)),
	)
	if got, want := tab.Text("#agent-error"), catalog.Text("de", "agent.error.damaged", nil); got != want {
		t.Errorf("#agent-error = %q, want %q", got, want)
	}

	// The whole code, pasted with an e-mail's line break, decodes.
	tab.Do(
		chromedp.Evaluate[chromedp.Void](`document.getElementById("agent-code").value = ""`),
		chromedp.SendKeys(chromedp.ID("agent-code"), code[:50]+"\n"+code[50:]),
		chromedp.Click(chromedp.ID("agent-decode")),
		chromedp.WaitReady(chromedp.CSS(agentDone)),
	)
	if diff := cmp.Diff(wantShown(facts, "de"), readAgent(tab)); diff != "" {
		t.Errorf("the agent view differs from the engine (-want +got):\n%s", diff)
	}
	if tab.Text("#agent-error") != "" {
		t.Errorf("an error is still shown: %q", tab.Text("#agent-error"))
	}
}
