package browsertest

import (
	"strings"

	"github.com/chromedp/chromedp"
)

// collectConsole records every console message of the tab until it closes.
func (tab *Tab) collectConsole() {
	for m, err := range chromedp.Console(tab.ctx) {
		if err != nil {
			return
		}
		tab.mu.Lock()
		tab.console = append(tab.console, m)
		tab.mu.Unlock()
	}
}

// Console returns the messages seen so far.
func (tab *Tab) Console() []chromedp.ConsoleMessage {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tab.console...)
}

// Problems returns the console errors, exceptions and security messages
// (CSP violations among them) seen so far.
func (tab *Tab) Problems() []string {
	var out []string
	for _, m := range tab.Console() {
		if m.Type == chromedp.ConsoleError || m.IsException() || m.Source == "security" ||
			strings.Contains(m.Text, "Content Security Policy") {
			out = append(out, m.String())
		}
	}
	return out
}
