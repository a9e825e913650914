//go:build js && wasm

package probe

import "syscall/js"

// Beacon posts a JSON body to path on the page's own origin with
// fetch(keepalive), which outlives the page: it is meant for pagehide.
// Failures are ignored: offline or on a static host nobody is listening.
func Beacon(path string, body []byte) {
	init := js.Global().Get("Object").New()
	init.Set("method", "POST")
	init.Set("keepalive", true)
	init.Set("body", string(body))
	headers := js.Global().Get("Object").New()
	headers.Set("Content-Type", "application/json")
	init.Set("headers", headers)
	promise := js.Global().Call("fetch", path, init)
	var swallow js.Func
	swallow = js.FuncOf(func(js.Value, []js.Value) any {
		swallow.Release()
		return nil
	})
	promise.Call("then", swallow, swallow)
}
