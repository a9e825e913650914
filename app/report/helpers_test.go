package report

import (
	"bytes"
	"compress/zlib"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// when is the clock every test report is made at.
var when = time.Date(2026, 3, 2, 9, 41, 37, 0, time.UTC)

// factsFiles are the captured facts documents shared by several packages.
func factsFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "facts", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no facts documents: %v", err)
	}
	return files
}

func readFacts(t testing.TB, file string) diag.Facts {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := diag.Parse(b)
	if err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	return f
}

func factsName(file string) string { return strings.TrimSuffix(filepath.Base(file), ".json") }

// sample is a report about an orphaned passkey on Windows, as the page
// would make it after two steps.
func sample(t testing.TB) Report {
	t.Helper()
	f := readFacts(t, filepath.Join("..", "..", "testdata", "facts", "windows-orphaned-passkey.json"))
	return New(when, "INC0012345", "en", f, []Attempt{
		{diag.StepTryOtherMethod, Worked},
		{diag.StepDeletePasskeyIdP, Stuck},
	})
}

// codeOf makes a code around any JSON, valid or not, as an attacker could.
func codeOf(t testing.TB, js string) string {
	t.Helper()
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevelDict(&buf, zlib.BestCompression, []byte(dictionary))
	if err != nil {
		t.Fatal(err)
	}
	zw.Write([]byte(js))
	zw.Close()
	return Prefix + enc.EncodeToString(buf.Bytes())
}
