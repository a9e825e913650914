package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

// reportJSON reads the report the page shows in #report-json.
func reportJSON(t *testing.T, tab *browsertest.Tab) report.Report {
	t.Helper()
	raw := browsertest.Run(tab, chromedp.Evaluate[string](`document.getElementById("report-json").textContent`))
	var r report.Report
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		t.Fatalf("#report-json is not a report: %v\n%s", err, raw)
	}
	return r
}

// waitUntil waits for a JavaScript condition on the page: go-app applies
// an event's state change on its next render, not within the click.
func waitUntil(tab *browsertest.Tab, condition string) {
	browsertest.Run(tab, chromedp.Poll[bool](condition))
}

// reportHas waits until #report-json contains every fragment.
func reportHas(tab *browsertest.Tab, fragments ...string) {
	for _, f := range fragments {
		js, _ := json.Marshal(f)
		waitUntil(tab, `document.getElementById("report-json").textContent.includes(`+string(js)+`)`)
	}
}

func guideState(tab *browsertest.Tab) string { return tab.Attr("#guide", "data-state") }

func TestBrowserGuidedFixEndsInContactITOrSuccess(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.Open(url+"/?ref=INC0012345", panelDone) // no authenticator at all
	if outcome, _, text := runTest(tab, "platform"); outcome != "failed" {
		t.Fatalf("platform test without an authenticator: %s", text)
	}
	if got := guideState(tab); got != "step" {
		t.Fatalf("guide state = %q, want step", got)
	}
	total := len(reportJSON(t, tab).Facts.Ceremonies)
	if total != 1 {
		t.Fatalf("report has %d tests, want 1", total)
	}
	progress := tab.Text("#guide-progress")
	var n, steps int
	if _, err := fmt.Sscanf(progress, "Step %d of %d", &n, &steps); err != nil || n != 1 || steps < 2 {
		t.Fatalf("progress = %q, want Step 1 of N with N >= 2", progress)
	}

	// Still stuck on every step ends in Contact IT.
	for i := 1; i <= steps; i++ {
		tab.Do(chromedp.Click(chromedp.ID("step-stuck")))
		if i < steps {
			waitUntil(tab, fmt.Sprintf(`(document.getElementById("guide-progress") || {}).textContent === "Step %d of %d"`, i+1, steps))
		}
	}
	tab.Do(chromedp.WaitReady(chromedp.CSS(`#guide[data-state="contact"]`)))
	r := reportJSON(t, tab)
	if len(r.Tried) != steps || r.Tried[0].Result != report.Stuck {
		t.Errorf("report tried = %+v, want %d stuck steps", r.Tried, steps)
	}
	if r.Ref != "INC0012345" {
		t.Errorf("report ref = %q, want the ticket from ?ref=", r.Ref)
	}

	// Back to the last step; "That worked" ends in success.
	tab.Do(
		chromedp.Click(chromedp.ID("step-back")),
		chromedp.WaitReady(chromedp.CSS(`#guide[data-state="step"]`)),
		chromedp.Click(chromedp.ID("step-worked")),
		chromedp.WaitReady(chromedp.CSS(`#guide[data-state="success"]`)),
	)
	r = reportJSON(t, tab)
	if last := r.Tried[len(r.Tried)-1]; last.Result != report.Worked {
		t.Errorf("last attempt = %+v, want worked", last)
	}
}

func TestBrowserAnswersChangeTheDiagnosisAndStayPrivate(t *testing.T) {
	url := startServer(t)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)

	tab.Do(
		chromedp.Click(chromedp.ID("q-account-personal")),
		chromedp.Click(chromedp.ID("q-message-other")),
		chromedp.WaitReady(chromedp.ID("q-message-text")),
		chromedp.SendKeys(chromedp.ID("q-message-text"), "Error 500 for jane.doe@contoso.example"),
		chromedp.Click(chromedp.ID("q-other-method-yes")), // leaving the box fires its change
	)
	reportHas(tab, `"accountType": "personal"`, `"otherMethodWorks": "yes"`, `Error 500`)
	r := reportJSON(t, tab)
	if r.Facts.Answers.AccountType != "personal" || r.Facts.Answers.OtherMethodWorks != "yes" {
		t.Errorf("answers = %+v", r.Facts.Answers)
	}
	if strings.Contains(r.Facts.Answers.Message, "jane.doe") || !strings.Contains(r.Facts.Answers.Message, "Error 500") {
		t.Errorf("message in the report = %q, want the text without the e-mail address", r.Facts.Answers.Message)
	}
	if got := tab.Attr(`#guide`, "data-state"); got != "step" {
		t.Fatalf("guide state = %q after answering personal account, want steps", got)
	}
	if step := tab.Attr("#guide-step", "data-step"); step == "" {
		t.Error("no step shown")
	}
}

