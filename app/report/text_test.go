package report

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

var update = flag.Bool("update", false, "rewrite testdata/text/*.txt from Text's output")

// TestTextGolden writes the text report of captured facts in every
// language the goldens cover and compares with testdata/text.
func TestTextGolden(t *testing.T) {
	tests := []struct {
		name  string
		facts string
		lang  string
		tried []Attempt
	}{
		{"windows-orphaned-passkey.en", "windows-orphaned-passkey", "en", []Attempt{{diag.StepTryOtherMethod, Worked}, {diag.StepDeletePasskeyIdP, Stuck}}},
		{"windows-orphaned-passkey.de", "windows-orphaned-passkey", "de", []Attempt{{diag.StepTryOtherMethod, Worked}, {diag.StepDeletePasskeyIdP, Stuck}}},
		{"android-reduced-work-profile.fr", "android-reduced-work-profile", "fr", nil},
		{"iphone-facebook-in-app.es", "iphone-facebook-in-app", "es", nil},
		{"windows11-chrome-all-ok.en", "windows11-chrome-all-ok", "en", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := readFacts(t, filepath.Join("..", "..", "testdata", "facts", tt.facts+".json"))
			r := New(when, "INC0012345", tt.lang, f, tt.tried)
			got := Text(r, diag.Diagnose(r.Facts), tt.lang)
			golden := filepath.Join("testdata", "text", tt.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run go test -update): %v", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Text mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextCarriesWhatITNeeds(t *testing.T) {
	f := diag.Facts{
		UA: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
		Ceremonies: []diag.CeremonyFacts{{Kind: diag.KindPlatform, Step: diag.StepCreate, ErrorName: "NotAllowedError",
			ErrorMessage: `The "operation" either timed out`}},
		Answers: diag.Answers{Message: "Ce mot de passe n'est plus valide", OtherDeviceWorks: diag.Yes},
	}
	r := New(when, "", "xx", f, []Attempt{{diag.StepReloadPage, Stuck}})
	got := Text(r, diag.Diagnose(r.Facts), "xx")
	for _, want := range []string{
		"Passkey Doctor report", // an unknown language reads in English
		"User-Agent: " + f.UA,
		`Exact error: NotAllowedError "The \"operation\" either timed out"`, // the exact text, quoted
		`Message seen: "Ce mot de passe n'est plus valide"`,
		"Another device works: Yes",
		"Reload this page and run the test again. — Still stuck [reload-page]",
		"== Report code\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Ticket:") {
		t.Errorf("text names a ticket the report does not have:\n%s", got)
	}
}
