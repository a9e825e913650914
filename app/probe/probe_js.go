//go:build js && wasm

package probe

import (
	"context"
	"encoding/json"
	"syscall/js"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// highEntropyHints are the client hints asked of navigator.userAgentData.
// Source: https://wicg.github.io/ua-client-hints/#getHighEntropyValues
var highEntropyHints = []any{"platformVersion", "model", "architecture", "fullVersionList", "formFactors"}

// Run asks the browser every question in turn. Each question that fails or
// is not supported leaves its answer unknown (or no, where a missing method
// itself proves the feature is absent).
func Run(ctx context.Context) diag.Facts {
	s := unknownFacts()
	win := js.Global()
	nav := win.Get("navigator")

	s.UA = nav.Get("userAgent").String()
	if v := nav.Get("maxTouchPoints"); v.Type() == js.TypeNumber {
		n := v.Float()
		s.MaxTouchPoints = &n
	}
	s.UAData = userAgentData(ctx, nav)

	if v := win.Get("isSecureContext"); v.Type() == js.TypeBoolean {
		s.WebAuthn.SecureContext = triOf(v.Bool())
	}
	s.WebAuthn.Framed, s.WebAuthn.CrossOriginFrame = framing(win)
	s.WebAuthn.PublicKeyCredentialsGet = allowsFeature(win, "publickey-credentials-get")
	s.WebAuthn.PublicKeyCredentialsCreate = allowsFeature(win, "publickey-credentials-create")

	pkc := win.Get("PublicKeyCredential")
	creds := nav.Get("credentials")
	s.WebAuthn.Available = triOf(pkc.Type() == js.TypeFunction && creds.Type() == js.TypeObject)
	if s.WebAuthn.Available == diag.No {
		s.WebAuthn.UVPAA, s.WebAuthn.ConditionalMediation = diag.No, diag.No
		return s
	}
	s.WebAuthn.UVPAA = askBool(ctx, pkc, "isUserVerifyingPlatformAuthenticatorAvailable")
	s.WebAuthn.ConditionalMediation = askBool(ctx, pkc, "isConditionalMediationAvailable")
	s.WebAuthn.Capabilities = clientCapabilities(ctx, pkc)
	return s
}

// askBool calls a static method returning Promise<boolean>. A missing method
// means the browser lacks the feature: no. A rejection tells nothing: unknown.
func askBool(ctx context.Context, obj js.Value, method string) diag.Tri {
	if obj.Get(method).Type() != js.TypeFunction {
		return diag.No
	}
	v, err := Await(ctx, obj.Call(method))
	if err != nil || v.Type() != js.TypeBoolean {
		return diag.Unknown
	}
	return triOf(v.Bool())
}

// clientCapabilities returns getClientCapabilities()'s record, or nil where
// the browser has no such method or it failed.
func clientCapabilities(ctx context.Context, pkc js.Value) map[string]bool {
	if pkc.Get("getClientCapabilities").Type() != js.TypeFunction {
		return nil
	}
	v, err := Await(ctx, pkc.Call("getClientCapabilities"))
	if err != nil {
		return nil
	}
	caps := map[string]bool{}
	if err := json.Unmarshal([]byte(stringify(v)), &caps); err != nil {
		return nil
	}
	return caps
}

// framing tells whether the page runs in a frame and whether that frame's
// parent is on another origin (reading top.location throws then).
func framing(win js.Value) (framed, crossOrigin diag.Tri) {
	if win.Get("self").Equal(win.Get("top")) {
		return diag.No, diag.No
	}
	crossOrigin = diag.No
	func() {
		defer func() {
			if recover() != nil {
				crossOrigin = diag.Yes
			}
		}()
		// Through Reflect.get, not Value.Get: only Call turns the
		// SecurityError into a recoverable panic; a throwing Get aborts
		// the whole wasm program.
		_ = js.Global().Get("Reflect").Call("get", win.Get("top").Get("location"), "href").String()
	}()
	return diag.Yes, crossOrigin
}

// allowsFeature asks the permissions policy whether this document may use a
// feature. Only Chromium exposes the question (document.permissionsPolicy,
// formerly featurePolicy); elsewhere the answer is unknown.
// Source: https://w3c.github.io/webappsec-permissions-policy/#introspection
func allowsFeature(win js.Value, feature string) diag.Tri {
	doc := win.Get("document")
	for _, name := range []string{"permissionsPolicy", "featurePolicy"} {
		policy := doc.Get(name)
		if policy.Type() == js.TypeObject && policy.Get("allowsFeature").Type() == js.TypeFunction {
			return triOf(policy.Call("allowsFeature", feature).Bool())
		}
	}
	return diag.Unknown
}

// userAgentData merges the low-entropy userAgentData with its high-entropy
// values; nil where the browser sends no client hints (Safari, Firefox).
func userAgentData(ctx context.Context, nav js.Value) *diag.UAData {
	uad := nav.Get("userAgentData")
	if uad.Type() != js.TypeObject {
		return nil
	}
	var d diag.UAData
	if err := json.Unmarshal([]byte(stringify(uad)), &d); err != nil {
		return nil
	}
	if uad.Get("getHighEntropyValues").Type() != js.TypeFunction {
		return &d
	}
	v, err := Await(ctx, uad.Call("getHighEntropyValues", highEntropyHints))
	if err != nil {
		return &d
	}
	// The high-entropy record repeats the low-entropy fields and adds the rest.
	_ = json.Unmarshal([]byte(stringify(v)), &d)
	return &d
}

func stringify(v js.Value) string {
	return js.Global().Get("JSON").Call("stringify", v).String()
}

// triOf turns a boolean the browser reported into a definite answer.
func triOf(b bool) diag.Tri {
	if b {
		return diag.Yes
	}
	return diag.No
}
