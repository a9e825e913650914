package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/seal"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// fakeClientIP is the address the load balancer says the person has. It
// must never reach a log line.
const fakeClientIP = "203.0.113.9"

// TestScaleOut runs two real server processes behind a round-robin proxy,
// configured like the Kubernetes Deployment (the ConfigMap's file, keys in
// the environment), and checks that ceremonies span replicas and restarts
// with one key ring and fail with a coded token error without one.
func TestScaleOut(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server binary")
	}
	dir := t.TempDir()
	bin := buildServer(t, dir)
	cfgFile := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfgFile, []byte(configMapFile(t)), 0o600); err != nil {
		t.Fatal(err)
	}
	k1, k2, k1other := newSealKey(t, 1), newSealKey(t, 2), newSealKey(t, 1)

	t.Run("one key ring: begin on one replica, finish on the other, across a restart", func(t *testing.T) {
		c := newCluster(t, bin, cfgFile, k1.Format(), k1.Format())
		auth := softauth.New()

		begin := c.registerBegin(ceremony.KindPlatform)
		c.replicas[1].restart() // the replica that finishes never saw the begin
		reg := c.finish(ceremony.PathRegisterFinish, ceremony.RegisterFinishRequest{Session: begin.Session, Credential: c.create(auth, begin)})
		if !reg.ok() || !reg.out.UserVerified {
			t.Fatalf("register finish after a restart: %d %+v %+v", reg.status, reg.err, reg.out)
		}

		lb := c.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.out.Credential}})
		c.replicas[0].restart()
		login := c.finish(ceremony.PathLoginFinish, ceremony.LoginFinishRequest{Session: lb.Session, Credentials: []string{reg.out.Credential}, Credential: c.get(auth, lb)})
		if !login.ok() {
			t.Fatalf("login finish: %d %+v", login.status, login.err)
		}

		eb := c.loginBegin(ceremony.LoginBeginRequest{Kind: ceremony.KindExisting, Discoverable: true, Credentials: []string{login.out.Credential}})
		existing := c.finish(ceremony.PathLoginFinish, ceremony.LoginFinishRequest{Session: eb.Session, Credentials: []string{login.out.Credential}, Credential: c.get(auth, eb)})
		if !existing.ok() {
			t.Fatalf("existing-passkey login finish: %d %+v", existing.status, existing.err)
		}

		report := `{"platform":{"os":"windows"},"support":{"platformPasskeys":"yes"},"findings":[{"code":"all-tests-passed","severity":"info"}],` +
			`"ceremonies":[{"kind":"platform","outcome":"ok","cause":null,"confidence":null}],"steps":[]}`
		if status, body := c.post(PathDiagnosisForTest, []byte(report)); status != http.StatusNoContent {
			t.Fatalf("diagnosis report: %d %s", status, body)
		}

		wantRoute := []string{
			"0 " + ceremony.PathRegisterBegin, "1 " + ceremony.PathRegisterFinish,
			"0 " + ceremony.PathLoginBegin, "1 " + ceremony.PathLoginFinish,
			"0 " + ceremony.PathLoginBegin, "1 " + ceremony.PathLoginFinish,
			"0 " + PathDiagnosisForTest,
		}
		if diff := cmp.Diff(wantRoute, c.proxy.route()); diff != "" {
			t.Errorf("replica per request (-want +got):\n%s", diff)
		}

		// Two mistakes, so the log has failure lines to check.
		c.post(ceremony.PathRegisterBegin, []byte(`{"kind":"nonsense"}`))
		c.post("/api/nope", []byte(`{}`))

		for _, tt := range []struct {
			series string
			want   float64
		}{
			{`passkey_doctor_api_ceremony_requests_total{code="none",kind="platform",outcome="ok",step="register-finish"}`, 1},
			{`passkey_doctor_api_ceremony_requests_total{code="none",kind="platform",outcome="ok",step="login-finish"}`, 1},
			{`passkey_doctor_api_ceremony_requests_total{code="none",kind="existing",outcome="ok",step="login-finish"}`, 1},
			{`passkey_doctor_visits_total{os="windows",platform_passkeys="yes"}`, 1},
			{`passkey_doctor_findings_total{code="all-tests-passed"}`, 1},
			{`passkey_doctor_ceremonies_total{cause="none",kind="platform",outcome="ok"}`, 1},
		} {
			if got := c.metric(tt.series); got != tt.want {
				t.Errorf("%s summed over replicas = %v, want %v", tt.series, got, tt.want)
			}
		}
		c.stop()
		lines := c.logs.all()
		if !strings.Contains(strings.Join(lines, "\n"), `"code":"bad-request"`) {
			t.Errorf("the failed request was not logged:\n%s", strings.Join(lines, "\n"))
		}
		checkLogs(t, lines, reg.out.Credential, login.out.Credential, begin.Session, lb.Session)
	})

	tests := []struct {
		name     string
		sealer   string // the replica that begins
		opener   string // the replica that finishes
		wantCode ceremony.Code
	}{
		{"replicas with different keys refuse each other's tokens as an unknown key", k1.Format(), k2.Format(), ceremony.CodeTokenUnknownKey},
		{"replicas with the same key id but different secrets refuse each other's tokens as invalid", k1.Format(), k1other.Format(), ceremony.CodeTokenInvalid},
		{"mid-rotation, a replica that already lists the new key second opens the old key's tokens", k1.Format(), k1.Format() + "," + k2.Format(), ""},
		{"after rotation, a replica still on the old ring refuses the new key's tokens", k2.Format() + "," + k1.Format(), k1.Format(), ceremony.CodeTokenUnknownKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCluster(t, bin, cfgFile, tt.sealer, tt.opener)
			auth := softauth.New()
			begin := c.registerBegin(ceremony.KindSecurityKey)
			got := c.finish(ceremony.PathRegisterFinish, ceremony.RegisterFinishRequest{Session: begin.Session, Credential: c.create(auth, begin)})
			if tt.wantCode == "" {
				if !got.ok() {
					t.Fatalf("register finish: %d %+v, want it to work", got.status, got.err)
				}
				return
			}
			if got.status != http.StatusBadRequest || got.err.Code != tt.wantCode {
				t.Fatalf("register finish on the other replica = %d %+v, want 400 %s", got.status, got.err, tt.wantCode)
			}
			series := fmt.Sprintf(`passkey_doctor_api_ceremony_requests_total{code=%q,kind="unknown",outcome="failed",step="register-finish"}`, tt.wantCode)
			if n := c.metric(series); n != 1 {
				t.Errorf("%s = %v, want 1", series, n)
			}
		})
	}
}

