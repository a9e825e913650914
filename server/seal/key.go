package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// KeySize is the size of a sealing key: AES-256.
const KeySize = 32

// Key is one sealing key and the id tokens carry to name it.
type Key struct {
	ID     uint8
	Secret []byte
}

// GenerateKey makes a random key with the given id.
func GenerateKey(id uint8) (Key, error) {
	secret := make([]byte, KeySize)
	if _, err := rand.Read(secret); err != nil {
		return Key{}, fmt.Errorf("generate key: %w", err)
	}
	return Key{ID: id, Secret: secret}, nil
}

// ParseKey reads a key written as "ID:SECRET", ID a decimal 0–255 and SECRET
// 32 bytes in base64url or standard base64 (padding optional), the form
// configuration files and the environment carry.
func ParseKey(s string) (Key, error) {
	idText, secretText, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return Key{}, errors.New("parse key: want ID:SECRET")
	}
	id, err := strconv.ParseUint(idText, 10, 8)
	if err != nil {
		return Key{}, fmt.Errorf("parse key: id %q is not a number from 0 to 255", idText)
	}
	secretText = strings.TrimRight(secretText, "=")
	secret, err := base64.RawURLEncoding.DecodeString(secretText)
	if err != nil {
		secret, err = base64.RawStdEncoding.DecodeString(secretText)
	}
	if err != nil {
		return Key{}, errors.New("parse key: secret is not base64")
	}
	if len(secret) != KeySize {
		return Key{}, fmt.Errorf("parse key: secret is %d bytes, want %d", len(secret), KeySize)
	}
	return Key{ID: uint8(id), Secret: secret}, nil
}

// String names the key without revealing its secret, so a key that reaches a
// log by mistake leaks nothing.
func (k Key) String() string {
	return fmt.Sprintf("seal.Key{ID: %d, Secret: [redacted]}", k.ID)
}

// Format writes the key as ParseKey reads it.
func (k Key) Format() string {
	return strconv.Itoa(int(k.ID)) + ":" + base64.RawURLEncoding.EncodeToString(k.Secret)
}

func (k Key) aead() (cipher.AEAD, error) {
	if len(k.Secret) != KeySize {
		return nil, fmt.Errorf("key %d: secret is %d bytes, want %d", k.ID, len(k.Secret), KeySize)
	}
	block, err := aes.NewCipher(k.Secret)
	if err != nil {
		return nil, fmt.Errorf("key %d: %w", k.ID, err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("key %d: %w", k.ID, err)
	}
	return aead, nil
}
