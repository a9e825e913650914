package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// BenchConfig is the server configuration of every benchmark: the
// defaults, with the per-client rate limit raised out of the way (every
// request comes from 127.0.0.1, one client) and JSON logs to parse the
// listen address from.
const BenchConfig = `server:
  logFormat: json
limits:
  requestsPerMinute: 100000000
  burst: 10000000
  maxInFlight: 256
`

// Server is one running server process.
type Server struct {
	cmd     *exec.Cmd
	scanned chan struct{}
	// Addr is the address it listens on, e.g. 127.0.0.1:41234.
	Addr string
}

// StartServer writes BenchConfig into dir and runs bin serve on a free
// loopback port until Stop.
func StartServer(bin, dir string) (*Server, error) {
	cfg := filepath.Join(dir, "bench.yaml")
	if err := os.WriteFile(cfg, []byte(BenchConfig), 0o600); err != nil {
		return nil, fmt.Errorf("write bench config: %w", err)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--config", cfg)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("start server: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start server: %w", err)
	}
	s := &Server{cmd: cmd, scanned: make(chan struct{})}
	serving := make(chan string, 1)
	var head []string
	go func() {
		defer close(s.scanned)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "serving" {
				serving <- rec.Addr
				break
			}
			if len(head) < 20 {
				head = append(head, sc.Text())
			}
		}
		// Keep draining, or a chatty server blocks on a full pipe.
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case s.Addr = <-serving:
		return s, nil
	case <-s.scanned:
		_ = cmd.Wait()
		return nil, fmt.Errorf("server exited before serving:\n%s", strings.Join(head, "\n"))
	case <-time.After(30 * time.Second):
		s.Stop()
		return nil, fmt.Errorf("server did not say it was serving within 30 s")
	}
}

// Port is the port the server listens on.
func (s *Server) Port() string {
	_, port, _ := net.SplitHostPort(s.Addr)
	return port
}

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// RSS reads the server's resident set size (VmRSS) in bytes from
// /proc/<pid>/status.
func (s *Server) RSS() (int64, error) {
	return ReadRSS(s.Pid())
}

// ReadRSS reads VmRSS of process pid, in bytes.
func ReadRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read RSS: %w", err)
	}
	for line := range strings.Lines(string(b)) {
		v, ok := strings.CutPrefix(line, "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(v) // "12345 kB"
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("read RSS: unexpected %q", line)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("read RSS: %w", err)
		}
		return kb << 10, nil
	}
	return 0, fmt.Errorf("read RSS: no VmRSS line for pid %d", pid)
}

// Stop sends SIGTERM and waits for the process to exit.
func (s *Server) Stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		<-s.scanned
		_ = s.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}
