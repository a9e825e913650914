// Package ui holds the go-app v9 components of the page. Routes registers
// them; the wasm main and the server (for go-app's prerendering) are its only
// importers.
//
// Long work (a probe, a ceremony) runs in ctx.Async and comes back through
// ctx.Dispatch with a status in the component's state, so the browser's event
// loop never blocks. Components carry classes, never inline styles: the page
// runs under a strict Content-Security-Policy.
package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Routes registers every page with go-app, tailored by cfg. Both the
// browser (with ConfigFromEnv) and the server (for prerendering) call it
// before go-app runs.
func Routes(cfg Config) {
	app.RouteFunc("/", func() app.Composer { return newHome(cfg) })
	app.RouteFunc(AgentPath, func() app.Composer { return newAgent(cfg) })
	// A static host serves the exported agent/index.html at "/agent/".
	app.RouteFunc(AgentPath+"/", func() app.Composer { return newAgent(cfg) })
}
