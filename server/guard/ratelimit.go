package guard

import (
	"container/list"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultMaxClients bounds the rate limiter's memory: about 200 bytes a
// client, so 100 000 clients are some 20 MB.
const DefaultMaxClients = 100_000

// RateLimitOptions configure a RateLimit.
type RateLimitOptions struct {
	// PerMinute and Burst are each client's token bucket (config
	// limits.requestsPerMinute and limits.burst).
	PerMinute int
	Burst     int
	// MaxClients bounds how many clients are remembered; past it the least
	// recently seen is forgotten. 0 means DefaultMaxClients.
	MaxClients int
	// Clients tells clients apart.
	Clients Clients
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// RateLimit keeps a token bucket per client, in a bounded LRU map.
// Forgetting the least recently seen client is harmless when it has been
// quiet long enough to refill its bucket, and at worst gives a flood of
// fresh addresses a fresh bucket each: memory stays bounded either way.
type RateLimit struct {
	opts  RateLimitOptions
	limit rate.Limit

	mu      sync.Mutex
	order   *list.List // of *bucket, most recently seen first
	buckets map[string]*list.Element
}

type bucket struct {
	key     string
	limiter *rate.Limiter
}

// NewRateLimit builds a limiter; non-positive rates are a caller's bug and
// fall back to one request a second with a burst of one.
func NewRateLimit(opts RateLimitOptions) *RateLimit {
	if opts.PerMinute <= 0 {
		opts.PerMinute = 60
	}
	if opts.Burst <= 0 {
		opts.Burst = 1
	}
	if opts.MaxClients <= 0 {
		opts.MaxClients = DefaultMaxClients
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &RateLimit{
		opts:    opts,
		limit:   rate.Limit(float64(opts.PerMinute) / 60),
		order:   list.New(),
		buckets: map[string]*list.Element{},
	}
}

// Wrap limits requests whose path starts with prefix and passes the others
// straight through. Past the limit it answers 429 with Retry-After and the
// coded body {"code":"rate-limited",...}.
func (l *RateLimit) Wrap(prefix string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			next.ServeHTTP(w, r)
			return
		}
		if wait := l.take(l.opts.Clients.Key(r)); wait > 0 {
			writeCoded(w, http.StatusTooManyRequests, msgRateLimited, int(math.Ceil(wait.Seconds())))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// take spends one token of key's bucket and returns 0, or how long until
// one is available (spending nothing).
func (l *RateLimit) take(key string) time.Duration {
	now := l.opts.Now()
	lim := l.limiter(key)
	res := lim.ReserveN(now, 1)
	if !res.OK() {
		return time.Minute
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d
	}
	return 0
}

// limiter returns key's bucket, making it (and forgetting the least
// recently seen client when full) as needed.
func (l *RateLimit) limiter(key string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.buckets[key]; ok {
		l.order.MoveToFront(e)
		return e.Value.(*bucket).limiter
	}
	for l.order.Len() >= l.opts.MaxClients {
		oldest := l.order.Back()
		l.order.Remove(oldest)
		delete(l.buckets, oldest.Value.(*bucket).key)
	}
	b := &bucket{key: key, limiter: rate.NewLimiter(l.limit, l.opts.Burst)}
	l.buckets[key] = l.order.PushFront(b)
	return b.limiter
}

// Len is how many clients are remembered.
func (l *RateLimit) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.order.Len()
}
