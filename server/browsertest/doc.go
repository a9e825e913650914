// Package browsertest drives Debian's headless Chromium with chromedp for
// the browser tests: it finds the browser (failing, not skipping, under
// CI=true), opens a tab with the DevTools WebAuthn domain enabled, adds and
// removes virtual authenticators standing in for Windows Hello, Touch ID and
// security keys, collects the console, and on failure saves a screenshot and
// the console under .artifacts/ at the repository root.
//
// Tests wait on readiness markers in the page (data-state attributes),
// never on sleeps.
package browsertest
