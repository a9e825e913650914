package api

import (
	"github.com/go-webauthn/webauthn/protocol"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// outcome seals rec and reports what the ceremony proved. flags are the
// authenticator data flags of this ceremony: the UV a sign-in reports is
// that sign-in's, not the registration's.
func (a *API) outcome(kind ceremony.Kind, rec record, flags protocol.AuthenticatorFlags, regressed bool) (ceremony.FinishResponse, error) {
	token, expires, err := a.sealJSON(purposeCredential, a.cfg.CredentialTTL, rec)
	if err != nil {
		return ceremony.FinishResponse{}, err
	}
	aaguid := ceremony.FormatAAGUID(rec.AAGUID)
	return ceremony.FinishResponse{
		Kind:              kind,
		CredentialID:      rec.ID,
		UserPresent:       flags.HasUserPresent(),
		UserVerified:      flags.HasUserVerified(),
		BackupEligible:    flags.HasBackupEligible(),
		BackedUp:          flags.HasBackupState(),
		AAGUID:            aaguid,
		AuthenticatorName: ceremony.AuthenticatorName(aaguid),
		Attachment:        rec.Attachment,
		Transports:        rec.Transports,
		AttestationFormat: rec.AttestationFormat,
		Discoverable:      rec.Discoverable,
		SignCount:         rec.SignCount,
		CounterRegressed:  regressed,
		Credential:        token,
		CredentialExpires: expires,
	}, nil
}
