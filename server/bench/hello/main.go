// Command hello is the smallest go-app v9 page: one component that renders
// "Hello". `make bench` builds it with the same toolchain and flags as
// app.wasm and serves it the same way, so the page's size and load times
// have a floor to be compared with. It is a yardstick, not a product.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// hello renders one greeting.
type hello struct{ app.Compo }

// Render draws the greeting; #hello is what the load benchmark waits for.
func (h *hello) Render() app.UI {
	return app.Main().ID("hello").Text("Hello")
}

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
}
