package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// This file runs the server as real processes, as a container or a pod
// would: scaleout_test.go and dockerfile_test.go use it.

// buildServer compiles the server package into dir and returns the binary.
// It skips without the page's app.wasm (`make wasm`), which the binary
// embeds and refuses to start without, unless CI=true.
func buildServer(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "web", "app.wasm")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("web/app.wasm is missing: run make wasm (%v)", err)
		}
		t.Skip("web/app.wasm is missing: run make wasm")
	}
	bin := filepath.Join(dir, "passkey-doctor")
	cmd := exec.Command(goTool(t), "build", "-trimpath", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// goTool is the go command on PATH, which `go test` puts first.
func goTool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command on PATH: %v", err)
	}
	return p
}

// logLines collects a process's stderr, one line each, across restarts.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, s)
}

func (l *logLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

// process is one running server.
type process struct {
	t       *testing.T
	cmd     *exec.Cmd
	addr    string // host:port it listens on
	scanned chan struct{}
	stopped bool
}

// startProcess runs bin with args and env (on top of a minimal
// environment) and waits for its "serving" log line, which names the
// address. The log must be JSON (server.logFormat json).
func startProcess(t *testing.T, bin string, args, env []string, logs *logLines) *process {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	p := &process{t: t, cmd: cmd, scanned: make(chan struct{})}
	serving := make(chan string, 1)
	go func() {
		defer close(p.scanned)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			logs.add(line)
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "serving" {
				select {
				case serving <- rec.Addr:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	t.Cleanup(func() {
		if !p.stopped {
			_ = cmd.Process.Kill()
			<-p.scanned
			_ = cmd.Wait()
		}
	})
	select {
	case p.addr = <-serving:
	case <-p.scanned:
		t.Fatalf("%s exited before serving:\n%s", bin, strings.Join(logs.all(), "\n"))
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not say it was serving:\n%s", bin, strings.Join(logs.all(), "\n"))
	}
	return p
}

// stop sends SIGTERM, as an orchestrator does, and waits for a clean exit.
func (p *process) stop() {
	p.t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		p.t.Fatal(err)
	}
	<-p.scanned
	err := p.cmd.Wait()
	p.stopped = true
	if err != nil {
		p.t.Fatalf("server exited with %v after SIGTERM", err)
	}
}

func (p *process) url(path string) string { return fmt.Sprintf("http://%s%s", p.addr, path) }
