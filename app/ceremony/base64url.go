package ceremony

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Base64URL is binary data that travels in JSON as a base64url string
// without padding, the encoding of the WebAuthn Level 3 JSON types. Decoding
// also accepts trailing '=' padding, which some encoders add.
type Base64URL []byte

// String returns the base64url encoding without padding.
func (b Base64URL) String() string {
	return base64.RawURLEncoding.EncodeToString(b)
}

// MarshalJSON encodes b as a JSON string; nil encodes as null.
func (b Base64URL) MarshalJSON() ([]byte, error) {
	if b == nil {
		return []byte("null"), nil
	}
	return json.Marshal(b.String())
}

// UnmarshalJSON decodes a JSON string of base64url (or null).
func (b *Base64URL) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*b = nil
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return errors.New("base64url: expected a JSON string")
	}
	v, err := DecodeBase64URL(s)
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// DecodeBase64URL decodes base64url with or without padding. It rejects the
// standard alphabet ('+', '/') and embedded newlines, which a browser never
// sends.
func DecodeBase64URL(s string) ([]byte, error) {
	if strings.ContainsAny(s, "\r\n") {
		return nil, errors.New("base64url: unexpected newline")
	}
	v, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, fmt.Errorf("base64url: %w", err)
	}
	return v, nil
}
