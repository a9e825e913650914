package diag

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Facts
	}{
		{
			name: "a bare user agent is enough",
			in:   `{"ua":"x"}`,
			want: Facts{UA: "x"},
		},
		{
			name: "unknown fields are ignored",
			in:   `{"ua":"x","colour":"blue","uaData":{"platform":"Windows","bitness":"64"}}`,
			want: Facts{UA: "x", UAData: &UAData{Platform: "Windows"}},
		},
		{
			name: "probe booleans and yes-no-unknown strings both parse",
			in:   `{"webauthn":{"available":true,"uvpaa":"no","framed":null,"secureContext":"unknown"}}`,
			want: Facts{WebAuthn: &Probe{Available: Yes, UVPAA: No, Framed: Unknown, SecureContext: Unknown}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // a fragment of the error
	}{
		{"empty input is an error", ``, "empty input"},
		{"an array is not a facts object", `[1]`, "want a JSON object"},
		{"broken JSON names the byte", `{"ua":`, "truncated"},
		{"a wrong type names the field", `{"ua":42}`, "field ua"},
		{"a nested wrong type names the path", `{"ceremonies":[{"kind":"platform","elapsedMs":"slow"}]}`, "ceremonies.elapsedMs"},
		{"a bad tri-state value is explained", `{"webauthn":{"uvpaa":"maybe"}}`, `"maybe"`},
		{"an unknown ceremony kind is named", `{"ceremonies":[{"kind":"magic"}]}`, "ceremonies[0].kind"},
		{"an unknown failed step is named", `{"ceremonies":[{"kind":"platform","step":"later"}]}`, "ceremonies[0].step"},
		{"trailing data is an error", `{"ua":"x"} {"ua":"y"}`, "after the JSON object"},
		{"an unknown account type is named", `{"answers":{"accountType":"robot"}}`, "answers.accountType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("Parse(%q) = nil error, want one containing %q", tt.in, tt.want)
			}
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("Parse error %v does not wrap ErrMalformed", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error %q does not contain %q", err, tt.want)
			}
		})
	}
}
