package api

import (
	"testing"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// TestOptionsForSpeaksGoWebAuthn pins the shared policy table to
// go-webauthn's own constants, so a typo in app/ceremony cannot send the
// browser an option it ignores.
func TestOptionsForSpeaksGoWebAuthn(t *testing.T) {
	tests := []struct {
		name string
		kind ceremony.Kind
		want kindOptions
	}{
		{"the platform test requires user verification on the device itself", ceremony.KindPlatform,
			kindOptions{protocol.Platform, protocol.ResidentKeyRequirementRequired, protocol.VerificationRequired, protocol.VerificationRequired,
				[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintClientDevice}}},
		{"the security-key test lets a key without a PIN register", ceremony.KindSecurityKey,
			kindOptions{protocol.CrossPlatform, protocol.ResidentKeyRequirementDiscouraged, protocol.VerificationPreferred, protocol.VerificationPreferred,
				[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintSecurityKey}}},
		{"the phone test asks for the hybrid transport", ceremony.KindPhone,
			kindOptions{protocol.CrossPlatform, protocol.ResidentKeyRequirementRequired, protocol.VerificationPreferred, protocol.VerificationPreferred,
				[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintHybrid}}},
		{"the existing-passkey test takes any authenticator", ceremony.KindExisting,
			kindOptions{"", protocol.ResidentKeyRequirementRequired, protocol.VerificationPreferred, protocol.VerificationPreferred, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, optionsFor(tt.kind), cmp.AllowUnexported(kindOptions{})); diff != "" {
				t.Errorf("optionsFor(%s) (-want +got):\n%s", tt.kind, diff)
			}
		})
	}
}
