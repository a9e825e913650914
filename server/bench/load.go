package bench

import (
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

// NewClient returns an HTTP client that keeps up to conns connections to
// addr open, whatever host the URL names: requests go to
// http://localhost:PORT (the RP ID derives from the Host, and an IP address
// cannot be one) but connect to addr, 127.0.0.1:PORT.
func NewClient(addr string, conns int) *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
				return d.DialContext(ctx, network, addr)
			},
			MaxConnsPerHost:     conns,
			MaxIdleConnsPerHost: conns,
			MaxIdleConns:        conns,
			DisableCompression:  true,
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

// Post sends every body once as a JSON POST to url from conns goroutines,
// each with its own keep-alive connection, and times each request from
// send to the last byte of the answer. keep keeps the answers.
func Post(ctx context.Context, c *http.Client, url string, bodies [][]byte, conns int, keep bool) (Result, error) {
	r := Result{Latencies: make([]time.Duration, len(bodies))}
	if keep {
		r.Answers = make([][]byte, len(bodies))
	}
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	start := time.Now()
	for range conns {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(bodies) || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				status, answer, err := post(ctx, c, url, bodies[i])
				r.Latencies[i] = time.Since(t0)
				mu.Lock()
				switch {
				case err != nil && firstErr == nil:
					firstErr = err
				case err == nil && status != http.StatusOK:
					r.Failed++
					if r.FirstFailure == "" {
						r.FirstFailure = fmt.Sprintf("%d %s", status, answer)
					}
				}
				mu.Unlock()
				if keep {
					r.Answers[i] = answer
				}
			}
		})
	}
	wg.Wait()
	r.Elapsed = time.Since(start)
	if firstErr != nil {
		return r, fmt.Errorf("post %s: %w", url, firstErr)
	}
	return r, nil
}

func post(ctx context.Context, c *http.Client, url string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, answer, nil
}
