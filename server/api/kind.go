package api

import (
	"github.com/go-webauthn/webauthn/protocol"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// kindOptions are the WebAuthn choices that make each test what it is.
type kindOptions struct {
	attachment  protocol.AuthenticatorAttachment
	residentKey protocol.ResidentKeyRequirement
	registerUV  protocol.UserVerificationRequirement
	loginUV     protocol.UserVerificationRequirement
	hints       []protocol.PublicKeyCredentialHints
}

// optionsFor returns the options of a valid kind. The hints steer the
// browser's first dialog to the right authenticator; the attachment does the
// same for browsers that predate hints.
func optionsFor(k ceremony.Kind) kindOptions {
	switch k {
	case ceremony.KindPlatform:
		// The platform test exists to prove the PIN, fingerprint or face, so
		// user verification is required in both ceremonies.
		return kindOptions{protocol.Platform, protocol.ResidentKeyRequirementRequired, protocol.VerificationRequired, protocol.VerificationRequired,
			[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintClientDevice}}
	case ceremony.KindSecurityKey:
		// Preferred, not required: a key without a PIN still registers, and
		// the outcome's UV false is the finding ("no PIN set"). A
		// non-discoverable credential needs no PIN on CTAP2 keys either.
		return kindOptions{protocol.CrossPlatform, protocol.ResidentKeyRequirementDiscouraged, protocol.VerificationPreferred, protocol.VerificationPreferred,
			[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintSecurityKey}}
	case ceremony.KindPhone:
		return kindOptions{protocol.CrossPlatform, protocol.ResidentKeyRequirementRequired, protocol.VerificationPreferred, protocol.VerificationPreferred,
			[]protocol.PublicKeyCredentialHints{protocol.PublicKeyCredentialHintHybrid}}
	default: // ceremony.KindExisting: whatever authenticator holds the test passkey.
		return kindOptions{"", protocol.ResidentKeyRequirementRequired, protocol.VerificationPreferred, protocol.VerificationPreferred, nil}
	}
}
