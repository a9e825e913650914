package guard

import "net/http"

// overloadedRetryAfter is the Retry-After, in seconds, of a 503: a
// verification takes milliseconds, so a slot frees up quickly.
const overloadedRetryAfter = 2

// InFlight caps how many requests are inside next at once. It guards the
// ceremony finishes, the only CPU-heavy requests (signature checks, CBOR),
// which inside wait for a turn to verify (see package api); past the cap
// it answers 503 with Retry-After and the coded body
// {"code":"overloaded",...} at once, so the queue stays bounded.
type InFlight struct {
	slots chan struct{}
}

// NewInFlight allows n requests at once (config limits.maxInFlight); n < 1
// means 1.
func NewInFlight(n int) *InFlight {
	return &InFlight{slots: make(chan struct{}, max(1, n))}
}

// Wrap applies the cap to next. Several handlers wrapped by one InFlight
// share its slots.
func (f *InFlight) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case f.slots <- struct{}{}:
		default:
			writeCoded(w, http.StatusServiceUnavailable, msgOverloaded, overloadedRetryAfter)
			return
		}
		defer func() { <-f.slots }()
		next.ServeHTTP(w, r)
	})
}
