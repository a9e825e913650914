package probe

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// Authenticator is what a test needs of the browser: Browser in the page,
// a software authenticator in tests.
type Authenticator interface {
	Create(ctx context.Context, opts ceremony.CreationOptions, timeout time.Duration) (json.RawMessage, error)
	Get(ctx context.Context, opts ceremony.RequestOptions, timeout time.Duration) (json.RawMessage, error)
}

// API is what a test needs of the server: Client, or a fake.
type API interface {
	RegisterBegin(context.Context, ceremony.RegisterBeginRequest) (ceremony.RegisterBeginResponse, error)
	RegisterFinish(context.Context, ceremony.RegisterFinishRequest) (ceremony.FinishResponse, error)
	LoginBegin(context.Context, ceremony.LoginBeginRequest) (ceremony.LoginBeginResponse, error)
	LoginFinish(context.Context, ceremony.LoginFinishRequest) (ceremony.FinishResponse, error)
}

// defaultTimeout is used when the server's options name none.
const defaultTimeout = 2 * time.Minute

// Outcome is what one test proved.
type Outcome struct {
	// Facts describe the ceremony for the diagnosis engine: which step
	// failed and how, or, when it worked, what was asked.
	Facts diag.CeremonyFacts
	// Registered is the verified registration; nil when none happened.
	Registered *ceremony.FinishResponse
	// SignedIn is the verified sign-in; nil unless the test worked.
	SignedIn *ceremony.FinishResponse
}

// OK reports whether the test worked end to end.
func (o Outcome) OK() bool { return o.SignedIn != nil }

// Tester runs the live tests.
type Tester struct {
	API           API
	Authenticator Authenticator
	// Now is the clock for elapsed times; nil means time.Now.
	Now func() time.Time
}

// Run runs one test. Platform, security-key and phone tests create a
// throwaway passkey and sign in with it (allowCredentials). The existing
// test signs in discoverably, offering stored, the sealed credentials the
// page kept from earlier tests: an assertion from any other passkey is the
// orphaned-passkey case.
func (t Tester) Run(ctx context.Context, kind ceremony.Kind, stored []string) Outcome {
	o := Outcome{Facts: diag.CeremonyFacts{Kind: string(kind)}}
	creds := stored
	if kind.CanRegister() {
		reg, ok := t.register(ctx, kind, &o)
		if !ok {
			return o
		}
		o.Registered = &reg
		o.Facts.JustRegistered = true
		creds = []string{reg.Credential}
	}
	if kind == ceremony.KindExisting {
		expected := len(stored)
		o.Facts.ExpectedCredentials = &expected
	}
	t.login(ctx, kind, kind == ceremony.KindExisting, creds, &o)
	if o.SignedIn != nil {
		uv := o.SignedIn.UserVerified
		o.Facts.UserVerified = &uv
		o.Facts.LocalOnly = o.SignedIn.LocalOnly
	}
	return o
}

func (t Tester) register(ctx context.Context, kind ceremony.Kind, o *Outcome) (ceremony.FinishResponse, bool) {
	begin, err := t.API.RegisterBegin(ctx, ceremony.RegisterBeginRequest{Kind: kind})
	if err != nil {
		o.serverFailed(err)
		return ceremony.FinishResponse{}, false
	}
	if sel := begin.PublicKey.AuthenticatorSelection; sel != nil {
		o.Facts.UserVerification, o.Facts.ResidentKey = sel.UserVerification, sel.ResidentKey
	}
	timeout := timeoutOf(begin.PublicKey.Timeout)
	credential, err := t.timed(o, timeout, func() (json.RawMessage, error) {
		return t.Authenticator.Create(ctx, begin.PublicKey, timeout)
	})
	if err != nil {
		o.browserFailed(diag.StepCreate, err)
		return ceremony.FinishResponse{}, false
	}
	fin, err := t.API.RegisterFinish(ctx, ceremony.RegisterFinishRequest{Session: begin.Session, Credential: credential})
	if err != nil {
		o.serverFailed(err)
		return ceremony.FinishResponse{}, false
	}
	return fin, true
}

func (t Tester) login(ctx context.Context, kind ceremony.Kind, discoverable bool, creds []string, o *Outcome) {
	begin, err := t.API.LoginBegin(ctx, ceremony.LoginBeginRequest{Kind: kind, Discoverable: discoverable, Credentials: creds})
	if err != nil {
		o.serverFailed(err)
		return
	}
	o.Facts.UserVerification = begin.PublicKey.UserVerification
	o.Facts.ResidentKey = ""
	if discoverable {
		o.Facts.ResidentKey = "required"
	}
	allowed := len(begin.PublicKey.AllowCredentials)
	o.Facts.AllowCredentials = &allowed
	timeout := timeoutOf(begin.PublicKey.Timeout)
	credential, err := t.timed(o, timeout, func() (json.RawMessage, error) {
		return t.Authenticator.Get(ctx, begin.PublicKey, timeout)
	})
	if err != nil {
		o.browserFailed(diag.StepGet, err)
		return
	}
	fin, err := t.API.LoginFinish(ctx, ceremony.LoginFinishRequest{Session: begin.Session, Credentials: creds, Credential: credential})
	if err != nil {
		o.serverFailed(err)
		return
	}
	o.SignedIn = &fin
}

// timed runs a browser call and records how long it took against what was
// allowed: a refusal within a second and a wait to the full timeout mean
// different things.
func (t Tester) timed(o *Outcome, timeout time.Duration, call func() (json.RawMessage, error)) (json.RawMessage, error) {
	now := t.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	v, err := call()
	elapsed := float64(now().Sub(start).Milliseconds())
	limit := float64(timeout.Milliseconds())
	o.Facts.ElapsedMs, o.Facts.TimeoutMs = &elapsed, &limit
	return v, err
}

func timeoutOf(ms int) time.Duration {
	if ms <= 0 {
		return defaultTimeout
	}
	return time.Duration(ms) * time.Millisecond
}

// browserFailed records a failed create() or get() with the DOMException's
// name and exact message.
func (o *Outcome) browserFailed(step string, err error) {
	o.Facts.Step = step
	var de *DOMError
	if errors.As(err, &de) {
		o.Facts.ErrorName, o.Facts.ErrorMessage = de.Name, de.Message
		return
	}
	o.Facts.ErrorName, o.Facts.ErrorMessage = "Error", err.Error()
}

// serverFailed records a refusal by the server (its code) or no answer.
func (o *Outcome) serverFailed(err error) {
	o.Facts.Step = diag.StepServer
	var apiErr *ceremony.Error
	if errors.As(err, &apiErr) {
		o.Facts.ServerCode = string(apiErr.Code)
		o.Facts.ErrorMessage = apiErr.Message
		return
	}
	o.Facts.ErrorName, o.Facts.ErrorMessage = "NetworkError", ErrUnreachable.Error()
}
