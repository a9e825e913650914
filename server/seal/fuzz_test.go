package seal

import (
	"errors"
	"testing"
	"time"
)

// FuzzOpen feeds arbitrary strings to Open: it must never panic, and every
// refusal must be one of the documented errors.
func FuzzOpen(f *testing.F) {
	clock := newFakeClock()
	s := mustSealer(f, clock, mustKey(f, 1), mustKey(f, 2))
	for _, payload := range []string{"", "x", "a longer payload with some bytes in it"} {
		token, _, err := s.Seal(purposeSession, time.Minute, []byte(payload))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(token)
		f.Add(token[:len(token)/2])
		f.Add(token + "A")
	}
	f.Add("")
	f.Add("AQE")
	f.Fuzz(func(t *testing.T, token string) {
		o, err := s.Open(purposeSession, token)
		if err == nil {
			if o.Expires.IsZero() {
				t.Fatal("opened a token without an expiry")
			}
			return
		}
		for _, known := range []error{ErrMalformed, ErrUnknownKey, ErrWrongPurpose, ErrExpired} {
			if errors.Is(err, known) {
				return
			}
		}
		t.Fatalf("Open(%q) returned an undocumented error: %v", token, err)
	})
}
