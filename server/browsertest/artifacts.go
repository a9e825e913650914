package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/chromedp/chromedp"
)

// artifactsDir is where failures leave their evidence: .artifacts/ at the
// repository root (git-ignored), found from the test's working directory.
func artifactsDir() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, ".artifacts")
		}
	}
	return filepath.Join(dir, ".artifacts")
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

// saveArtifactsOnFailure writes a screenshot and the console of a failed
// test, and says where.
func (tab *Tab) saveArtifactsOnFailure() {
	if !tab.t.Failed() {
		return
	}
	dir := filepath.Join(artifactsDir(), unsafeName.ReplaceAllString(tab.t.Name(), "_"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tab.t.Logf("save artifacts: %v", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(tab.ctx), Timeout/4)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		_ = os.WriteFile(filepath.Join(dir, "screenshot.png"), png, 0o644)
	}
	var b strings.Builder
	for _, m := range tab.Console() {
		b.WriteString(m.String())
		b.WriteByte('\n')
	}
	_ = os.WriteFile(filepath.Join(dir, "console.txt"), []byte(b.String()), 0o644)
	tab.t.Logf("browser artifacts saved in %s", dir)
}

// Screenshot saves a full-page PNG of the tab to path (for the README).
func (tab *Tab) Screenshot(path string) {
	tab.t.Helper()
	png := Run(tab, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tab.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
}
