package seal

import (
	"errors"
	"sync"
	"time"
)

// DefaultReplayCapacity is the default bound of a ReplayCache: at some 60
// bytes an id, under 16 MiB, and room for over 400 finishes a second over
// ten-minute tokens.
const DefaultReplayCapacity = 1 << 18

// ReplayCache remembers the ids of used tokens until they expire, in bounded
// memory. Entries leave in arrival order once expired; when the cache is
// full of unexpired entries, Use refuses rather than forget one, so a
// replay is never let through because of load.
type ReplayCache struct {
	mu    sync.Mutex
	now   func() time.Time
	max   int
	seen  map[ID]struct{}
	queue []replayEntry
	head  int
}

type replayEntry struct {
	id    ID
	until int64 // Unix nanoseconds
}

// NewReplayCache makes a cache of at most max ids.
func NewReplayCache(max int, now func() time.Time) (*ReplayCache, error) {
	if max <= 0 {
		return nil, errors.New("new replay cache: capacity must be positive")
	}
	if now == nil {
		now = time.Now
	}
	return &ReplayCache{now: now, max: max, seen: make(map[ID]struct{})}, nil
}

// Use records id as used until the given time. It fails with ErrReplayed if
// id is already recorded and with ErrReplayCacheFull if there is no room.
func (c *ReplayCache) Use(id ID, until time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sweep(c.now().UnixNano())
	if _, ok := c.seen[id]; ok {
		return ErrReplayed
	}
	if len(c.seen) >= c.max {
		return ErrReplayCacheFull
	}
	c.seen[id] = struct{}{}
	c.queue = append(c.queue, replayEntry{id: id, until: until.UnixNano()})
	return nil
}

// Len is the number of unexpired ids remembered.
func (c *ReplayCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sweep(c.now().UnixNano())
	return len(c.seen)
}

// sweep drops expired entries from the front of the queue. Tokens of one
// deployment share a few lifetimes, so arrival order is close to expiry
// order and an expired entry rarely waits long behind a live one.
func (c *ReplayCache) sweep(now int64) {
	for c.head < len(c.queue) && now > c.queue[c.head].until {
		delete(c.seen, c.queue[c.head].id)
		c.queue[c.head] = replayEntry{}
		c.head++
	}
	if c.head == len(c.queue) {
		c.queue, c.head = c.queue[:0], 0
		return
	}
	// Compact once the dead prefix is half the slice, so the backing array
	// stays within twice the live entries.
	if c.head > len(c.queue)/2 {
		n := copy(c.queue, c.queue[c.head:])
		clear(c.queue[n:])
		c.queue, c.head = c.queue[:n], 0
	}
}
