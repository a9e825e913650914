package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule a page breaks, with where.
type Violation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
}

// axeTags are the rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Axe runs axe-core (the file $AXE_JS, which `make test` installs from npm)
// on the page as it is now and returns the WCAG A/AA violations. Without
// axe-core the test is skipped, or failed under CI=true. The script goes in
// through DevTools, which the page's CSP does not govern.
func (tab *Tab) Axe() []Violation {
	tab.t.Helper()
	path := os.Getenv("AXE_JS")
	src, err := os.ReadFile(path)
	if path == "" || err != nil {
		if os.Getenv("CI") == "true" {
			tab.t.Fatalf("axe-core not found at AXE_JS=%q; run the tests with `make test`", path)
		}
		tab.t.Skipf("axe-core not found at AXE_JS=%q: skipping the accessibility check (run `make test`)", path)
	}
	tab.Do(chromedp.Evaluate[chromedp.Void](string(src)))
	tags, _ := json.Marshal(axeTags)
	raw := Run(tab, chromedp.Evaluate[[]byte](`axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
	var out []Violation
	if err := json.Unmarshal(raw, &out); err != nil {
		tab.t.Fatalf("read axe-core results: %v", err)
	}
	return out
}
