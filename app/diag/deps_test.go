package diag

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoForbiddenDeps keeps the engine pure: it is compiled into the
// WebAssembly page, so neither it nor anything below it may use the browser
// bridge, the UI framework, the server's WebAuthn library or net/http.
func TestNoForbiddenDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	forbidden := []string{
		"syscall/js",
		"github.com/maxence-charriere/go-app",
		"github.com/go-webauthn/",
		"net/http",
	}
	// Natively: under GOOS=js the standard library itself reaches
	// syscall/js, which says nothing about the engine.
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, bad := range forbidden {
			if pkg == bad || strings.HasPrefix(pkg, bad) {
				t.Errorf("app/diag depends on %s; keep the engine pure", pkg)
			}
		}
	}
}
