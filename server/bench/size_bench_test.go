package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// wasmBudget is how much bigger than a go-app hello-world the page may be,
// brotli to brotli.
const wasmBudget = 1.25

// BenchmarkWasmSize builds app.wasm and the hello-world with the same
// toolchain and flags in this run, compresses both as the build ships them,
// and reports bytes raw, gzip and brotli and the page-to-hello ratio. The
// figures do not depend on b.N; each iteration builds afresh.
func BenchmarkWasmSize(b *testing.B) {
	r := root(b)
	for b.Loop() {
		page := filepath.Join(b.TempDir(), "app.wasm")
		if err := BuildWasm(r, PagePkg, page); err != nil {
			b.Fatal(err)
		}
		ps := sizesOf(b, page)
		hs := sizesOf(b, helloWasmFile(b))
		ratio := float64(ps.Brotli) / float64(hs.Brotli)

		b.ReportMetric(float64(ps.Raw), "page-raw-B")
		b.ReportMetric(float64(ps.Gzip), "page-gzip-B")
		b.ReportMetric(float64(ps.Brotli), "page-br-B")
		b.ReportMetric(float64(hs.Raw), "hello-raw-B")
		b.ReportMetric(float64(hs.Gzip), "hello-gzip-B")
		b.ReportMetric(float64(hs.Brotli), "hello-br-B")
		b.ReportMetric(ratio, "br-ratio")
		b.ReportMetric(float64(ps.Gzip)/float64(hs.Gzip), "gzip-ratio")

		record("app.wasm raw / gzip / brotli", fmt.Sprintf("%s / %s / %s", mib(float64(ps.Raw)), mib(float64(ps.Gzip)), mib(float64(ps.Brotli))),
			fmt.Sprintf("hello-world %s / %s / %s", mib(float64(hs.Raw)), mib(float64(hs.Gzip)), mib(float64(hs.Brotli))))
		record("app.wasm / hello-world (brotli)", fmt.Sprintf("%.2f×", ratio),
			fmt.Sprintf("budget ≤ %.2f×: %s (gzip %.2f×)", wasmBudget, verdict(ratio <= wasmBudget), float64(ps.Gzip)/float64(hs.Gzip)))
	}
}

// sizesOf reads a wasm file and measures it.
func sizesOf(b *testing.B, path string) Sizes {
	b.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s, _, _, err := Compress(raw)
	if err != nil {
		b.Fatal(err)
	}
	return s
}
