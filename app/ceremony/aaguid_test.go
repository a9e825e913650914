package ceremony

import (
	"regexp"
	"testing"
)

func TestAuthenticatorName(t *testing.T) {
	tests := []struct {
		name   string
		aaguid string
		want   string
	}{
		{"Windows Hello is named", "08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello"},
		{"upper case AAGUIDs are found too", "EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4", "Google Password Manager"},
		{"a withheld AAGUID has no name", ZeroAAGUID, ""},
		{"an unknown AAGUID has no name", "01234567-89ab-cdef-0123-456789abcdef", ""},
		{"garbage has no name", "not-a-uuid", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AuthenticatorName(tt.aaguid); got != tt.want {
				t.Errorf("AuthenticatorName(%q) = %q, want %q", tt.aaguid, got, tt.want)
			}
		})
	}
}

func TestKnownAAGUIDsAreCanonical(t *testing.T) {
	canonical := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	for aaguid, name := range knownAAGUIDs {
		if !canonical.MatchString(aaguid) {
			t.Errorf("AAGUID %q (%s) is not lowercase canonical form", aaguid, name)
		}
		if name == "" {
			t.Errorf("AAGUID %q has an empty name", aaguid)
		}
	}
}

func TestFormatAAGUID(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"sixteen bytes format as a UUID", []byte{0x08, 0x98, 0x70, 0x58, 0xca, 0xdc, 0x4b, 0x81, 0xb6, 0xe1, 0x30, 0xde, 0x50, 0xdc, 0xbe, 0x96}, "08987058-cadc-4b81-b6e1-30de50dcbe96"},
		{"no bytes read as withheld", nil, ZeroAAGUID},
		{"a short slice reads as withheld", []byte{1, 2, 3}, ZeroAAGUID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatAAGUID(tt.in); got != tt.want {
				t.Errorf("FormatAAGUID() = %q, want %q", got, tt.want)
			}
		})
	}
}
