package report

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoForbiddenDeps: the report is compiled into the WebAssembly page,
// so it must not pull in the browser bridge, the UI framework, the
// server's WebAuthn library, net/http or an image codec (the QR code is drawn as SVG text).
func TestNoForbiddenDeps(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	forbidden := []string{"syscall/js", "github.com/maxence-charriere/go-app", "github.com/go-webauthn/", "net/http", "image"}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, bad := range forbidden {
			if pkg == bad || strings.HasPrefix(pkg, bad+"/") {
				t.Errorf("app/report depends on %s", pkg)
			}
		}
	}
}
