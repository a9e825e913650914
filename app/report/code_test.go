package report

import (
	"errors"
	"hash/adler32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestEveryCapturedReportSurvivesItsCode(t *testing.T) {
	for _, file := range factsFiles(t) {
		t.Run(factsName(file), func(t *testing.T) {
			r := New(when, "INC0012345", "de", readFacts(t, file), []Attempt{{diag.StepReloadPage, Stuck}})
			code, err := Encode(r)
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			if !strings.HasPrefix(code, Prefix) || strings.ContainsAny(code[len(Prefix):], "+/= \n") {
				t.Errorf("code %q is not PD1- and base64url", code)
			}
			// A captured report is short enough for a mailto link and a QR
			// code a phone camera reads from a screen.
			if len(code) > 600 {
				t.Errorf("code is %d characters, want at most 600", len(code))
			}
			got, err := Decode(code)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if diff := cmp.Diff(r, got); diff != "" {
				t.Errorf("Decode(Encode(r)) mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(diag.Diagnose(r.Facts), diag.Diagnose(got.Facts)); diff != "" {
				t.Errorf("the diagnosis changed on the way (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeToleratesWhatCopyingDoes(t *testing.T) {
	r := sample(t)
	code, err := Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	wrapped := ""
	for i := 0; i < len(code); i += 60 {
		wrapped += code[i:min(i+60, len(code))] + "\r\n  "
	}
	tests := []struct {
		name string
		in   string
	}{
		{"the code as written", code},
		{"line breaks from an e-mail program", wrapped},
		{"spaces, tabs and a zero-width space", " \t" + code[:10] + "\u200b" + code[10:] + " \n"},
		{"a lower-case prefix", "pd1-" + code[len(Prefix):]},
		{"the whole agent link", AgentURL("https://passkeys.example.com/", code)},
		{"an agent link with more after the code", "https://h/agent#code=" + code + "&lang=de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if diff := cmp.Diff(r, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeRefusesWhatIsNotAReport(t *testing.T) {
	good, err := Encode(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	flip := []byte(good)
	i := len(flip) / 2
	if flip[i] == 'A' {
		flip[i] = 'B'
	} else {
		flip[i] = 'A'
	}
	valid := `{"v":1,"created":"2026-03-02T09:41:00Z","facts":{"ua":"x","answers":{},"policy":{"links":{}}}}`
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"an empty paste", "  \n", ErrNotReport},
		{"a ticket number", "INC0012345", ErrNotReport},
		{"a code of a later format", "PD2-eJzLSM3JyQcABiwCFQ", ErrVersion},
		{"a code far too long", Prefix + strings.Repeat("A", MaxCodeLen), ErrTooLarge},
		{"a paste far too long even with spaces", strings.Repeat(" ", MaxInputLen+1), ErrTooLarge},
		{"characters outside base64url", Prefix + "abc+/def", ErrDamaged},
		{"a code cut short", good[:len(good)-8], ErrDamaged},
		{"a code with one character changed", string(flip), ErrDamaged},
		{"a prefix and nothing else", Prefix, ErrDamaged},
		{"a zlib stream without the dictionary", Prefix + "eJyrVirLTM1RslIyVKoFAB-sBGY", ErrDamaged},
		{"JSON that is not an object", codeOf(t, `[1,2]`), ErrInvalid},
		{"JSON with an unknown field", codeOf(t, strings.Replace(valid, `"v":1`, `"v":1,"email":"a@b.c"`, 1)), ErrInvalid},
		{"JSON with an unknown field inside the facts", codeOf(t, strings.Replace(valid, `"ua":"x"`, `"ua":"x","name":"Jane"`, 1)), ErrInvalid},
		{"JSON with trailing data", codeOf(t, valid+`{}`), ErrInvalid},
		{"another format version in the JSON", codeOf(t, strings.Replace(valid, `"v":1`, `"v":2`, 1)), ErrInvalid},
		{"no creation time", codeOf(t, strings.Replace(valid, `"created":"2026-03-02T09:41:00Z",`, ``, 1)), ErrInvalid},
		{"an unknown language", codeOf(t, strings.Replace(valid, `"v":1`, `"v":1,"lang":"pt"`, 1)), ErrInvalid},
		{"a ticket reference with markup", codeOf(t, strings.Replace(valid, `"v":1`, `"v":1,"ref":"<b>x</b>"`, 1)), ErrInvalid},
		{"a step tried that does not exist", codeOf(t, strings.Replace(valid, `}}}`, `}},"tried":[{"step":"reboot","result":"worked"}]}`, 1)), ErrInvalid},
		{"a result that is neither worked nor stuck", codeOf(t, strings.Replace(valid, `}}}`, `}},"tried":[{"step":"reload-page","result":"maybe"}]}`, 1)), ErrInvalid},
		{"facts the engine refuses", codeOf(t, strings.Replace(valid, `"ua":"x"`, `"ua":"x","ceremonies":[{"kind":"magic"}]`, 1)), ErrInvalid},
		{"a decompression bomb", codeOf(t, `{"v":1,"ref":"`+strings.Repeat("A", 10*MaxJSON)+`"}`), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Decode(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode = %+v, %v; want an error wrapping %q", r, err, tt.want)
			}
			if strings.HasPrefix(err.Error(), "decode report: ") == false {
				t.Errorf("error %q does not name the operation", err)
			}
		})
	}
	if _, err := Decode(codeOf(t, valid)); err != nil {
		t.Errorf("the minimal valid report is refused: %v", err)
	}
}

func TestEncodeRefusesWhatDecodeWould(t *testing.T) {
	// Random text does not compress: the most a report may carry.
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := func() string {
		b := make([]byte, MaxTextLen)
		for i := range b {
			b[i] = byte('!' + rnd.IntN(90))
		}
		return string(b)
	}
	huge := sample(t)
	huge.Facts.Ceremonies = nil
	for i := 0; i < MaxCeremonies; i++ {
		huge.Facts.Ceremonies = append(huge.Facts.Ceremonies, diag.CeremonyFacts{Kind: diag.KindPlatform, ErrorName: "NotAllowedError", ErrorMessage: noise()})
	}
	tests := []struct {
		name   string
		change func(*Report)
		want   error
	}{
		{"a report that was never made with New", func(r *Report) { *r = Report{} }, ErrInvalid},
		{"a step tried that does not exist", func(r *Report) { r.Tried = []Attempt{{"reboot", Worked}} }, ErrInvalid},
		{"a ticket reference with spaces", func(r *Report) { r.Ref = "INC 1" }, ErrInvalid},
		{"facts the engine refuses", func(r *Report) { r.Facts.Answers.AccountType = "guest" }, ErrInvalid},
		{"a report too large for a code", func(r *Report) { *r = huge }, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sample(t)
			tt.change(&r)
			if code, err := Encode(r); !errors.Is(err, tt.want) {
				t.Errorf("Encode = %q, %v; want an error wrapping %q", code, err, tt.want)
			}
		})
	}
}

func TestNewKeepsNothingPersonal(t *testing.T) {
	f := diag.Facts{
		UA: "Mozilla/5.0",
		Ceremonies: []diag.CeremonyFacts{{Kind: diag.KindExisting, Step: diag.StepGet, ErrorName: "NotAllowedError",
			ErrorMessage: "No passkey for jane.doe+work@corp.example.com."}},
		Answers: diag.Answers{Message: "We couldn't sign you in as Jane@Example.co.uk. Contact support@ or help@x", AccountType: "work"},
	}
	r := New(when, "INC 0012345\n<script>", "pt", f, nil)
	want := Report{
		Version: Version,
		Ref:     "INC0012345script",
		Created: when.Truncate(60e9),
		Facts: diag.Facts{
			UA: "Mozilla/5.0",
			Ceremonies: []diag.CeremonyFacts{{Kind: diag.KindExisting, Step: diag.StepGet, ErrorName: "NotAllowedError",
				ErrorMessage: "No passkey for [e-mail]."}},
			Answers: diag.Answers{Message: "We couldn't sign you in as [e-mail]. Contact support@ or help@x", AccountType: "work",
				OtherMethodWorks: diag.Unknown, OtherDeviceWorks: diag.Unknown, AndroidWorkProfile: diag.Unknown,
				PasskeyInPersonalProfile: diag.Unknown, RecreatedPasskey: diag.Unknown},
			Policy: diag.Policy{PasswordAllowed: diag.Unknown},
		},
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("New mismatch (-want +got):\n%s", diff)
	}
	if f.Ceremonies[0].ErrorMessage == r.Facts.Ceremonies[0].ErrorMessage {
		t.Errorf("New changed the caller's facts")
	}
	long := New(when, strings.Repeat("R", 100), "en", diag.Facts{Answers: diag.Answers{Message: strings.Repeat("é", 2*MaxTextLen)}}, nil)
	if n := len([]rune(long.Facts.Answers.Message)); n != MaxTextLen {
		t.Errorf("a long message keeps %d runes, want %d", n, MaxTextLen)
	}
	if len(long.Ref) != MaxRefLen {
		t.Errorf("a long reference keeps %d characters, want %d", len(long.Ref), MaxRefLen)
	}
}

// TestDictionaryIsFrozen: every PD1 code ever handed out depends on the
// dictionary byte for byte. Change it only with a new prefix.
func TestDictionaryIsFrozen(t *testing.T) {
	if got, want := adler32.Checksum([]byte(dictionary)), uint32(dictionaryAdler32); got != want {
		t.Errorf("dictionary Adler-32 = %#x, want %#x: a changed dictionary breaks every PD1 code", got, want)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "pd1-code.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(string(b))
	if err != nil {
		t.Fatalf("a code written by an earlier build no longer decodes: %v", err)
	}
	if r.Ref != "INC0012345" || len(r.Facts.Ceremonies) != 1 || r.Facts.Ceremonies[0].ServerCode != "unknown-credential" {
		t.Errorf("the pinned code decodes to %+v", r)
	}
}

// dictionaryAdler32 is the Adler-32 of format 1's dictionary, which zlib
// also writes into every code as its DICTID.
const dictionaryAdler32 = 0xefc478ae
