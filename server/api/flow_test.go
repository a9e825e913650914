package api

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

func TestPlatformRegisterThenLogin(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	auth.AAGUID = windowsHello

	reg := h.register(auth, ceremony.KindPlatform)
	rk := true
	want := ceremony.FinishResponse{
		Kind:              ceremony.KindPlatform,
		UserPresent:       true,
		UserVerified:      true,
		AAGUID:            "08987058-cadc-4b81-b6e1-30de50dcbe96",
		AuthenticatorName: "Windows Hello",
		Attachment:        "platform",
		Transports:        []string{"internal"},
		AttestationFormat: "none",
		Discoverable:      &rk,
		SignCount:         1,
	}
	ignore := cmpopts.IgnoreFields(ceremony.FinishResponse{}, "CredentialID", "Credential", "CredentialExpires")
	if diff := cmp.Diff(want, reg, ignore); diff != "" {
		t.Errorf("registration outcome (-want +got):\n%s", diff)
	}
	if reg.Credential == "" || len(reg.CredentialID) == 0 {
		t.Fatal("registration returned no credential token or id")
	}

	tests := []struct {
		name         string
		discoverable bool
		wantCount    uint32
	}{
		{"a sign-in listing the credential in allowCredentials works", false, 2},
		{"a discoverable sign-in finds the same credential", true, 3},
	}
	token := reg.Credential
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, e := h.login(auth, ceremony.KindPlatform, tt.discoverable, []string{token})
			if status != http.StatusOK {
				t.Fatalf("login: %d %+v", status, e)
			}
			want := want
			want.SignCount = tt.wantCount
			if diff := cmp.Diff(want, out, ignore); diff != "" {
				t.Errorf("login outcome (-want +got):\n%s", diff)
			}
			if out.Credential == token {
				t.Error("the credential token was not re-sealed after sign-in")
			}
			token = out.Credential
		})
	}
}

func TestSecurityKeyWithoutPINRegistersWithoutUV(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	auth.Attachment, auth.Transports, auth.UV = "cross-platform", []string{"usb"}, false

	begin := h.registerBegin(ceremony.KindSecurityKey)
	sel := begin.PublicKey.AuthenticatorSelection
	if sel == nil || sel.UserVerification != "preferred" || sel.AuthenticatorAttachment != "cross-platform" || sel.ResidentKey != "discouraged" {
		t.Fatalf("security-key options: %+v", sel)
	}
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	status, reg, e := h.registerFinish(begin.Session, cred)
	if status != http.StatusOK {
		t.Fatalf("register finish: %d %+v", status, e)
	}
	if reg.UserVerified || !reg.UserPresent {
		t.Errorf("outcome UV %v UP %v, want UV false (no PIN) and UP true", reg.UserVerified, reg.UserPresent)
	}
	status, out, e := h.login(auth, ceremony.KindSecurityKey, false, []string{reg.Credential})
	if status != http.StatusOK || out.UserVerified {
		t.Fatalf("login: %d %+v, UV %v", status, e, out.UserVerified)
	}
}

func TestPlatformTestRequiresUserVerification(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	noUV := softauth.New()
	noUV.UV = false

	begin := h.registerBegin(ceremony.KindPlatform)
	if got := begin.PublicKey.AuthenticatorSelection.UserVerification; got != "required" {
		t.Fatalf("platform userVerification = %q, want required", got)
	}
	cred, err := noUV.Create(begin.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	status, _, e := h.registerFinish(begin.Session, cred)
	if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeUserVerificationMissing {
		t.Fatalf("registration without UV: %d %+v, want 422 %s", status, e, ceremony.CodeUserVerificationMissing)
	}

	// A credential made with UV whose sign-in skips it.
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)
	auth.UV = false
	status, _, e = h.login(auth, ceremony.KindPlatform, false, []string{reg.Credential})
	if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeUserVerificationMissing {
		t.Fatalf("sign-in without UV: %d %+v, want 422 %s", status, e, ceremony.CodeUserVerificationMissing)
	}
}

func TestOrphanedPasskeyIsUnknownCredential(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	kept := h.register(auth, ceremony.KindPlatform)
	// A second test passkey whose token the page lost: the device offers it
	// first in a discoverable sign-in.
	h.register(auth, ceremony.KindPlatform)

	status, _, e := h.login(auth, ceremony.KindExisting, true, []string{kept.Credential})
	if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeUnknownCredential {
		t.Fatalf("sign-in with an orphaned passkey: %d %+v, want 422 %s", status, e, ceremony.CodeUnknownCredential)
	}
	// And a page that holds no tokens at all learns the same.
	status, _, e = h.login(auth, ceremony.KindExisting, true, nil)
	if status != http.StatusUnprocessableEntity || e.Code != ceremony.CodeUnknownCredential {
		t.Fatalf("sign-in with no tokens: %d %+v, want 422 %s", status, e, ceremony.CodeUnknownCredential)
	}
}

func TestSyncedPasskeyAndPackedAttestation(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	auth.BackupEligible, auth.BackedUp, auth.Counter, auth.Attestation = true, true, false, "packed"

	reg := h.register(auth, ceremony.KindPhone)
	if !reg.BackupEligible || !reg.BackedUp || reg.AttestationFormat != "packed" || reg.SignCount != 0 {
		t.Fatalf("outcome %+v: want BE, BS, packed and counter 0", reg)
	}
	if reg.AuthenticatorName != "" || reg.AAGUID != ceremony.ZeroAAGUID {
		t.Errorf("a withheld AAGUID is named %q (%s)", reg.AuthenticatorName, reg.AAGUID)
	}
	status, out, e := h.login(auth, ceremony.KindPhone, true, []string{reg.Credential})
	if status != http.StatusOK || out.CounterRegressed {
		t.Fatalf("login of a passkey that keeps its counter at zero: %d %+v regressed %v", status, e, out.CounterRegressed)
	}
}

func TestCounterRegressionIsReportedNotRefused(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindSecurityKey)
	status, first, _ := h.login(auth, ceremony.KindSecurityKey, false, []string{reg.Credential})
	if status != http.StatusOK {
		t.Fatal(status)
	}
	auth.SetCounter(reg.CredentialID, 0) // the next sign-in signs with counter 1 < 2
	status, out, e := h.login(auth, ceremony.KindSecurityKey, false, []string{first.Credential})
	if status != http.StatusOK {
		t.Fatalf("login with a regressed counter: %d %+v", status, e)
	}
	if !out.CounterRegressed || out.SignCount != first.SignCount {
		t.Errorf("regressed %v, count %d; want regressed and the stored count %d kept", out.CounterRegressed, out.SignCount, first.SignCount)
	}
}

func TestLoginBeginOptions(t *testing.T) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	reg := h.register(softauth.New(), ceremony.KindPlatform)

	allow := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
	if len(allow.PublicKey.AllowCredentials) != 1 || string(allow.PublicKey.AllowCredentials[0].ID) != string(reg.CredentialID) {
		t.Errorf("allowCredentials = %+v, want the registered credential", allow.PublicKey.AllowCredentials)
	}
	if allow.PublicKey.UserVerification != "required" || allow.PublicKey.RPID != testRPID || len(allow.PublicKey.Challenge) < 16 {
		t.Errorf("request options %+v", allow.PublicKey)
	}
	disc := h.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindExisting, Discoverable: true})
	if len(disc.PublicKey.AllowCredentials) != 0 || disc.PublicKey.UserVerification != "preferred" {
		t.Errorf("discoverable request options %+v", disc.PublicKey)
	}
}
