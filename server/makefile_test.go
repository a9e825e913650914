package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMakeHelpListsEveryTarget runs `make help` and wants a line for every
// phony target, the ones people are told to use first: a target whose name
// the help pattern misses (e2e has a digit) is as good as undocumented.
func TestMakeHelpListsEveryTarget(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	b, err := os.ReadFile(filepath.Join("..", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	var phony []string
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, ".PHONY:"); ok {
			phony = append(phony, strings.Fields(rest)...)
		}
	}
	for _, want := range []string{"run", "build", "test", "e2e", "bench", "fuzz", "lint", "static", "clean"} {
		if !slices.Contains(phony, want) {
			t.Errorf("Makefile: %s is not a .PHONY target", want)
		}
	}

	cmd := exec.Command("make", "-s", "--no-print-directory", "help")
	cmd.Dir = ".."
	// Under `make test` the outer make's flags (a jobserver, -n) must not leak in.
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "MAKEFLAGS=") || strings.HasPrefix(kv, "MFLAGS=") || strings.HasPrefix(kv, "MAKELEVEL=")
	})
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make help: %v\n%s", err, out)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if name, text, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
			listed[name] = strings.TrimSpace(text)
		}
	}
	for _, target := range phony {
		if listed[target] == "" {
			t.Errorf("make help has no line for %q:\n%s", target, out)
		}
	}
}
