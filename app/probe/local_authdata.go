package probe

import (
	"encoding/binary"
	"errors"
)

// Authenticator data flags.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-authenticator-data
const (
	flagUP = 1 << 0 // user present
	flagUV = 1 << 2 // user verified
	flagBE = 1 << 3 // backup eligible
	flagBS = 1 << 4 // backed up
	flagAT = 1 << 6 // attested credential data included
)

// authData is the part of authenticator data the page checks itself.
type authData struct {
	rpIDHash     []byte
	flags        byte
	signCount    uint32
	aaguid       []byte // nil without attested credential data
	credentialID []byte // nil without attested credential data
}

var errAuthData = errors.New("authenticator data is too short or malformed")

// parseAuthData reads rpIdHash, flags, signCount and, when the AT flag is
// set, the AAGUID and credential id. The credential public key after them is
// left alone: only a server checks signatures.
// Source: https://www.w3.org/TR/webauthn-3/#sctn-attested-credential-data
func parseAuthData(b []byte) (authData, error) {
	if len(b) < 37 {
		return authData{}, errAuthData
	}
	d := authData{rpIDHash: b[:32], flags: b[32], signCount: binary.BigEndian.Uint32(b[33:37])}
	if d.flags&flagAT == 0 {
		return d, nil
	}
	rest := b[37:]
	if len(rest) < 18 {
		return authData{}, errAuthData
	}
	d.aaguid = rest[:16]
	n := int(binary.BigEndian.Uint16(rest[16:18]))
	if n == 0 || n > 1023 || len(rest)-18 < n {
		return authData{}, errAuthData
	}
	d.credentialID = rest[18 : 18+n]
	return d, nil
}
