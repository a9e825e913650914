package bench

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// Module paths of what the benchmarks build.
const (
	// PagePkg is the page: the package `make wasm` builds into app.wasm.
	PagePkg = "./wasm"
	// HelloPkg is the go-app hello-world yardstick.
	HelloPkg = "./server/bench/hello"
	// ServerPkg is the server binary.
	ServerPkg = "./server"
)

// RepoRoot finds the module root (the directory holding go.mod) from the
// working directory upwards; `go test` runs in the package's directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find the module root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find the module root: no go.mod above the working directory")
		}
		dir = parent
	}
}

// BuildWasm builds pkg for the browser exactly as `make wasm` builds
// app.wasm (GOOS=js GOARCH=wasm, -trimpath, -ldflags='-s -w', no inlining
// in the page's own packages) into out. Keep it in step with the Makefile.
// The no-inlining pattern names our app/... packages only, so a
// hello-world built with it gets the same toolchain and flags.
func BuildWasm(root, pkg, out string) error {
	return goBuild(root, []string{"GOOS=js", "GOARCH=wasm"}, "-trimpath", "-ldflags=-s -w", "-gcflags="+NoInline, "-o", out, pkg)
}

// NoInline turns off inlining in the page's own packages: their code is UI
// and diagnosis run once per click, where speed does not show, while every
// inlined go-app builder chain makes app.wasm bigger to send (about 1.3 %
// brotli in all).
const NoInline = "github.com/passkey-doctor/passkey-doctor/app/...=-l"

// BuildServer builds the server binary as `make build` does into out.
// web/app.wasm must exist: the binary embeds it.
func BuildServer(root, out string) error {
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		return fmt.Errorf("web/app.wasm is missing (run make wasm): %w", err)
	}
	return goBuild(root, []string{"CGO_ENABLED=0"}, "-trimpath", "-ldflags=-s -w", "-o", out, ServerPkg)
}

func goBuild(root string, env []string, args ...string) error {
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// Sizes are one file's bytes as stored and as sent.
type Sizes struct {
	Raw, Gzip, Brotli int
}

// Compress measures raw at the ratios the build ships with (gzip and
// brotli at their best, as server/cmd/precompress writes them) and returns
// the compressed twins as well, so they can be served.
func Compress(raw []byte) (Sizes, []byte, []byte, error) {
	var gz, br bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return Sizes{}, nil, nil, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(raw); err != nil {
		return Sizes{}, nil, nil, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return Sizes{}, nil, nil, fmt.Errorf("gzip: %w", err)
	}
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(raw); err != nil {
		return Sizes{}, nil, nil, fmt.Errorf("brotli: %w", err)
	}
	if err := bw.Close(); err != nil {
		return Sizes{}, nil, nil, fmt.Errorf("brotli: %w", err)
	}
	return Sizes{Raw: len(raw), Gzip: gz.Len(), Brotli: br.Len()}, gz.Bytes(), br.Bytes(), nil
}

// WasmDeps lists every package the page links, as the browser build sees
// them (GOOS=js GOARCH=wasm go list -deps).
func WasmDeps(root string) ([]string, error) {
	cmd := exec.Command("go", "list", "-deps", PagePkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %w", PagePkg, err)
	}
	return strings.Fields(string(out)), nil
}
