package api

import (
	"github.com/go-webauthn/webauthn/protocol"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// kindOptions are ceremony.PolicyFor in go-webauthn's types. The policy
// itself lives in app/ceremony, shared with the page's local ceremonies.
type kindOptions struct {
	attachment  protocol.AuthenticatorAttachment
	residentKey protocol.ResidentKeyRequirement
	registerUV  protocol.UserVerificationRequirement
	loginUV     protocol.UserVerificationRequirement
	hints       []protocol.PublicKeyCredentialHints
}

// optionsFor returns the options of a kind.
func optionsFor(k ceremony.Kind) kindOptions {
	p := ceremony.PolicyFor(k)
	ko := kindOptions{
		attachment:  protocol.AuthenticatorAttachment(p.Attachment),
		residentKey: protocol.ResidentKeyRequirement(p.ResidentKey),
		registerUV:  protocol.UserVerificationRequirement(p.RegisterUV),
		loginUV:     protocol.UserVerificationRequirement(p.LoginUV),
	}
	for _, h := range p.Hints {
		ko.hints = append(ko.hints, protocol.PublicKeyCredentialHints(h))
	}
	return ko
}