// PathDiagnosisForTest is the page's report endpoint (api.PathDiagnosis),
// spelled out so a rename breaks this test.
const PathDiagnosisForTest = "/api/diagnosis"

// configMapFile returns config.yaml from the Kubernetes ConfigMap.
func configMapFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "deploy", "kubernetes", "configmap.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cm struct {
		Data map[string]string `yaml:"data"`
	}
	if err := yaml.Unmarshal(b, &cm); err != nil {
		t.Fatal(err)
	}
	f, ok := cm.Data["config.yaml"]
	if !ok {
		t.Fatal("the ConfigMap has no config.yaml")
	}
	return f
}

func newSealKey(t *testing.T, id uint8) seal.Key {
	t.Helper()
	k, err := seal.GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// replica is one server process that can be restarted on its address.
type replica struct {
	t    *testing.T
	bin  string
	env  []string
	logs *logLines
	proc *process
}

func (r *replica) start(addr string) {
	r.proc = startProcess(r.t, r.bin, []string{"serve", "--addr", addr}, r.env, r.logs)
}

// restart stops the replica (SIGTERM) and starts it again on its address,
// with an empty replay cache and nothing kept from before.
func (r *replica) restart() {
	r.t.Helper()
	addr := r.proc.addr
	r.proc.stop()
	r.start(addr)
}

// roundRobin is a load balancer: each request goes to the next replica in
// turn. It remembers which replica served which path.
type roundRobin struct {
	mu       sync.Mutex
	replicas []*replica
	next     int
	served   []string
}

func (rr *roundRobin) pick(path string) string {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	i := rr.next
	rr.next = (rr.next + 1) % len(rr.replicas)
	rr.served = append(rr.served, strconv.Itoa(i)+" "+path)
	return rr.replicas[i].proc.addr
}

func (rr *roundRobin) route() []string {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	return append([]string(nil), rr.served...)
}

func (rr *roundRobin) handler() http.Handler {
	return &httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
		pr.SetURL(&url.URL{Scheme: "http", Host: rr.pick(pr.In.URL.Path)})
		pr.Out.Host = pr.In.Host
		pr.SetXForwarded()
		// What a real load balancer adds: the person's address.
		pr.Out.Header.Set("X-Forwarded-For", fakeClientIP)
	}}
}

// cluster is two replicas behind the proxy, one test's worth.
type cluster struct {
	t        *testing.T
	replicas []*replica
	proxy    *roundRobin
	front    *httptest.Server
	logs     *logLines
}

