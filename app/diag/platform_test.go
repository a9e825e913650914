package diag

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// platformCase is one entry of the shared platform corpus in
// testdata/platform/cases.json at the repository root. Support, where a
// case has it, is the expected first verdict from these facts alone (no
// probe, no ceremonies).
type platformCase struct {
	Name           string   `json:"name"`
	UA             string   `json:"ua"`
	UAData         *UAData  `json:"uaData"`
	MaxTouchPoints *float64 `json:"maxTouchPoints"`
	Want           Platform `json:"want"`
	Support        *Support `json:"support"`
}

func loadPlatformCorpus(t testing.TB) []platformCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "platform", "cases.json"))
	if err != nil {
		t.Fatalf("read platform corpus: %v", err)
	}
	var cases []platformCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("parse platform corpus: %v", err)
	}
	return cases
}

func TestIdentifyCorpus(t *testing.T) {
	cases := loadPlatformCorpus(t)
	if len(cases) < 120 {
		t.Errorf("platform corpus has %d cases, want at least 120", len(cases))
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.Name] {
			t.Errorf("duplicate case name %q", tc.Name)
		}
		seen[tc.Name] = true
		t.Run(tc.Name, func(t *testing.T) {
			f := Facts{UA: tc.UA, UAData: tc.UAData, MaxTouchPoints: tc.MaxTouchPoints}
			if diff := cmp.Diff(tc.Want, Identify(f)); diff != "" {
				t.Errorf("Identify(%q) mismatch (-want +got):\n%s", tc.UA, diff)
			}
			if tc.Support == nil {
				return
			}
			if diff := cmp.Diff(*tc.Support, Diagnose(f).Support); diff != "" {
				t.Errorf("Diagnose(%q).Support mismatch (-want +got):\n%s", tc.UA, diff)
			}
		})
	}
}
