package api

import (
	"net/http"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

func TestCrossOriginIframe(t *testing.T) {
	embedded := testConfig(newKey(t, 1))
	embedded.TopOrigins = []string{"https://portal.example.com"}
	tests := []struct {
		name       string
		cfg        Config
		topOrigin  string
		wantStatus int
		wantCode   ceremony.Code
	}{
		{"a ceremony inside an allowed parent works", embedded, "https://portal.example.com", 200, ""},
		{"a ceremony inside another parent is refused", embedded, "https://evil.example.net", 422, ceremony.CodeOriginMismatch},
		{"a cross-origin ceremony is refused when no parent is configured", testConfig(newKey(t, 1)), "https://portal.example.com", 422, ceremony.CodeOriginMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.cfg, nil)
			auth := softauth.New()
			auth.TopOrigin = tt.topOrigin
			begin := h.registerBegin(ceremony.KindPlatform)
			cred, err := auth.Create(begin.PublicKey)
			if err != nil {
				t.Fatal(err)
			}
			status, _, e := h.registerFinish(begin.Session, cred)
			if status != tt.wantStatus || e.Code != tt.wantCode {
				t.Fatalf("got %d %+v, want %d %s", status, e, tt.wantStatus, tt.wantCode)
			}
		})
	}
}

func TestRelyingPartyDerivedFromHost(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Keys = nil
	h := newHarness(t, cfg, nil)
	h.host = "localhost:8080"
	auth := softauth.New()
	auth.Origin = "http://localhost:8080"

	begin := h.registerBegin(ceremony.KindPlatform)
	if begin.PublicKey.RP.ID != "localhost" {
		t.Fatalf("derived RP ID = %q, want localhost", begin.PublicKey.RP.ID)
	}
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	if status, _, e := h.registerFinish(begin.Session, cred); status != http.StatusOK {
		t.Fatalf("development ceremony on localhost: %d %+v", status, e)
	}

	// Browsers refuse IP addresses as RP IDs; say so instead of failing later.
	for _, host := range []string{"127.0.0.1:8080", "[::1]:8080", ""} {
		h.host = host
		var out ceremony.RegisterBeginResponse
		status, e := h.post(ceremony.PathRegisterBegin, ceremony.RegisterBeginRequest{Kind: ceremony.KindPlatform}, &out)
		if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeOriginMismatch {
			t.Errorf("host %q: %d %+v, want 422 %s", host, status, e, ceremony.CodeOriginMismatch)
		}
	}
}

func TestCredentialOfAnotherSiteIsRefused(t *testing.T) {
	key := newKey(t, 1)
	h := newHarness(t, testConfig(key), nil)
	reg := h.register(softauth.New(), ceremony.KindPlatform)

	other := testConfig(key)
	other.RPID, other.Origins = "other.test", []string{"https://other.test"}
	o := newHarness(t, other, nil)
	o.host = "other.test"
	var out ceremony.LoginBeginResponse
	status, e := o.post(ceremony.PathLoginBegin, ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}}, &out)
	if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeOriginMismatch {
		t.Fatalf("got %d %+v, want 422 %s", status, e, ceremony.CodeOriginMismatch)
	}
}

func TestRPIDAloneImpliesItsHTTPSOrigin(t *testing.T) {
	cfg := testConfig(newKey(t, 1))
	cfg.Origins = nil
	h := newHarness(t, cfg, nil)
	h.register(softauth.New(), ceremony.KindPlatform) // softauth reports https://<RP ID>
}