// newCluster starts one replica per key ring (PASSKEY_DOCTOR_SEALING_KEYS),
// each with the config file, JSON logs and a loopback address.
func newCluster(t *testing.T, bin, cfgFile string, rings ...string) *cluster {
	t.Helper()
	c := &cluster{t: t, proxy: &roundRobin{}, logs: &logLines{}}
	for _, ring := range rings {
		r := &replica{t: t, bin: bin, logs: c.logs, env: []string{
			"PASSKEY_DOCTOR_CONFIG=" + cfgFile,
			"PASSKEY_DOCTOR_SEALING_KEYS=" + ring,
		}}
		r.start("127.0.0.1:0")
		c.replicas = append(c.replicas, r)
	}
	c.proxy.replicas = c.replicas
	c.front = httptest.NewServer(c.proxy.handler())
	t.Cleanup(c.front.Close)
	return c
}

func (c *cluster) stop() {
	for _, r := range c.replicas {
		r.proc.stop()
	}
}

// post sends body as JSON through the proxy.
func (c *cluster) post(path string, body []byte) (int, []byte) {
	c.t.Helper()
	resp, err := http.Post(c.front.URL+path, "application/json", bytes.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp.StatusCode, b
}

func (c *cluster) postJSON(path string, in, out any) {
	c.t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		c.t.Fatal(err)
	}
	status, body := c.post(path, b)
	if status != http.StatusOK {
		c.t.Fatalf("POST %s: %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
}

func (c *cluster) registerBegin(kind ceremony.Kind) ceremony.RegisterBeginResponse {
	c.t.Helper()
	var out ceremony.RegisterBeginResponse
	c.postJSON(ceremony.PathRegisterBegin, ceremony.RegisterBeginRequest{Kind: kind}, &out)
	return out
}

func (c *cluster) loginBegin(req ceremony.LoginBeginRequest) ceremony.LoginBeginResponse {
	c.t.Helper()
	var out ceremony.LoginBeginResponse
	c.postJSON(ceremony.PathLoginBegin, req, &out)
	return out
}

func (c *cluster) create(auth *softauth.Authenticator, begin ceremony.RegisterBeginResponse) json.RawMessage {
	c.t.Helper()
	cred, err := auth.Create(begin.PublicKey)
	if err != nil {
		c.t.Fatal(err)
	}
	return mustJSON(c.t, cred)
}

func (c *cluster) get(auth *softauth.Authenticator, begin ceremony.LoginBeginResponse) json.RawMessage {
	c.t.Helper()
	assertion, err := auth.Get(begin.PublicKey)
	if err != nil {
		c.t.Fatal(err)
	}
	return mustJSON(c.t, assertion)
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// finished is a finish answer: the outcome or the coded error.
type finished struct {
	status int
	out    ceremony.FinishResponse
	err    ceremony.Error
}

func (f finished) ok() bool { return f.status == http.StatusOK }

func (c *cluster) finish(path string, req any) finished {
	c.t.Helper()
	status, body := c.post(path, mustJSON(c.t, req))
	f := finished{status: status}
	dst := any(&f.out)
	if status != http.StatusOK {
		dst = &f.err
	}
	if err := json.Unmarshal(body, dst); err != nil {
		c.t.Fatalf("POST %s: %d %s: %v", path, status, body, err)
	}
	return f
}

// metric sums one series (name{labels} exactly as exposed) over the
// replicas, read from each one's /metrics directly.
func (c *cluster) metric(series string) float64 {
	c.t.Helper()
	sum := 0.0
	for _, r := range c.replicas {
		resp, err := http.Get(r.proc.url("/metrics"))
		if err != nil {
			c.t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			c.t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, series+" "); ok {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					c.t.Fatalf("%s: %v", line, err)
				}
				sum += n
			}
		}
	}
	return sum
}

// checkLogs asserts that every line is JSON, that no address reaches the
// log (the listen address of the "serving" line is the server's own), and
// that no secret does either.
func checkLogs(t *testing.T, lines []string, secrets ...string) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatal("no log lines")
	}
	for _, line := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %s", line)
			continue
		}
		if rec["msg"] == "serving" {
			delete(rec, "addr")
		}
		rest, _ := json.Marshal(rec)
		for _, ip := range []string{fakeClientIP, "127.0.0.1", "[::1]"} {
			if strings.Contains(string(rest), ip) {
				t.Errorf("log line carries an address (%s): %s", ip, line)
			}
		}
		for _, s := range secrets {
			if s != "" && strings.Contains(line, s) {
				t.Errorf("log line carries a token: %.80s…", line)
			}
		}
	}
}
