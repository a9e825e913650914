package api

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
)

// turns lets a fixed number of finishes verify at once and queues the
// rest in arrival order.
//
// Without it every finish verifies as soon as its goroutine runs, and
// under load the Go scheduler runs them in no particular order: at 64
// connections on 2 CPUs a tenth of sign-ins finished in under half a
// millisecond while the slowest percent waited 3× the median (p99 25–30
// ms). Blocked senders on a Go channel are woken first in, first out, so a
// channel with one slot per verifier is a fair queue: everyone waits about
// as long as everyone else. With the server's spare P reading requests
// while every CPU verifies (spareProc in package main), p99 falls to 15–18
// ms at the same throughput (make bench); either alone moves nothing.
// Finishes take their turn after their body is read, so a slow client
// never holds one.
type turns chan struct{}

// newTurns allows n verifications at once; n < 1 means one per P
// (runtime.GOMAXPROCS).
func newTurns(n int) turns {
	if n < 1 {
		n = runtime.GOMAXPROCS(0)
	}
	return make(turns, n)
}

// take waits for a turn and returns the function that ends it. It gives
// up, with an overloaded error, when ctx ends first: the client left or
// the server is stopping.
func (t turns) take(ctx context.Context) (done func(), err error) {
	select {
	case t <- struct{}{}:
		return func() { <-t }, nil
	case <-ctx.Done():
		return nil, errOverloaded(fmt.Errorf("waiting for a turn to verify: %w", context.Cause(ctx)))
	}
}

// finishing reads a finish request's body into req, then waits for a turn
// to verify; the caller calls done once it has answered.
func (a *API) finishing(w http.ResponseWriter, r *http.Request, req any) (done func(), err error) {
	if err := decode(w, r, a.cfg.MaxFinishBody, req); err != nil {
		return nil, err
	}
	return a.turns.take(r.Context())
}
