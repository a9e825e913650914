//go:build js && wasm

package probe

import (
	"context"
	"errors"
	"syscall/js"
)

// Copy puts text on the clipboard. It needs the click that asked for it,
// so call it straight from the event's goroutine.
func Copy(ctx context.Context, text string) error {
	clip := js.Global().Get("navigator").Get("clipboard")
	if clip.Type() != js.TypeObject || clip.Get("writeText").Type() != js.TypeFunction {
		return errors.New("no clipboard in this browser")
	}
	_, err := Await(ctx, clip.Call("writeText", text))
	return err
}
