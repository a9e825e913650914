package ceremony

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBase64URLRoundTrip(t *testing.T) {
	in := Base64URL{0xfb, 0xff, 0x00, 0x10}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `"-_8AEA"`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var out Base64URL
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestBase64URLUnmarshal(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Base64URL
		wantErr bool
	}{
		{"unpadded base64url decodes", `"AQID"`, Base64URL{1, 2, 3}, false},
		{"padding is tolerated", `"AQ=="`, Base64URL{1}, false},
		{"null decodes to nil", `null`, nil, false},
		{"the standard alphabet is refused", `"+/8="`, nil, true},
		{"a number is refused", `12`, nil, true},
		{"an embedded newline is refused", `"AQ\nID"`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got Base64URL
			err := json.Unmarshal([]byte(tt.in), &got)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Unmarshal(%s) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); !tt.wantErr && diff != "" {
				t.Errorf("Unmarshal(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
