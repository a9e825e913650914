//go:build !(js && wasm)

package probe

import (
	"context"
	"encoding/json"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Browser stands in for navigator.credentials outside the browser: every
// call fails as a browser without WebAuthn would.
type Browser struct{}

var errNoBrowser = &DOMError{Name: "NotSupportedError", Message: "not running in a browser"}

// Create fails: there is no browser.
func (Browser) Create(context.Context, ceremony.CreationOptions, time.Duration) (json.RawMessage, error) {
	return nil, errNoBrowser
}

// Get fails: there is no browser.
func (Browser) Get(context.Context, ceremony.RequestOptions, time.Duration) (json.RawMessage, error) {
	return nil, errNoBrowser
}

// SignalUnknownCredential reports false: there is no Signal API.
func (Browser) SignalUnknownCredential(context.Context, string, []byte) bool { return false }
