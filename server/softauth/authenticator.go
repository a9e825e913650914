package softauth

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Authenticator flag bits. Specification: §6.1.
const (
	flagUP = 0x01
	flagUV = 0x04
	flagBE = 0x08
	flagBS = 0x10
	flagAT = 0x40
	flagED = 0x80
)

// COSE algorithm identifiers this authenticator knows.
const (
	AlgES256 = -7
)

// ErrNoCredential is what a browser reports as NotAllowedError when the
// authenticator has no credential to offer.
var ErrNoCredential = errors.New("softauth: no credential for this request")

// Authenticator is a software authenticator with the client (browser) part
// folded in. The zero value is not usable; call New. Fields may be changed
// between ceremonies; an Authenticator is safe for concurrent ceremonies.
type Authenticator struct {
	// AAGUID is the model id put in attested credential data.
	AAGUID [16]byte
	// Attachment is reported as authenticatorAttachment: "platform" or
	// "cross-platform".
	Attachment string
	// Transports are reported at registration.
	Transports []string
	// UV makes the authenticator verify the user (PIN, biometric) when
	// asked to; false is a security key without a PIN.
	UV bool
	// BackupEligible and BackedUp set the BE and BS flags: a synced passkey.
	BackupEligible, BackedUp bool
	// Attestation is "none" (the default) or "packed" (self attestation).
	Attestation string
	// Counter makes the signature counter count; synced passkeys keep 0.
	Counter bool
	// Origin is the origin the client reports; "" means "https://" + RP ID.
	Origin string
	// TopOrigin, when set, is reported with crossOrigin true: the ceremony
	// ran in a cross-origin iframe under that top-level origin.
	TopOrigin string
	// Faults makes the output wrong on purpose.
	Faults Faults

	mu    sync.Mutex
	creds []*credential
}

// Faults break one thing each, as a broken or hostile client would.
type Faults struct {
	// Type replaces clientData.type.
	Type string
	// Challenge replaces clientData.challenge.
	Challenge []byte
	// RPID hashes this RP ID into the authenticator data instead.
	RPID string
	// NoUP clears the user presence flag.
	NoUP bool
	// ForceUV sets the UV flag without being asked.
	ForceUV bool
	// FlipSignature flips a bit of the signature.
	FlipSignature bool
	// TrailingAuthData appends bytes after the authenticator data.
	TrailingAuthData []byte
	// CredentialIDLen makes new credential ids this long (default 16).
	CredentialIDLen int
	// MismatchID reports an id that differs from rawId.
	MismatchID bool
	// Algorithm writes this COSE algorithm into new public keys instead of
	// ES256 (the key stays P-256).
	Algorithm int
	// BackupStateOnly sets BS without BE, which is never valid.
	BackupStateOnly bool
}

type credential struct {
	id         []byte
	rpID       string
	userHandle []byte
	key        *ecdsa.PrivateKey
	counter    uint32
	discover   bool
}

// New makes an authenticator that verifies the user, counts signatures and
// uses "none" attestation: a device-bound platform authenticator.
func New() *Authenticator {
	return &Authenticator{Attachment: "platform", Transports: []string{"internal"}, UV: true, Counter: true, Attestation: "none"}
}

// CredentialIDs lists the ids of the credentials the authenticator holds.
func (a *Authenticator) CredentialIDs() [][]byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	ids := make([][]byte, len(a.creds))
	for i, c := range a.creds {
		ids[i] = slices.Clone(c.id)
	}
	return ids
}

// Forget removes a credential, as deleting a passkey on the device does.
func (a *Authenticator) Forget(id []byte) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.creds = slices.DeleteFunc(a.creds, func(c *credential) bool { return string(c.id) == string(id) })
}

// SetCounter sets a credential's signature counter, to stage a regression.
func (a *Authenticator) SetCounter(id []byte, n uint32) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, c := range a.creds {
		if string(c.id) == string(id) {
			c.counter = n
		}
	}
}

type clientData struct {
	Type        string `json:"type"`
	Challenge   string `json:"challenge"`
	Origin      string `json:"origin"`
	CrossOrigin bool   `json:"crossOrigin"`
	TopOrigin   string `json:"topOrigin,omitempty"`
}

func (a *Authenticator) clientDataJSON(typ string, challenge []byte, rpID string) ([]byte, error) {
	cd := clientData{Type: typ, Challenge: base64.RawURLEncoding.EncodeToString(challenge), Origin: a.Origin}
	if cd.Origin == "" {
		cd.Origin = "https://" + rpID
	}
	if a.TopOrigin != "" {
		cd.CrossOrigin, cd.TopOrigin = true, a.TopOrigin
	}
	if a.Faults.Type != "" {
		cd.Type = a.Faults.Type
	}
	if a.Faults.Challenge != nil {
		cd.Challenge = base64.RawURLEncoding.EncodeToString(a.Faults.Challenge)
	}
	data, err := json.Marshal(cd)
	if err != nil {
		return nil, fmt.Errorf("client data: %w", err)
	}
	return data, nil
}

// flags computes the flags byte for a ceremony that asked for uv.
func (a *Authenticator) flags(uv string) byte {
	var f byte = flagUP
	if a.Faults.NoUP {
		f = 0
	}
	if (a.UV && uv != "discouraged") || a.Faults.ForceUV {
		f |= flagUV
	}
	if a.BackupEligible {
		f |= flagBE
		if a.BackedUp {
			f |= flagBS
		}
	}
	if a.Faults.BackupStateOnly {
		f = f&^flagBE | flagBS
	}
	return f
}

func (a *Authenticator) authData(rpID string, flags byte, counter uint32, attested []byte) []byte {
	hashed := rpID
	if a.Faults.RPID != "" {
		hashed = a.Faults.RPID
	}
	h := sha256.Sum256([]byte(hashed))
	out := append([]byte(nil), h[:]...)
	out = append(out, flags)
	out = binary.BigEndian.AppendUint32(out, counter)
	out = append(out, attested...)
	return append(out, a.Faults.TrailingAuthData...)
}

func (a *Authenticator) sign(key *ecdsa.PrivateKey, authData, clientDataJSON []byte) ([]byte, error) {
	cdh := sha256.Sum256(clientDataJSON)
	digest := sha256.Sum256(append(slices.Clone(authData), cdh[:]...))
	sig, err := ecdsa.SignASN1(rand.Reader, key, digest[:])
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	if a.Faults.FlipSignature {
		sig[len(sig)/2] ^= 0x40
	}
	return sig, nil
}

// coseKey encodes an EC2 P-256 public key. Specification: RFC 9053 §7.1.1.
func coseKey(pub *ecdsa.PublicKey, alg int) ([]byte, error) {
	raw, err := pub.Bytes() // 0x04 || X || Y
	if err != nil {
		return nil, fmt.Errorf("cose key: %w", err)
	}
	b := cborHead(nil, majorMap, 5)
	b = cborInt(b, 1) // kty
	b = cborInt(b, 2) // EC2
	b = cborInt(b, 3) // alg
	b = cborInt(b, int64(alg))
	b = cborInt(b, -1) // crv
	b = cborInt(b, 1)  // P-256
	b = cborInt(b, -2) // x
	b = cborBytes(b, raw[1:33])
	b = cborInt(b, -3) // y
	b = cborBytes(b, raw[33:65])
	return b, nil
}

func (a *Authenticator) reportedID(raw []byte) string {
	id := base64.RawURLEncoding.EncodeToString(raw)
	if a.Faults.MismatchID {
		return base64.RawURLEncoding.EncodeToString(append(slices.Clone(raw), 0))
	}
	return id
}
