// Command wasm is the Passkey Doctor page, compiled with GOOS=js GOARCH=wasm
// into web/app.wasm.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"github.com/passkey-doctor/passkey-doctor/app/ui"
)

func main() {
	ui.Routes(ui.ConfigFromEnv())
	app.RunWhenOnBrowser()
}
