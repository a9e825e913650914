package diag

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseFacts feeds arbitrary bytes to Parse and anything it accepts to
// Diagnose: neither may panic, and every accepted document must diagnose to
// JSON. Seeded from the captured facts and the platform corpus.
func FuzzParseFacts(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "facts", "*.json"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	for _, tc := range loadPlatformCorpus(f) {
		b, _ := json.Marshal(map[string]any{"ua": tc.UA, "uaData": tc.UAData, "maxTouchPoints": tc.MaxTouchPoints})
		f.Add(b)
	}
	f.Add([]byte(`{"ceremonies":[{"kind":"existing","step":"server","serverCode":"token-expired"}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		facts, err := Parse(in)
		if err != nil {
			return
		}
		if _, err := json.Marshal(Diagnose(facts)); err != nil {
			t.Fatalf("Diagnose output does not marshal: %v", err)
		}
	})
}
