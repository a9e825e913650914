package diag

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// errorCase is one entry of testdata/errors/cases.json at the repository
// root: a failed ceremony with the browser's real DOMException, and the cause
// it must be classified as.
type errorCase struct {
	Name     string        `json:"name"`
	Browser  string        `json:"browser"`
	Ceremony CeremonyFacts `json:"ceremony"`
	WebAuthn *Probe        `json:"webauthn"`
	Want     struct {
		Cause      Cause      `json:"cause"`
		Confidence Confidence `json:"confidence"`
	} `json:"want"`
}

func TestClassifyErrorFixtures(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "errors", "cases.json"))
	if err != nil {
		t.Fatalf("read error fixtures: %v", err)
	}
	var cases []errorCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("parse error fixtures: %v", err)
	}
	known := map[Cause]bool{}
	for _, c := range Causes() {
		known[c] = true
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if !known[tc.Want.Cause] {
				t.Fatalf("fixture wants cause %q, which is not one of Causes()", tc.Want.Cause)
			}
			cause, conf := Classify(tc.Ceremony, tc.WebAuthn)
			got := [2]string{string(cause), string(conf)}
			want := [2]string{string(tc.Want.Cause), string(tc.Want.Confidence)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Classify mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// The message is lowered before matching, so a rule word with a capital
// letter would never match.
func TestMessageRulesAreLowerCase(t *testing.T) {
	for _, r := range messageRules {
		for _, w := range r.words {
			if w != strings.ToLower(w) {
				t.Errorf("message rule word %q is not lower case", w)
			}
		}
	}
}

func TestClassifyWorkedCeremony(t *testing.T) {
	cause, conf := Classify(CeremonyFacts{Kind: KindPlatform}, nil)
	if cause != "" || conf != "" {
		t.Errorf("Classify(worked) = %q, %q, want empty", cause, conf)
	}
}

func TestEveryCauseHasAFinding(t *testing.T) {
	for _, c := range Causes() {
		if _, ok := causeFinding[c]; !ok {
			t.Errorf("cause %q has no finding", c)
		}
	}
	for _, f := range Findings() {
		if _, ok := severityOf[f]; !ok {
			t.Errorf("finding %q has no severity", f)
		}
		if _, ok := findingSteps[f]; !ok {
			t.Errorf("finding %q has no steps entry", f)
		}
	}
}

// Firefox 114-118 rejected a security key's PIN problems with a bare
// InvalidStateError; only where the browser rules them out does the same
// error on a create mean an excluded credential with some confidence.
func TestSecurityKeyInvalidStateInContext(t *testing.T) {
	create := CeremonyFacts{
		Kind: KindSecurityKey, Step: StepCreate, ErrorName: "InvalidStateError",
		ErrorMessage: "An attempt was made to use an object that is not, or is no longer, usable",
	}
	tests := []struct {
		name, ua string
		want     Confidence
	}{
		{"firefox esr 115 may mean a PIN problem", "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0", Low},
		{"firefox 118 may mean a PIN problem", "Mozilla/5.0 (X11; Linux x86_64; rv:118.0) Gecko/20100101 Firefox/118.0", Low},
		{"firefox 128 means an excluded credential", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", Medium},
		{"safari means an excluded credential", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", Medium},
		{"an unknown browser cannot rule it out", "", Low},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Diagnose(Facts{UA: tc.ua, Ceremonies: []CeremonyFacts{create}})
			r := d.Ceremonies[0]
			if r.Cause == nil || r.Confidence == nil {
				t.Fatalf("Diagnose(%q): ceremony has no cause", tc.ua)
			}
			if *r.Cause != CauseAlreadyRegistered || *r.Confidence != tc.want {
				t.Errorf("Diagnose(%q) ceremony = %s/%s, want %s/%s", tc.ua, *r.Cause, *r.Confidence, CauseAlreadyRegistered, tc.want)
			}
		})
	}
}
