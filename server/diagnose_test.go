package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

const (
	winFacts = `{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36","uaData":{"platform":"Windows","platformVersion":"15.0.0","brands":[{"brand":"Google Chrome","version":"124"}]}}`
	iosFacts = `{"ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1","ceremonies":[{"kind":"existing","step":"server","serverCode":"unknown-credential"}],"policy":{"identityProvider":"entra"}}`
	teamsUA  = `{"ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 TeamsMobile-iOS"}`
)

// platformsOf pulls the platform object out of each output line.
func platformsOf(t *testing.T, out string) []map[string]any {
	t.Helper()
	var got []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %q is not JSON: %v", line, err)
		}
		got = append(got, d["platform"].(map[string]any))
	}
	return got
}

func TestDiagnoseJSONLinesInOrder(t *testing.T) {
	in := winFacts + "\n\n" + iosFacts + "\n" + teamsUA // no final newline
	var stdout, stderr bytes.Buffer
	if err := runDiagnose(nil, strings.NewReader(in), &stdout, &stderr); err != nil {
		t.Fatalf("runDiagnose: %v (stderr %q)", err, stderr.String())
	}
	got := platformsOf(t, stdout.String())
	want := []map[string]any{
		{"os": "windows", "osVersion": "11", "osVersionKnown": true, "browser": "chrome", "browserVersion": "124", "inAppWebView": false, "inAppName": nil},
		{"os": "ios", "osVersion": "26.1", "osVersionKnown": true, "browser": "safari", "browserVersion": "26", "inAppWebView": false, "inAppName": nil},
		{"os": "ios", "osVersion": "17.5", "osVersionKnown": true, "browser": "webview", "browserVersion": nil, "inAppWebView": true, "inAppName": "teams"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("platforms mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(stdout.String(), `"cause":"unknown-credential"`) {
		t.Errorf("second diagnosis lacks the unknown-credential cause:\n%s", stdout.String())
	}
}

func TestDiagnoseKeepsGoingPastAMalformedLine(t *testing.T) {
	long := `{"ua":"` + strings.Repeat("x", maxLine) + `"}`
	in := winFacts + "\n{\"ua\":42}\nnot json\n" + long + "\n" + teamsUA + "\n"
	var stdout, stderr bytes.Buffer
	err := runDiagnose(nil, strings.NewReader(in), &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "3 of 5 lines were malformed") {
		t.Errorf("runDiagnose error = %v, want one counting 3 of 5 malformed lines", err)
	}
	// One output line per input line, in order: a consumer pairing them
	// stays in step past the bad ones.
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 5 {
		t.Fatalf("got %d output lines, want 5:\n%s", len(lines), stdout.String())
	}
	for i, want := range []string{`"platform":`, `{"line":2,"error":"malformed facts: field ua`, `{"line":3,"error":"malformed facts`, `{"line":4,"error":"line longer than`, `"inAppName":"teams"`} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("output line %d = %.200s, want it to contain %s", i+1, lines[i], want)
		}
	}
	for _, frag := range []string{"line 2: malformed facts: field ua", "line 3: malformed facts", "line 4: line longer than"} {
		if !strings.Contains(stderr.String(), frag) {
			t.Errorf("stderr %q lacks %q", stderr.String(), frag)
		}
	}
}

func TestDiagnoseTextSaysWhichLineItCouldNotRead(t *testing.T) {
	var stdout, stderr bytes.Buffer
	_ = runDiagnose([]string{"--format", "text"}, strings.NewReader("not json\n"+iosFacts+"\n"), &stdout, &stderr)
	out := stdout.String()
	if !strings.Contains(out, "== Line 1\nNot diagnosed: malformed facts") || !strings.Contains(out, "== Line 2\nDevice:  iOS 26.1") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestDiagnoseText(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"text names the device, the cause and the steps", []string{"--format", "text"},
			[]string{"Device:  iOS 26.1", "Browser: safari 26", "unknown-credential", "delete-passkey-idp", "https://mysignins.microsoft.com/security-info"}},
		{"text can be German", []string{"--format=text", "--lang=de"},
			[]string{"Gerät", "Fehlgeschlagen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := runDiagnose(tt.args, strings.NewReader(iosFacts+"\n"), &stdout, &stderr); err != nil {
				t.Fatalf("runDiagnose: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}

func TestDiagnoseFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a code that is not a report is refused", []string{"--report", "ABC123"}, "not a Passkey Doctor report code"},
		{"a damaged report code is refused", []string{"--report", "PD1-eJzLSM3JyQcABiwCFQ"}, "report code damaged"},
		{"a report code from stdin must be there", []string{"--report", "-"}, "the code is empty"},
		{"an unknown format is refused", []string{"--format", "yaml"}, "want json or text"},
		{"an unknown language is refused", []string{"--lang", "pt"}, "--lang"},
		{"a stray argument is refused", []string{"extra"}, "unexpected argument"},
		{"an unknown flag is refused", []string{"--nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := runDiagnose(tt.args, strings.NewReader(""), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("runDiagnose(%v) = %v, want an error containing %q", tt.args, err, tt.want)
			}
		})
	}
}

func TestDiagnoseReport(t *testing.T) {
	facts := capturedFacts(t, "windows-orphaned-passkey")
	r := report.New(time.Date(2026, 3, 2, 9, 41, 0, 0, time.UTC), "INC0012345", "de", facts,
		[]report.Attempt{{Step: diag.StepTryOtherMethod, Result: report.Worked}})
	code, err := report.Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(diag.Diagnose(facts))
	if err != nil {
		t.Fatal(err)
	}
	wrapped := code[:40] + "\r\n" + code[40:] + "\n"
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{"json is the diagnosis the person saw", []string{"--report", code}, "", []string{string(want) + "\n"}},
		{"the code can come on stdin, wrapped by an e-mail", []string{"--report", "-"}, wrapped, []string{string(want) + "\n"}},
		{"text is the whole report", []string{"--report", code, "--format", "text"}, "",
			[]string{"Ticket: INC0012345", "Device: Windows 10", "Server answer: unknown-credential", `Message seen: "This passkey can no longer be used"`,
				"That worked [try-other-method]", "[orphaned-passkey]", "[delete-passkey-windows]", code}},
		{"text in the agent's language", []string{"--format=text", "--lang=fr", "--report=" + code}, "",
			[]string{"Rapport Passkey Doctor", "Clé d'accès existante: Échec"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := runDiagnose(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr); err != nil {
				t.Fatalf("runDiagnose: %v (stderr %q)", err, stderr.String())
			}
			if len(tt.want) == 1 && strings.HasPrefix(tt.want[0], "{") {
				if diff := cmp.Diff(tt.want[0], stdout.String()); diff != "" {
					t.Errorf("output mismatch (-want +got):\n%s", diff)
				}
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, stdout.String())
				}
			}
		})
	}
}
