//go:build js && wasm

package probe

import (
	"context"
	"encoding/json"
	"errors"
	"syscall/js"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Browser calls navigator.credentials in the page.
type Browser struct{}

// Create runs navigator.credentials.create() with the server's options and
// returns the new credential as RegistrationResponseJSON. It arms its own
// abort at timeout: the options' timeout alone does not make every browser
// settle the promise.
func (Browser) Create(ctx context.Context, opts ceremony.CreationOptions, timeout time.Duration) (json.RawMessage, error) {
	pk, err := jsOptions(opts)
	if err != nil {
		return nil, err
	}
	setBuffer(pk, "challenge", opts.Challenge)
	setBuffer(pk.Get("user"), "id", opts.User.ID)
	for i, c := range opts.ExcludeCredentials {
		setBuffer(pk.Get("excludeCredentials").Index(i), "id", c.ID)
	}
	cred, err := credentialsCall(ctx, "create", pk, timeout)
	if err != nil {
		return nil, err
	}
	resp := cred.Get("response")
	out := ceremony.RegistrationResponse{
		ID:    cred.Get("id").String(),
		RawID: bufferBytes(cred.Get("rawId")),
		Type:  cred.Get("type").String(),
		Response: ceremony.AuthenticatorAttestationJSON{
			ClientDataJSON:    bufferBytes(resp.Get("clientDataJSON")),
			AttestationObject: bufferBytes(resp.Get("attestationObject")),
			AuthenticatorData: bufferBytes(callIfPresent(resp, "getAuthenticatorData")),
			PublicKey:         bufferBytes(callIfPresent(resp, "getPublicKey")),
			Transports:        stringList(callIfPresent(resp, "getTransports")),
		},
		AuthenticatorAttachment: stringOrEmpty(cred.Get("authenticatorAttachment")),
		ClientExtensionResults:  extensionResults(cred),
	}
	if alg := callIfPresent(resp, "getPublicKeyAlgorithm"); alg.Type() == js.TypeNumber {
		out.Response.PublicKeyAlgorithm = alg.Int()
	}
	return json.Marshal(out)
}

// Get runs navigator.credentials.get() with the server's options and returns
// the assertion as AuthenticationResponseJSON.
func (Browser) Get(ctx context.Context, opts ceremony.RequestOptions, timeout time.Duration) (json.RawMessage, error) {
	pk, err := jsOptions(opts)
	if err != nil {
		return nil, err
	}
	setBuffer(pk, "challenge", opts.Challenge)
	for i, c := range opts.AllowCredentials {
		setBuffer(pk.Get("allowCredentials").Index(i), "id", c.ID)
	}
	cred, err := credentialsCall(ctx, "get", pk, timeout)
	if err != nil {
		return nil, err
	}
	resp := cred.Get("response")
	out := ceremony.AuthenticationResponse{
		ID:    cred.Get("id").String(),
		RawID: bufferBytes(cred.Get("rawId")),
		Type:  cred.Get("type").String(),
		Response: ceremony.AuthenticatorAssertionJSON{
			ClientDataJSON:    bufferBytes(resp.Get("clientDataJSON")),
			AuthenticatorData: bufferBytes(resp.Get("authenticatorData")),
			Signature:         bufferBytes(resp.Get("signature")),
			UserHandle:        bufferBytes(resp.Get("userHandle")),
		},
		AuthenticatorAttachment: stringOrEmpty(cred.Get("authenticatorAttachment")),
		ClientExtensionResults:  extensionResults(cred),
	}
	return json.Marshal(out)
}

// SignalUnknownCredential tells the person's passkey provider that a test
// credential is no longer wanted, so it leaves their passkey list. It
// reports false where the browser has no Signal API.
// Source: https://w3c.github.io/webauthn/#sctn-signal-methods
func (Browser) SignalUnknownCredential(ctx context.Context, rpID string, credentialID []byte) bool {
	pkc := js.Global().Get("PublicKeyCredential")
	if pkc.Type() != js.TypeFunction || pkc.Get("signalUnknownCredential").Type() != js.TypeFunction {
		return false
	}
	arg := js.Global().Get("Object").New()
	arg.Set("rpId", rpID)
	arg.Set("credentialId", ceremony.Base64URL(credentialID).String())
	_, err := Await(ctx, pkc.Call("signalUnknownCredential", arg))
	return err == nil
}

// credentialsCall calls navigator.credentials.create or get with an abort
// signal of our own, fired at timeout or when ctx ends.
func credentialsCall(ctx context.Context, method string, publicKey js.Value, timeout time.Duration) (js.Value, error) {
	creds := js.Global().Get("navigator").Get("credentials")
	if creds.Type() != js.TypeObject || creds.Get(method).Type() != js.TypeFunction {
		return js.Undefined(), &DOMError{Name: "NotSupportedError", Message: "navigator.credentials." + method + " is not available"}
	}
	ctrl := js.Global().Get("AbortController").New()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	stop := context.AfterFunc(ctx, func() {
		reason := js.Global().Get("DOMException").New("The test was stopped after "+timeout.String()+".", "TimeoutError")
		ctrl.Call("abort", reason)
	})
	defer stop()

	arg := js.Global().Get("Object").New()
	arg.Set("publicKey", publicKey)
	arg.Set("signal", ctrl.Get("signal"))
	var promise js.Value
	if err := catch(func() { promise = creds.Call(method, arg) }); err != nil {
		return js.Undefined(), err
	}
	// The abort settles the promise, so waiting on the background context
	// cannot hang.
	v, err := Await(context.Background(), promise)
	if err != nil {
		return js.Undefined(), err
	}
	if v.Type() != js.TypeObject {
		return js.Undefined(), &DOMError{Name: "UnknownError", Message: "navigator.credentials." + method + " returned no credential"}
	}
	return v, nil
}

// catch runs f and turns a JavaScript exception thrown synchronously into a
// DOMError (a TypeError for malformed options, say).
func catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			var jsErr js.Error
			if e, ok := r.(error); ok && errors.As(e, &jsErr) {
				err = domError(jsErr.Value)
				return
			}
			err = &DOMError{Name: "UnknownError", Message: "the browser refused the call"}
		}
	}()
	f()
	return nil
}

