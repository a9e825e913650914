//go:build !(js && wasm)

package probe

import (
	"context"
	"errors"
)

// Copy fails outside the browser: there is no clipboard.
func Copy(context.Context, string) error { return errors.New("no clipboard outside the browser") }
