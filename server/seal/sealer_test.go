package seal

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const (
	purposeSession    Purpose = 1
	purposeCredential Purpose = 2
)

func TestSealOpenRoundTrip(t *testing.T) {
	clock := newFakeClock()
	s := mustSealer(t, clock, mustKey(t, 7))
	token, expires, err := s.Seal(purposeSession, time.Minute, []byte("payload"))
	if err != nil {
		t.Fatal(err)
	}
	if want := clock.Now().Add(time.Minute); !expires.Equal(want) {
		t.Errorf("expires = %v, want %v", expires, want)
	}
	o, err := s.Open(purposeSession, token)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("payload", string(o.Payload)); diff != "" {
		t.Errorf("payload (-want +got):\n%s", diff)
	}
	if o.KeyID != 7 || !o.Expires.Equal(expires) || o.ID == (ID{}) {
		t.Errorf("opened = %+v; want key 7, expiry %v and a non-zero id", o, expires)
	}
}

func TestTokensAreUnique(t *testing.T) {
	s := mustSealer(t, newFakeClock(), mustKey(t, 1))
	a, _, _ := s.Seal(purposeSession, time.Minute, []byte("same"))
	b, _, _ := s.Seal(purposeSession, time.Minute, []byte("same"))
	if a == b {
		t.Fatal("two seals of the same payload gave the same token")
	}
	oa, _ := s.Open(purposeSession, a)
	ob, _ := s.Open(purposeSession, b)
	if oa.ID == ob.ID {
		t.Fatal("two tokens share an id")
	}
}

func TestOpenRefuses(t *testing.T) {
	clock := newFakeClock()
	old := mustKey(t, 1)
	s := mustSealer(t, clock, old)
	good, _, err := s.Seal(purposeSession, time.Minute, []byte("payload"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(good)
	flip := func(i int) string {
		b := append([]byte(nil), raw...)
		b[i] ^= 0x01
		return base64.RawURLEncoding.EncodeToString(b)
	}
	// A ring that retired key 1 and one that reuses id 1 for another secret.
	retired := mustSealer(t, clock, mustKey(t, 2))
	sameIDOtherKey := mustSealer(t, clock, mustKey(t, 1))

	tests := []struct {
		name    string
		sealer  *Sealer
		purpose Purpose
		token   string
		want    error
	}{
		{"an empty token is malformed", s, purposeSession, "", ErrMalformed},
		{"a token that is not base64url is malformed", s, purposeSession, "!!!" + good, ErrMalformed},
		{"a truncated token is malformed", s, purposeSession, good[:len(good)-10], ErrMalformed},
		{"a token cut to its header is malformed", s, purposeSession, good[:10], ErrMalformed},
		{"a flipped ciphertext bit is tampering", s, purposeSession, flip(len(raw) - 20), ErrMalformed},
		{"a flipped tag bit is tampering", s, purposeSession, flip(len(raw) - 1), ErrMalformed},
		{"a flipped nonce bit is tampering", s, purposeSession, flip(5), ErrMalformed},
		{"an unknown version is malformed", s, purposeSession, flip(0), ErrMalformed},
		{"a changed key id names an unknown key", s, purposeSession, flip(1), ErrUnknownKey},
		{"a retired key is an unknown key", retired, purposeSession, good, ErrUnknownKey},
		{"another secret under the same id is tampering", sameIDOtherKey, purposeSession, good, ErrMalformed},
		{"a session token is not a credential token", s, purposeCredential, good, ErrWrongPurpose},
		{"an overlong token is malformed unread", s, purposeSession, strings.Repeat("A", MaxTokenLen+1), ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.sealer.Open(tt.purpose, tt.token)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestExpiryHonoursLeeway(t *testing.T) {
	tests := []struct {
		name    string
		advance time.Duration
		want    error
	}{
		{"a token opens before its expiry", 59 * time.Second, nil},
		{"a token opens within the leeway after expiry", 64 * time.Second, nil},
		{"a token past expiry and leeway is expired", 66 * time.Second, ErrExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := mustSealer(t, clock, mustKey(t, 1))
			token, _, err := s.Seal(purposeSession, time.Minute, nil)
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(tt.advance)
			if _, err := s.Open(purposeSession, token); !errors.Is(err, tt.want) {
				t.Fatalf("Open() error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRotation(t *testing.T) {
	clock := newFakeClock()
	k1, k2 := mustKey(t, 1), mustKey(t, 2)
	before := mustSealer(t, clock, k1)
	token, _, err := before.Seal(purposeSession, time.Minute, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	after := mustSealer(t, clock, k2, k1)
	if _, err := after.Open(purposeSession, token); err != nil {
		t.Fatalf("a token of the previous key does not open after rotation: %v", err)
	}
	fresh, _, err := after.Seal(purposeSession, time.Minute, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o, err := after.Open(purposeSession, fresh); err != nil || o.KeyID != 2 {
		t.Fatalf("after rotation a new token opens with key %d, err %v; want key 2", o.KeyID, err)
	}
	if _, err := before.Open(purposeSession, fresh); !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("a replica without the new key: err %v, want ErrUnknownKey", err)
	}
}

func TestOpenOnceRefusesReplay(t *testing.T) {
	clock := newFakeClock()
	s := mustSealer(t, clock, mustKey(t, 1))
	token, _, err := s.Seal(purposeSession, time.Minute, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenOnce(purposeSession, token); err != nil {
		t.Fatalf("first use: %v", err)
	}
	if _, err := s.OpenOnce(purposeSession, token); !errors.Is(err, ErrReplayed) {
		t.Fatalf("second use: err %v, want ErrReplayed", err)
	}
	// Once the token is expired the cache forgets it, and Open refuses it
	// as expired instead.
	clock.Advance(2 * time.Minute)
	if _, err := s.OpenOnce(purposeSession, token); !errors.Is(err, ErrExpired) {
		t.Fatalf("use after expiry: err %v, want ErrExpired", err)
	}
	if n := s.ReplayLen(); n != 0 {
		t.Errorf("replay cache holds %d ids after expiry, want 0", n)
	}
}

func TestNewRingRefusesDuplicateIDs(t *testing.T) {
	if _, err := NewRing(mustKey(t, 3), mustKey(t, 3)); err == nil {
		t.Fatal("NewRing accepted two keys with id 3")
	}
	if _, err := NewRing(Key{ID: 1, Secret: []byte("short")}); err == nil {
		t.Fatal("NewRing accepted a short secret")
	}
}

func TestParseKey(t *testing.T) {
	k := mustKey(t, 9)
	got, err := ParseKey(k.Format())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(k, got); diff != "" {
		t.Errorf("ParseKey(Format()) (-want +got):\n%s", diff)
	}
	std := "9:" + base64.StdEncoding.EncodeToString(k.Secret)
	if got, err := ParseKey(std); err != nil || !cmp.Equal(k, got) {
		t.Errorf("ParseKey(standard base64) = %v, %v", got, err)
	}
	for _, bad := range []string{"", "9", "x:AAAA", "300:" + base64.RawURLEncoding.EncodeToString(k.Secret), "1:AAAA", "1:***"} {
		if _, err := ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q) succeeded, want an error", bad)
		}
	}
	if s := k.String(); strings.Contains(s, base64.RawURLEncoding.EncodeToString(k.Secret)) {
		t.Errorf("Key.String() reveals the secret: %s", s)
	}
}