func TestBrowserLanguageFromTheLinkAndTheSwitch(t *testing.T) {
	url := startServer(t)
	tab := browsertest.Start(t)
	tab.Open(url+"/?lang=de&ref=INC1", panelDone)
	if got := browsertest.Run(tab, chromedp.Evaluate[string](`document.documentElement.lang`)); got != "de" {
		t.Errorf("<html lang> = %q, want de", got)
	}
	if got := tab.Text("#tests-title"); got != "Anmeldung testen" {
		t.Errorf("#tests-title = %q, want German", got)
	}
	tab.Do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("language"); s.value = "fr"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`))
	tab.Do(chromedp.WaitReady(chromedp.CSS(`html[lang="fr"]`)))
	if got := tab.Text("#tests-title"); got != "Tester votre connexion" {
		t.Errorf("#tests-title = %q, want French", got)
	}
	if got := browsertest.Run(tab, chromedp.Evaluate[string](`location.search`)); !strings.Contains(got, "lang=fr") || !strings.Contains(got, "ref=INC1") {
		t.Errorf("location.search = %q, want lang=fr with the ref kept", got)
	}
}

// pressTab moves the keyboard focus once.
func pressTab(tab *browsertest.Tab) {
	tab.Do(chromedp.KeyEvent("\t"))
}

// tabTo presses Tab until the element with id has the focus, as a keyboard
// user would, and fails if it is not reachable.
func tabTo(t *testing.T, tab *browsertest.Tab, id string) {
	t.Helper()
	for i := 0; i < 80; i++ {
		pressTab(tab)
		if browsertest.Run(tab, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`)) == id {
			return
		}
	}
	t.Fatalf("#%s cannot be reached with the Tab key", id)
}

func TestBrowserTheFlowWorksByKeyboardAlone(t *testing.T) {
	url := startServer(t, shortTimeouts)
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)

	tabTo(t, tab, "run-platform-test")
	tab.Do(
		chromedp.KeyEvent("\r"),
		chromedp.WaitReady(chromedp.CSS(`#platform-test-result[data-state="done"]`)),
	)
	if got := tab.Attr("#platform-test-result", "data-outcome"); got != "ok" {
		t.Fatalf("platform test by keyboard: outcome %q", got)
	}
	tabTo(t, tab, "q-account-work")
	tab.Do(chromedp.KeyEvent(" "))
	reportHas(tab, `"accountType": "work"`)
	if r := reportJSON(t, tab); r.Facts.Answers.AccountType != "work" {
		t.Errorf("account type by keyboard = %q, want work", r.Facts.Answers.AccountType)
	}
	tabTo(t, tab, "report-copy")
}

func TestBrowserAccessibilityOnEveryScreen(t *testing.T) {
	sizes := []struct {
		name          string
		width, height int64
		mobile        bool
	}{
		{"phone", 390, 844, true},
		{"desktop", 1280, 900, false},
	}
	for _, size := range sizes {
		t.Run(size.name, func(t *testing.T) {
			url := startServer(t, shortTimeouts, func(c *config.Config) {
				c.Helpdesk.Email = "helpdesk@contoso.example"
			})
			tab := browsertest.Start(t)
			opts := []chromedp.EmulateViewportOption{}
			if size.mobile {
				opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
			}
			tab.Do(chromedp.EmulateViewport(size.width, size.height, opts...))
			check := func(screen string) {
				t.Helper()
				if v := tab.Axe(); len(v) > 0 {
					var lines []string
					for _, x := range v {
						lines = append(lines, x.String())
					}
					t.Errorf("%s: %d accessibility violations:\n%s", screen, len(v), strings.Join(lines, "\n"))
				}
				if *screenshots {
					tab.Screenshot(filepath.Join("..", "testdata", "screenshots", screen+"-"+size.name+".png"))
				}
			}

			tab.Open(url+"/?ref=INC0012345", panelDone)
			check("home")
			runTest(tab, "platform") // fails: no authenticator
			check("test-failed")
			id := tab.AddAuthenticator(browsertest.PlatformUV)
			runTest(tab, "platform")
			check("test-worked")
			tab.RemoveAuthenticator(id)
			for guideState(tab) == "step" {
				before := tab.Text("#guide-progress")
				tab.Do(chromedp.Click(chromedp.ID("step-stuck")))
				js, _ := json.Marshal(before)
				waitUntil(tab, `!document.getElementById("guide-progress") || document.getElementById("guide-progress").textContent !== `+string(js))
			}
			check("contact-it")
			tab.Do(chromedp.Click(chromedp.ID("report-qr")), chromedp.WaitReady(chromedp.ID("report-qr-code")))
			check("report")
			tab.Open(url+"/?lang=de", panelDone)
			check("home-de")
			tab.Open(report.AgentURL(url, agentCode(t)), agentDone)
			check("agent")
		})
	}
}

// agentCode is a report code made from a captured facts document.
func agentCode(t *testing.T) string {
	t.Helper()
	facts := capturedFacts(t, "windows-orphaned-passkey")
	code, err := report.Encode(report.New(time.Now(), "INC0012345", "en", facts,
		[]report.Attempt{{Step: diag.StepTryOtherMethod, Result: report.Stuck}}))
	if err != nil {
		t.Fatal(err)
	}
	return code
}
