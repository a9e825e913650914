package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"flag"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// Docker cannot run here, so these tests read the Dockerfile: the final
// image's shape is checked statically, and the build stage's RUN commands
// run in a copy of the build context (.dockerignore applied) to produce the
// binary the image would ship, which then has to serve the page.

// instruction is one Dockerfile line, continuations joined.
type instruction struct {
	cmd  string // upper case: FROM, RUN, ...
	args string
}

func readDockerfile(t *testing.T) (stages [][]instruction) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var cur strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || line == "" && cur.Len() == 0 {
			continue
		}
		if more, ok := strings.CutSuffix(line, `\`); ok {
			cur.WriteString(more + " ")
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
		cur.Reset()
		in := instruction{strings.ToUpper(cmd), strings.TrimSpace(args)}
		if in.cmd == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) == 0 {
			t.Fatalf("Dockerfile: %s before FROM", in.cmd)
		}
		stages[len(stages)-1] = append(stages[len(stages)-1], in)
	}
	return stages
}

func find(stage []instruction, cmd string) []string {
	var out []string
	for _, in := range stage {
		if in.cmd == cmd {
			out = append(out, in.args)
		}
	}
	return out
}

func TestDockerImageIsStaticNonRootAndShellFree(t *testing.T) {
	stages := readDockerfile(t)
	if len(stages) != 2 {
		t.Fatalf("%d stages, want a build stage and the image", len(stages))
	}
	build, final := stages[0], stages[1]
	from := final[0].args
	user := find(final, "USER")
	entry := find(final, "ENTRYPOINT")
	var entryArgs []string
	if len(entry) == 1 {
		_ = json.Unmarshal([]byte(entry[0]), &entryArgs)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"a golang:1.26 build stage", strings.HasPrefix(build[0].args, "golang:1.26 ")},
		{"CGO_ENABLED=0 -trimpath -ldflags='-s -w' (make build)", strings.Contains(strings.Join(find(build, "RUN"), "\n"), "make build")},
		{"a distroless nonroot or scratch base", strings.Contains(from, "distroless/static") && strings.HasSuffix(from, ":nonroot") || from == "scratch"},
		{"no RUN in the image (there is no shell)", len(find(final, "RUN")) == 0},
		{"no HEALTHCHECK (it would need a shell)", len(find(final, "HEALTHCHECK")) == 0},
		{"a numeric non-root USER", len(user) == 1 && !strings.HasPrefix(user[0], "0") && user[0][0] >= '1' && user[0][0] <= '9'},
		{"EXPOSE 8080", slices1(find(final, "EXPOSE"), "8080")},
		{"an exec-form ENTRYPOINT", len(entryArgs) == 1},
		{"only the binary copied from the build stage", len(find(final, "COPY")) == 1 && strings.HasPrefix(find(final, "COPY")[0], "--from=build ")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("Dockerfile: want %s", c.name)
		}
	}
}

func slices1(s []string, v string) bool { return len(s) == 1 && s[0] == v }

var dockerBuild = flag.Bool("docker-build", false, "run the Dockerfile's build stage outside Docker")

// TestDockerBuildStageMakesAStaticBinaryThatServesThePage runs the build
// stage's commands in a copy of the build context and starts the result
// as the image would.
func TestDockerBuildStageMakesAStaticBinaryThatServesThePage(t *testing.T) {
	if !*dockerBuild && os.Getenv("CI") != "true" {
		t.Skip("builds the page and the server from scratch (about a minute): run with -args -docker-build, or CI=true")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	stages := readDockerfile(t)
	build, final := stages[0], stages[1]
	src := filepath.Join(t.TempDir(), "src") // WORKDIR /src
	copyContext(t, "..", src)

	for _, run := range find(build, "RUN") {
		var words []string
		for _, w := range strings.Fields(run) {
			if !strings.HasPrefix(w, "--mount=") { // BuildKit caches
				words = append(words, w)
			}
		}
		cmd := exec.Command("sh", "-c", strings.Join(words, " "))
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GOFLAGS=") // the image has no GOFLAGS
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("RUN %s: %v\n%s", run, err, out)
		}
	}

	// COPY --from=build /src/bin/passkey-doctor /passkey-doctor
	from := strings.Fields(find(final, "COPY")[0])[1]
	bin := filepath.Join(src, strings.TrimPrefix(from, "/src/"))
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary is dynamically linked; distroless/static has no libc")
		}
	}
	if f.Section(".symtab") != nil {
		t.Error("the binary keeps its symbol table; want -ldflags='-s -w'")
	}
	f.Close()
	if b, err := os.ReadFile(bin); err != nil {
		t.Fatal(err)
	} else if bytes.Contains(b, []byte(src)) {
		t.Error("the binary names the build directory; want -trimpath")
	}

	var env []string
	for _, e := range find(final, "ENV") {
		env = append(env, strings.Fields(e)...)
	}
	env = append(env, "PASSKEY_DOCTOR_SEALING_KEYS="+newSealKey(t, 1).Format())
	var args []string
	for _, in := range append(find(final, "ENTRYPOINT"), find(final, "CMD")...) {
		var a []string
		if err := json.Unmarshal([]byte(in), &a); err != nil {
			t.Fatalf("%s is not exec form: %v", in, err)
		}
		args = append(args, a...)
	}
	logs := &logLines{}
	p := startProcess(t, bin, append(args[1:], "--addr", "127.0.0.1:0"), env, logs)
	for _, tt := range []struct {
		path, acceptEncoding, want string
	}{
		{"/healthz", "", "ok"},
		{"/", "", "Passkey Doctor"},
		{"/web/app.wasm", "br", "br"},
	} {
		req, _ := http.NewRequest("GET", p.url(tt.path), nil)
		if tt.acceptEncoding != "" {
			req.Header.Set("Accept-Encoding", tt.acceptEncoding)
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := string(body)
		if tt.acceptEncoding != "" {
			got = resp.Header.Get("Content-Encoding")
		}
		if resp.StatusCode != http.StatusOK || !strings.Contains(got, tt.want) {
			t.Errorf("GET %s = %d, want 200 with %q", tt.path, resp.StatusCode, tt.want)
		}
	}
	p.stop()
	checkLogs(t, logs.all())
}

// copyContext copies the build context from root to dst, leaving out what
// .dockerignore names (its patterns, "**/" prefixes included; no "!").
func copyContext(t *testing.T, root, dst string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			if strings.HasPrefix(l, "!") {
				t.Fatalf(".dockerignore: exceptions (%s) are not emulated here", l)
			}
			patterns = append(patterns, l)
		}
	}
	ignored := func(rel string) bool {
		for _, p := range patterns {
			if rest, ok := strings.CutPrefix(p, "**/"); ok {
				elems := strings.Split(rel, "/")
				for i := range elems {
					if m, _ := path.Match(rest, strings.Join(elems[i:], "/")); m {
						return true
					}
				}
				continue
			}
			if m, _ := path.Match(p, rel); m {
				return true
			}
		}
		return false
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatalf("copy build context: %v", err)
	}
	for _, gone := range []string{".git", "bin", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(dst, gone)); err == nil {
			t.Fatalf("%s reached the build context", gone)
		}
	}
}
