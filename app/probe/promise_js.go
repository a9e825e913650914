//go:build js && wasm

package probe

import (
	"context"
	"errors"
	"syscall/js"
)

// Await waits for a JavaScript promise from a goroutine. It must never be
// called from a JavaScript callback (an event handler): that would block the
// browser's event loop the promise needs to settle.
//
// The two callbacks release themselves when the promise settles, so a caller
// that gives up on ctx leaves nothing behind once the promise is done.
func Await(ctx context.Context, promise js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	done := make(chan settled, 1)
	var onFulfilled, onRejected js.Func
	release := func() {
		onFulfilled.Release()
		onRejected.Release()
	}
	onFulfilled = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- settled{v: arg0(args)}
		release()
		return nil
	})
	onRejected = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- settled{err: domError(arg0(args))}
		release()
		return nil
	})
	promise.Call("then", onFulfilled, onRejected)

	select {
	case s := <-done:
		return s.v, s.err
	case <-ctx.Done():
		return js.Undefined(), ctx.Err()
	}
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

// domError turns a rejection reason into a DOMError, whatever was thrown.
func domError(reason js.Value) error {
	if reason.Type() == js.TypeObject {
		name, msg := reason.Get("name"), reason.Get("message")
		if name.Type() == js.TypeString {
			return &DOMError{Name: name.String(), Message: msg.String()}
		}
	}
	if reason.Type() == js.TypeString {
		return &DOMError{Name: "Error", Message: reason.String()}
	}
	return errors.New("promise rejected")
}
