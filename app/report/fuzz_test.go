package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// FuzzDecodeReport: Decode never panics, and whatever it accepts it can
// write again and read back unchanged. Seeded with real codes and with the
// hostile cases of TestDecodeRefusesWhatIsNotAReport.
func FuzzDecodeReport(f *testing.F) {
	for _, file := range factsFiles(f) {
		code, err := Encode(New(when, "INC1", "fr", readFacts(f, file), nil))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(code)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "pd1-code.txt")); err == nil {
		f.Add(string(b))
	}
	valid := `{"v":1,"created":"2026-03-02T09:41:00Z","facts":{"ua":"x","answers":{},"policy":{"links":{}}}}`
	for _, s := range []string{
		"", "PD1-", "PD2-eJzLSM3JyQcABiwCFQ", "pd1-AAAA", "https://h/agent#code=PD1-x&y",
		codeOf(f, valid), codeOf(f, valid+"{}"), codeOf(f, `{"v":1,"ref":"`+strings.Repeat("A", 3*MaxJSON)+`"}`),
		codeOf(f, `{"v":1,"created":"2026-03-02T09:41:00Z","facts":{"ceremonies":[{"kind":"platform","elapsedMs":-1}]}}`),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		r, err := Decode(code)
		if err != nil {
			return
		}
		again, err := Encode(r)
		if err != nil {
			t.Fatalf("Decode accepted a report Encode refuses: %v", err)
		}
		back, err := Decode(again)
		if err != nil {
			t.Fatalf("Decode(Encode(r)): %v", err)
		}
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("a report changed on its way round (-want +got):\n%s", diff)
		}
		_ = Text(r, diag.Diagnose(r.Facts), r.Lang)
	})
}
