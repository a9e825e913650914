package softauth

import (
	"encoding/hex"
	"testing"
)

// Vectors from RFC 8949 Appendix A.
func TestCBORVectors(t *testing.T) {
	tests := []struct {
		name string
		got  []byte
		want string
	}{
		{"zero is one byte", cborInt(nil, 0), "00"},
		{"23 is the largest one-byte integer", cborInt(nil, 23), "17"},
		{"24 takes a length byte", cborInt(nil, 24), "1818"},
		{"1000 takes two bytes", cborInt(nil, 1000), "1903e8"},
		{"1000000 takes four bytes", cborInt(nil, 1000000), "1a000f4240"},
		{"minus one is major type one", cborInt(nil, -1), "20"},
		{"minus 1000 is major type one with two bytes", cborInt(nil, -1000), "3903e7"},
		{"a byte string carries its length", cborBytes(nil, []byte{1, 2, 3, 4}), "4401020304"},
		{"a text string carries its length", cborText(nil, "IETF"), "6449455446"},
		{"an empty map is one byte", cborHead(nil, majorMap, 0), "a0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hex.EncodeToString(tt.got); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestGetWithoutCredentialFails(t *testing.T) {
	a := New()
	if _, err := a.Get(ceremonyRequest("example.test")); err != ErrNoCredential {
		t.Fatalf("Get on an empty authenticator: %v, want ErrNoCredential", err)
	}
}
