package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Post sends each body exactly once, keeps each answer at its body's
// index, and counts the refusals.
func TestPostSendsEveryBodyOnceAndKeepsAnswersInOrder(t *testing.T) {
	var (
		mu    sync.Mutex
		seen  = map[string]int{}
		hosts = map[string]bool{}
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen[string(body)]++
		hosts[r.Host] = true
		mu.Unlock()
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "want a JSON POST", http.StatusBadRequest)
			return
		}
		if strings.HasSuffix(string(body), "7") {
			http.Error(w, "refused", http.StatusForbidden)
			return
		}
		fmt.Fprintf(w, "answer to %s", body)
	}))
	defer srv.Close()

	bodies := make([][]byte, 200)
	for i := range bodies {
		bodies[i] = fmt.Appendf(nil, "%d", i)
	}
	addr := strings.TrimPrefix(srv.URL, "http://")
	r, err := Post(context.Background(), addr, "http://localhost/x", bodies, 8, true)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range bodies {
		if seen[string(b)] != 1 {
			t.Errorf("body %s sent %d times", b, seen[string(b)])
		}
		if want := "answer to " + string(b); !strings.HasSuffix(string(b), "7") && string(r.Answers[i]) != want {
			t.Errorf("answer %d = %q, want %q", i, r.Answers[i], want)
		}
		if r.Latencies[i] <= 0 {
			t.Errorf("latency %d not measured", i)
		}
	}
	if r.Failed != 20 || !strings.HasPrefix(r.FirstFailure, "403 ") {
		t.Errorf("Failed = %d (%q), want the 20 bodies ending in 7 refused with 403", r.Failed, r.FirstFailure)
	}
	if len(hosts) != 1 || !hosts["localhost"] {
		t.Errorf("Host headers %v, want only localhost (the URL's host, not the address dialled)", hosts)
	}
}

func TestPostFailsWhenItCannotConnect(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := strings.TrimPrefix(srv.URL, "http://")
	srv.Close()
	if _, err := Post(context.Background(), addr, "http://localhost/x", [][]byte{[]byte("{}")}, 2, false); err == nil {
		t.Error("Post to a closed port succeeded")
	}
}

func TestPercentileIsNearestRank(t *testing.T) {
	r := Result{}
	for i := 100; i >= 1; i-- {
		r.Latencies = append(r.Latencies, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 1: time.Millisecond} {
		if got := r.Percentile(p); got != want {
			t.Errorf("Percentile(%v) = %v, want %v", p, got, want)
		}
	}
	if got := (Result{}).Percentile(99); got != 0 {
		t.Errorf("Percentile of no requests = %v, want 0", got)
	}
}
