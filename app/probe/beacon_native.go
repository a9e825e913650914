//go:build !(js && wasm)

package probe

// Beacon does nothing outside the browser.
func Beacon(string, []byte) {}
