package seal

import (
	"sync"
	"testing"
	"time"
)

// fakeClock is a settable clock for tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func mustKey(t testing.TB, id uint8) Key {
	t.Helper()
	k, err := GenerateKey(id)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustSealer(t testing.TB, clock *fakeClock, current Key, previous ...Key) *Sealer {
	t.Helper()
	ring, err := NewRing(current, previous...)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ring, Options{Now: clock.Now, Leeway: 5 * time.Second, ReplayCapacity: 64})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
