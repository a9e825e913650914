package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
)

// work is a directory for this run's build products, removed at exit.
var work string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "passkey-doctor-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	work = dir
	code := m.Run()
	printSummary()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// figure is one line of the summary `make bench` ends with.
type figure struct{ name, value, note string }

var (
	figuresMu sync.Mutex
	figures   []figure
)

// record adds a line to the summary. A benchmark run more than once (b.N
// > 1, or -count) records its last run.
func record(name, value, note string) {
	figuresMu.Lock()
	defer figuresMu.Unlock()
	for i, f := range figures {
		if f.name == name {
			figures[i] = figure{name, value, note}
			return
		}
	}
	figures = append(figures, figure{name, value, note})
}

// printSummary prints the recorded figures as one table.
func printSummary() {
	figuresMu.Lock()
	defer figuresMu.Unlock()
	if len(figures) == 0 {
		return
	}
	fmt.Printf("\nSummary: %s, %s/%s, %d CPUs\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tvalue\tbaseline / goal")
	fmt.Fprintln(tw, "------\t-----\t---------------")
	for _, f := range figures {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.name, f.value, f.note)
	}
	_ = tw.Flush()
}

// verdict says whether a goal is met, for the summary.
func verdict(met bool) string {
	if met {
		return "met"
	}
	return "MISSED"
}

// root is the module root, or the benchmark fails.
func root(tb testing.TB) string {
	tb.Helper()
	r, err := RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// built caches a build product per run: each is built once, the first time
// a benchmark needs it.
type built struct {
	once sync.Once
	path string
	err  error
}

var serverBin, helloWasm built

// get builds the product with make on the first call.
func (b *built) get(tb testing.TB, make func(out string) error, name string) string {
	tb.Helper()
	b.once.Do(func() {
		b.path = filepath.Join(work, name)
		b.err = make(b.path)
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.path
}

// serverBinary is bin/passkey-doctor built for this run.
func serverBinary(tb testing.TB) string {
	r := root(tb)
	return serverBin.get(tb, func(out string) error { return BuildServer(r, out) }, "passkey-doctor")
}

// helloWasmFile is the hello-world page built for this run.
func helloWasmFile(tb testing.TB) string {
	r := root(tb)
	return helloWasm.get(tb, func(out string) error { return BuildWasm(r, HelloPkg, out) }, "hello.wasm")
}

// startServer runs the server binary for one benchmark.
func startServer(tb testing.TB) *Server {
	tb.Helper()
	s, err := StartServer(serverBinary(tb), tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Stop)
	return s
}

// mib formats bytes in MiB.
func mib(n float64) string { return fmt.Sprintf("%.2f MiB", n/(1<<20)) }

// joinNonEmpty joins the non-empty parts with "; ".
func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}
