package diag

import "testing"

func TestAWorkingTestOverrulesTheMatrix(t *testing.T) {
	f := Facts{
		UA:       "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		WebAuthn: &Probe{Available: Yes, SecureContext: Yes, UVPAA: No},
	}
	before := Diagnose(f)
	if before.Support.PlatformPasskeys == Yes {
		t.Fatalf("a Linux UA alone should not prove platform passkeys: %+v", before.Support)
	}
	f.Ceremonies = []CeremonyFacts{{Kind: KindPlatform}, {Kind: KindSecurityKey}}
	after := Diagnose(f)
	if after.Support.PlatformPasskeys != Yes || after.Support.SecurityKeys != Yes {
		t.Errorf("support after working tests = %+v, want platform passkeys and security keys proven", after.Support)
	}
	for _, fd := range after.Findings {
		if fd.Code == FindingNoPlatformAuthenticator {
			t.Errorf("finding %s survived a working platform test", fd.Code)
		}
	}
	f.Ceremonies = []CeremonyFacts{{Kind: KindPlatform, Step: StepCreate, ErrorName: "NotAllowedError"}}
	if got := Diagnose(f).Support.PlatformPasskeys; got == Yes {
		t.Error("a failed platform test proved support")
	}
}
