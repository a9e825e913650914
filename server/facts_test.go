package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// capturedFacts reads testdata/facts/<name>.json, a captured facts document.
func capturedFacts(t *testing.T, name string) diag.Facts {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "facts", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := diag.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
