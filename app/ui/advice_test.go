package ui

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestAdviceFor(t *testing.T) {
	one := 1
	no := false
	base := diag.Facts{
		UA:       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		WebAuthn: &diag.Probe{Available: diag.Yes, SecureContext: diag.Yes, UVPAA: diag.Yes},
		Policy:   diag.Policy{IdentityProvider: "entra", PasswordAllowed: diag.Yes},
	}
	removed := diag.CeremonyFacts{Kind: "existing", Step: "get", ErrorName: "NotAllowedError", ElapsedMs: ptr(200.0), TimeoutMs: ptr(60000.0), AllowCredentials: new(int), ExpectedCredentials: &one}
	noPIN := diag.CeremonyFacts{Kind: "security-key", UserVerified: &no}
	worked := diag.CeremonyFacts{Kind: "platform"}

	tests := []struct {
		name         string
		runs         []diag.CeremonyFacts
		kind         string
		wantCause    string
		wantFindings []diag.FindingCode
		wantStep     diag.StepCode
	}{
		{"a test never run has no advice", nil, "platform", "", nil, ""},
		{"a test passkey gone from the device is an orphan with cleanup steps", []diag.CeremonyFacts{worked, removed}, "existing", "no-credential-on-device", []diag.FindingCode{diag.FindingOrphanedPasskey}, diag.StepDeletePasskeyIdP},
		{"a security key without a PIN works but says so", []diag.CeremonyFacts{noPIN}, "security-key", "", []diag.FindingCode{diag.FindingSecurityKeyNoPIN}, diag.StepSetSecurityKeyPIN},
		{"another test's failure is not this card's", []diag.CeremonyFacts{removed}, "platform", "", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := adviceFor(base, tt.runs, tt.kind)
			if a.Cause != tt.wantCause {
				t.Errorf("cause = %q, want %q", a.Cause, tt.wantCause)
			}
			var codes []diag.FindingCode
			for _, f := range a.Findings {
				codes = append(codes, f.Code)
			}
			if diff := cmp.Diff(tt.wantFindings, codes); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if tt.wantStep != "" && !hasStep(a.Steps, tt.wantStep) {
				t.Errorf("steps %v lack %s", a.Steps, tt.wantStep)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func hasStep(steps []diag.Step, code diag.StepCode) bool {
	for _, s := range steps {
		if s.Code == code {
			return true
		}
	}
	return false
}
