package bench

import (
	"strings"
	"testing"
)

// TestWasmLinksNoServerLibraries keeps the page small: nothing the browser
// build of ./wasm links may be go-webauthn (about 1 MB compressed on its
// own) or a server package. app/diag and app/report check their own
// imports natively; this checks the whole page as GOOS=js builds it.
func TestWasmLinksNoServerLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps, err := WasmDeps(root(t))
	if err != nil {
		t.Fatal(err)
	}
	forbidden := []string{
		"github.com/go-webauthn/",
		"github.com/passkey-doctor/passkey-doctor/server",
		"github.com/prometheus/",
	}
	for _, pkg := range deps {
		for _, bad := range forbidden {
			if strings.HasPrefix(pkg, bad) {
				t.Errorf("the page (GOOS=js %s) links %s", PagePkg, pkg)
			}
		}
	}
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
}
