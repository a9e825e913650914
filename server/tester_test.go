package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// softBrowser plays the browser for probe.Tester with a software
// authenticator; a refusal comes back as the DOMException a browser throws.
type softBrowser struct{ a *softauth.Authenticator }

func (b softBrowser) Create(_ context.Context, opts ceremony.CreationOptions, _ time.Duration) (json.RawMessage, error) {
	r, err := b.a.Create(opts)
	if err != nil {
		return nil, &probe.DOMError{Name: "NotAllowedError", Message: err.Error()}
	}
	return json.Marshal(r)
}

func (b softBrowser) Get(_ context.Context, opts ceremony.RequestOptions, _ time.Duration) (json.RawMessage, error) {
	r, err := b.a.Get(opts)
	if err != nil {
		return nil, &probe.DOMError{Name: "NotAllowedError", Message: err.Error()}
	}
	return json.Marshal(r)
}

// newTesterServer serves the real handler and returns a Tester that talks
// to it as the page does.
func newTesterServer(t *testing.T, a *softauth.Authenticator) probe.Tester {
	t.Helper()
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	// The RP ID derives from the Host; an IP address cannot be one.
	base := fmt.Sprintf("http://localhost:%d", srv.Listener.Addr().(*net.TCPAddr).Port)
	a.Origin = base
	return probe.Tester{API: probe.Client{Base: base}, Authenticator: softBrowser{a}}
}

func TestTesterProvesEachKindEndToEnd(t *testing.T) {
	for _, kind := range []ceremony.Kind{ceremony.KindPlatform, ceremony.KindSecurityKey, ceremony.KindPhone} {
		t.Run(string(kind), func(t *testing.T) {
			a := softauth.New()
			a.UV = true
			o := newTesterServer(t, a).Run(context.Background(), kind, nil)
			if !o.OK() {
				t.Fatalf("Run(%s) failed: %+v", kind, o.Facts)
			}
			if !o.Facts.JustRegistered || o.Facts.UserVerified == nil || !*o.Facts.UserVerified {
				t.Errorf("facts = %+v, want justRegistered and userVerified", o.Facts)
			}
			if o.SignedIn.Credential == "" {
				t.Error("no re-sealed credential to keep for the existing-passkey test")
			}
		})
	}
}

func TestTesterExistingPasskey(t *testing.T) {
	a := softauth.New()
	a.UV = true
	tester := newTesterServer(t, a)
	made := tester.Run(context.Background(), ceremony.KindPlatform, nil)
	if !made.OK() {
		t.Fatalf("platform test failed: %+v", made.Facts)
	}
	stored := []string{made.SignedIn.Credential}

	t.Run("the passkey made earlier still signs in", func(t *testing.T) {
		o := tester.Run(context.Background(), ceremony.KindExisting, stored)
		if !o.OK() {
			t.Fatalf("existing test failed: %+v", o.Facts)
		}
	})
	t.Run("a passkey the page does not know is the orphan case", func(t *testing.T) {
		o := tester.Run(context.Background(), ceremony.KindExisting, nil)
		if o.OK() || o.Facts.ServerCode != string(ceremony.CodeUnknownCredential) {
			t.Fatalf("facts = %+v, want the server's unknown-credential", o.Facts)
		}
		if cause, _ := diag.Classify(o.Facts, nil); cause != diag.CauseUnknownCredential {
			t.Errorf("cause = %s, want unknown-credential", cause)
		}
	})
	t.Run("a tampered stored credential is a clear error", func(t *testing.T) {
		tampered := stored[0][:len(stored[0])-4] + "AAAA"
		o := tester.Run(context.Background(), ceremony.KindExisting, []string{tampered})
		if o.OK() || o.Facts.ServerCode != string(ceremony.CodeTokenInvalid) {
			t.Fatalf("facts = %+v, want token-invalid", o.Facts)
		}
	})
}

func TestTesterReportsAnUnreachableServer(t *testing.T) {
	tester := probe.Tester{API: probe.Client{Base: "http://localhost:1"}, Authenticator: softBrowser{softauth.New()}}
	o := tester.Run(context.Background(), ceremony.KindPlatform, nil)
	if o.OK() || o.Facts.Step != diag.StepServer {
		t.Fatalf("facts = %+v, want a failed server step", o.Facts)
	}
	if cause, _ := diag.Classify(o.Facts, nil); cause != diag.CauseServerUnreachable {
		t.Errorf("cause = %s, want server-unreachable", cause)
	}
}