// jsOptions turns options into a JavaScript object via JSON; binary members
// are then replaced by buffers (parseCreationOptionsFromJSON is missing in
// older browsers, so the conversion is ours).
func jsOptions(v any) (js.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return js.Undefined(), err
	}
	return js.Global().Get("JSON").Call("parse", string(b)), nil
}

func setBuffer(obj js.Value, key string, b []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	obj.Set(key, u8)
}

// bufferBytes copies an ArrayBuffer (or view) into Go; nil for null.
func bufferBytes(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	u8 := js.Global().Get("Uint8Array").New(v)
	b := make([]byte, u8.Length())
	js.CopyBytesToGo(b, u8)
	return b
}

// callIfPresent calls an optional method (getTransports and friends are
// missing in older browsers) and returns undefined when it is absent or
// throws.
func callIfPresent(obj js.Value, method string) (v js.Value) {
	v = js.Undefined()
	if obj.Get(method).Type() != js.TypeFunction {
		return v
	}
	_ = catch(func() { v = obj.Call(method) })
	return v
}

func stringList(v js.Value) []string {
	if v.Type() != js.TypeObject {
		return nil
	}
	out := make([]string, v.Length())
	for i := range out {
		out[i] = v.Index(i).String()
	}
	return out
}

func stringOrEmpty(v js.Value) string {
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

func extensionResults(cred js.Value) json.RawMessage {
	v := callIfPresent(cred, "getClientExtensionResults")
	if v.Type() != js.TypeObject {
		return nil
	}
	return json.RawMessage(stringify(v))
}
