package bench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// NewClient returns an HTTP client for the single requests a benchmark
// makes outside a load run. Requests go to http://localhost:PORT (the RP ID
// derives from the Host, and an IP address cannot be one) but connect to
// addr, 127.0.0.1:PORT.
func NewClient(addr string) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
				return d.DialContext(ctx, network, addr)
			},
			DisableCompression: true,
		},
	}
}

// Result is one load run: each request's latency and, when kept, each
// answer, in the order of the bodies sent.
type Result struct {
	Latencies []time.Duration
	Answers   [][]byte
	Elapsed   time.Duration
	// Failed counts answers other than 200 OK; FirstFailure is one of them.
	Failed       int
	FirstFailure string
}

// PerSecond is the throughput of the run: requests per second of wall time.
func (r Result) PerSecond() float64 {
	return float64(len(r.Latencies)) / r.Elapsed.Seconds()
}

// Percentile returns the p-th percentile latency (0 < p ≤ 100), nearest
// rank.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.Latencies)
	slices.Sort(s)
	i := int(p/100*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// Post sends every body once as a JSON POST to url over conns keep-alive
// connections to addr, and times each request from send to the last byte
// of the answer. keep keeps the answers.
//
// Each connection is one goroutine that writes a request and reads its
// answer, as wrk does, with net/http's own Request.Write and ReadResponse.
// An http.Client would hand every request to two more goroutines (its
// connection's read and write loops): about 50 instead of 33 µs of the
// CPUs the server shares per request, and their scheduling would count in
// the latency measured.
func Post(ctx context.Context, addr, url string, bodies [][]byte, conns int, keep bool) (Result, error) {
	l := &loadRun{url: url, bodies: bodies, r: Result{Latencies: make([]time.Duration, len(bodies))}}
	if keep {
		l.r.Answers = make([][]byte, len(bodies))
	}
	var (
		wg       sync.WaitGroup
		firstErr error
		once     sync.Once
	)
	start := time.Now()
	for range conns {
		wg.Go(func() {
			if err := l.connection(ctx, addr); err != nil {
				once.Do(func() { firstErr = err })
			}
		})
	}
	wg.Wait()
	l.r.Elapsed = time.Since(start)
	if firstErr != nil {
		return l.r, fmt.Errorf("post %s: %w", url, firstErr)
	}
	return l.r, nil
}

// loadRun is the state Post's connections share.
type loadRun struct {
	url    string
	bodies [][]byte
	next   atomic.Int64 // the next body to send
	mu     sync.Mutex   // guards r.Failed and r.FirstFailure
	r      Result
}

// connection dials addr and sends the next body not yet taken until none is
// left, on one keep-alive connection.
func (l *loadRun) connection(ctx context.Context, addr string) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
	defer stop()
	br, bw := bufio.NewReader(conn), bufio.NewWriter(conn)
	for {
		i := int(l.next.Add(1) - 1)
		if i >= len(l.bodies) {
			return nil
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.url, bytes.NewReader(l.bodies[i]))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		t0 := time.Now()
		if err := req.Write(bw); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			return err
		}
		answer, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			return err
		}
		l.r.Latencies[i] = time.Since(t0)
		if l.r.Answers != nil {
			l.r.Answers[i] = answer
		}
		if resp.StatusCode != http.StatusOK {
			l.mu.Lock()
			l.r.Failed++
			if l.r.FirstFailure == "" {
				l.r.FirstFailure = fmt.Sprintf("%d %s", resp.StatusCode, answer)
			}
			l.mu.Unlock()
		}
	}
}
