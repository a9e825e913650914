package bench

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/probe"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

var (
	apiRequests = flag.Int("api.requests", 20000, "requests per step of BenchmarkAPI")
	apiConns    = flag.Int("api.conns", 64, "concurrent connections of BenchmarkAPI and BenchmarkAbandonedBegins")
)

// Goals for sign-in verification on the 2-core development machine.
const (
	goalLoginFinishPerSecond = 5000
	goalLoginFinishP99       = 20 * time.Millisecond
)

// BenchmarkAPI drives the four ceremony steps of the real server binary
// (its own process, 127.0.0.1) at api.conns connections with a software
// ES256 authenticator. Each step is a load run of its own: the begins'
// answers are kept, and the authenticator answers them (creates keys,
// signs) between runs, outside the timing, so the finish runs measure the
// server's verification and not the client's signing. The client still
// shares the machine's CPUs with the server.
func BenchmarkAPI(b *testing.B) {
	srv := startServer(b)
	base := "http://localhost:" + srv.Port()
	ctx := context.Background()
	n, conns := *apiRequests, *apiConns

	// One credential signs in every time, as the existing-passkey test does.
	login := softauth.New()
	login.UV, login.Origin = true, base
	cred, err := registerOnce(ctx, probe.Client{Base: base, Transport: probe.HTTPTransport{Client: NewClient(srv.Addr)}}, login)
	if err != nil {
		b.Fatal(err)
	}

	for b.Loop() {
		reg := softauth.New()
		reg.UV, reg.Origin = true, base

		rb := run(b, ctx, srv.Addr, base+ceremony.PathRegisterBegin, repeat(mustJSON(b, ceremony.RegisterBeginRequest{Kind: ceremony.KindPlatform}), n), conns, true)
		finishes := make([][]byte, n)
		for i, answer := range rb.Answers {
			var begin ceremony.RegisterBeginResponse
			if err := json.Unmarshal(answer, &begin); err != nil {
				b.Fatalf("register begin answer: %v", err)
			}
			made, err := reg.Create(begin.PublicKey)
			if err != nil {
				b.Fatal(err)
			}
			finishes[i] = mustJSON(b, ceremony.RegisterFinishRequest{Session: begin.Session, Credential: mustJSON(b, made)})
		}
		rf := run(b, ctx, srv.Addr, base+ceremony.PathRegisterFinish, finishes, conns, false)

		lb := run(b, ctx, srv.Addr, base+ceremony.PathLoginBegin, repeat(mustJSON(b, ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{cred}}), n), conns, true)
		for i, answer := range lb.Answers {
			var begin ceremony.LoginBeginResponse
			if err := json.Unmarshal(answer, &begin); err != nil {
				b.Fatalf("login begin answer: %v", err)
			}
			signed, err := login.Get(begin.PublicKey)
			if err != nil {
				b.Fatal(err)
			}
			finishes[i] = mustJSON(b, ceremony.LoginFinishRequest{Session: begin.Session, Credentials: []string{cred}, Credential: mustJSON(b, signed)})
		}
		lf := run(b, ctx, srv.Addr, base+ceremony.PathLoginFinish, finishes, conns, false)

		for _, s := range []struct {
			name string
			r    Result
		}{{"register-begin", rb}, {"register-finish", rf}, {"login-begin", lb}, {"login-finish", lf}} {
			b.ReportMetric(s.r.PerSecond(), s.name+"/s")
			b.ReportMetric(ms(s.r.Percentile(50)), s.name+"-p50-ms")
			b.ReportMetric(ms(s.r.Percentile(99)), s.name+"-p99-ms")
			note := ""
			if s.name == "login-finish" {
				note = fmt.Sprintf("goal ≥ %d/s: %s; p99 ≤ %v: %s", goalLoginFinishPerSecond, verdict(s.r.PerSecond() >= goalLoginFinishPerSecond),
					goalLoginFinishP99, verdict(s.r.Percentile(99) <= goalLoginFinishP99))
			}
			record("API "+s.name, fmt.Sprintf("%.0f/s, p50 %.2f ms, p99 %.2f ms", s.r.PerSecond(), ms(s.r.Percentile(50)), ms(s.r.Percentile(99))),
				joinNonEmpty(fmt.Sprintf("%d requests, %d connections", len(s.r.Latencies), conns), note))
		}
	}
}

// registerOnce makes the credential the sign-ins use and returns its
// sealed token.
func registerOnce(ctx context.Context, c probe.Client, a *softauth.Authenticator) (string, error) {
	begin, err := c.RegisterBegin(ctx, ceremony.RegisterBeginRequest{Kind: ceremony.KindPlatform})
	if err != nil {
		return "", fmt.Errorf("register begin: %w", err)
	}
	made, err := a.Create(begin.PublicKey)
	if err != nil {
		return "", fmt.Errorf("create: %w", err)
	}
	raw, err := json.Marshal(made)
	if err != nil {
		return "", fmt.Errorf("encode credential: %w", err)
	}
	fin, err := c.RegisterFinish(ctx, ceremony.RegisterFinishRequest{Session: begin.Session, Credential: raw})
	if err != nil {
		return "", fmt.Errorf("register finish: %w", err)
	}
	return fin.Credential, nil
}

// run is Post that fails the benchmark on any error or refusal.
func run(b *testing.B, ctx context.Context, addr, url string, bodies [][]byte, conns int, keep bool) Result {
	b.Helper()
	r, err := Post(ctx, addr, url, bodies, conns, keep)
	if err != nil {
		b.Fatal(err)
	}
	if r.Failed > 0 {
		b.Fatalf("%s: %d of %d refused, e.g. %s", url, r.Failed, len(bodies), r.FirstFailure)
	}
	return r
}

// repeat is n references to one body.
func repeat(body []byte, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = body
	}
	return out
}

func mustJSON(b *testing.B, v any) []byte {
	b.Helper()
	out, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
