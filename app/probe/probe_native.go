//go:build !(js && wasm)

package probe

import (
	"context"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// Run stands in for the browser probe outside the browser: nothing can be
// asked, so every answer is unknown.
func Run(ctx context.Context) diag.Facts {
	return unknownFacts()
}
