package seal

import (
	"errors"
	"testing"
	"time"
)

func id(n int) ID {
	var i ID
	i[0], i[1] = byte(n), byte(n>>8)
	return i
}

func TestReplayCacheIsBounded(t *testing.T) {
	clock := newFakeClock()
	c, err := NewReplayCache(3, clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	until := clock.Now().Add(time.Minute)
	for n := range 3 {
		if err := c.Use(id(n), until); err != nil {
			t.Fatalf("Use(%d): %v", n, err)
		}
	}
	if err := c.Use(id(1), until); !errors.Is(err, ErrReplayed) {
		t.Fatalf("reuse: err %v, want ErrReplayed", err)
	}
	if err := c.Use(id(3), until); !errors.Is(err, ErrReplayCacheFull) {
		t.Fatalf("fourth id in a cache of three: err %v, want ErrReplayCacheFull", err)
	}
	clock.Advance(time.Minute + time.Nanosecond)
	if err := c.Use(id(3), clock.Now().Add(time.Minute)); err != nil {
		t.Fatalf("after expiry there is room again: %v", err)
	}
	if got := c.Len(); got != 1 {
		t.Errorf("Len() = %d, want 1", got)
	}
}

func TestReplayCacheMemoryStaysBounded(t *testing.T) {
	clock := newFakeClock()
	c, err := NewReplayCache(100, clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	for n := range 10_000 {
		if err := c.Use(id(n), clock.Now().Add(10*time.Millisecond)); err != nil {
			t.Fatalf("Use(%d): %v", n, err)
		}
		clock.Advance(time.Millisecond)
	}
	if c.Len() > 100 || cap(c.queue) > 400 {
		t.Errorf("after 10,000 short-lived ids: %d remembered, queue capacity %d", c.Len(), cap(c.queue))
	}
}
