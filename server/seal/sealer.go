package seal

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"
)

// Purpose binds a token to its use. Callers define their own values; a
// token opens only for the purpose it was sealed with.
type Purpose uint8

// ID is the unique id inside every token.
type ID [16]byte

const (
	version    = 1
	headerSize = 2
	nonceSize  = 12
	tagSize    = 16
	innerSize  = 1 + 8 + len(ID{})
	// MaxTokenLen is the longest token string Open reads; anything longer is
	// ErrMalformed without being decoded.
	MaxTokenLen = 16 << 10
)

// Options tune a Sealer. The zero value is usable: the system clock, no
// leeway, crypto/rand, and DefaultReplayCapacity.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Leeway is how long past its expiry a token still opens, to absorb
	// clock skew between replicas.
	Leeway time.Duration
	// ReplayCapacity bounds the used-token cache of OpenOnce; 0 means
	// DefaultReplayCapacity.
	ReplayCapacity int
	// Rand is the source of nonces and ids; nil means crypto/rand.
	Rand io.Reader
}

// Sealer seals and opens tokens with a key ring. It is safe for concurrent
// use.
type Sealer struct {
	ring   *Ring
	now    func() time.Time
	leeway time.Duration
	rand   io.Reader
	replay *ReplayCache
}

// Opened is an authentic, unexpired token of the requested purpose.
type Opened struct {
	ID      ID
	KeyID   uint8
	Expires time.Time
	Payload []byte
}

// New makes a Sealer.
func New(ring *Ring, opt Options) (*Sealer, error) {
	if ring == nil {
		return nil, errors.New("new sealer: no key ring")
	}
	if opt.Leeway < 0 {
		return nil, errors.New("new sealer: negative leeway")
	}
	s := &Sealer{ring: ring, now: opt.Now, leeway: opt.Leeway, rand: opt.Rand}
	if s.now == nil {
		s.now = time.Now
	}
	if s.rand == nil {
		s.rand = rand.Reader
	}
	capacity := opt.ReplayCapacity
	if capacity == 0 {
		capacity = DefaultReplayCapacity
	}
	replay, err := NewReplayCache(capacity, s.now)
	if err != nil {
		return nil, fmt.Errorf("new sealer: %w", err)
	}
	s.replay = replay
	return s, nil
}

// Seal makes a token of purpose p carrying payload, valid for ttl.
func (s *Sealer) Seal(p Purpose, ttl time.Duration, payload []byte) (token string, expires time.Time, err error) {
	if ttl <= 0 {
		return "", time.Time{}, errors.New("seal: non-positive lifetime")
	}
	aead := s.ring.aeads[s.ring.current]
	expires = s.now().Add(ttl).Truncate(time.Millisecond)

	plain := make([]byte, innerSize, innerSize+len(payload))
	plain[0] = byte(p)
	binary.BigEndian.PutUint64(plain[1:9], uint64(expires.UnixMilli()))
	if _, err := io.ReadFull(s.rand, plain[9:innerSize]); err != nil {
		return "", time.Time{}, fmt.Errorf("seal: read id: %w", err)
	}
	plain = append(plain, payload...)

	out := make([]byte, headerSize+nonceSize, headerSize+nonceSize+len(plain)+tagSize)
	out[0] = version
	out[1] = s.ring.current
	if _, err := io.ReadFull(s.rand, out[headerSize:]); err != nil {
		return "", time.Time{}, fmt.Errorf("seal: read nonce: %w", err)
	}
	out = aead.Seal(out, out[headerSize:], plain, out[:headerSize])
	return base64.RawURLEncoding.EncodeToString(out), expires, nil
}

// Open authenticates token and returns its content if it is of purpose p and
// not expired. Errors wrap ErrMalformed, ErrUnknownKey, ErrWrongPurpose or
// ErrExpired.
func (s *Sealer) Open(p Purpose, token string) (Opened, error) {
	if len(token) > MaxTokenLen {
		return Opened{}, fmt.Errorf("open token: %d characters: %w", len(token), ErrMalformed)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return Opened{}, fmt.Errorf("open token: not base64url: %w", ErrMalformed)
	}
	if len(raw) < headerSize+nonceSize+tagSize+innerSize {
		return Opened{}, fmt.Errorf("open token: %d bytes: %w", len(raw), ErrMalformed)
	}
	if raw[0] != version {
		return Opened{}, fmt.Errorf("open token: version %d: %w", raw[0], ErrMalformed)
	}
	aead, ok := s.ring.aeads[raw[1]]
	if !ok {
		return Opened{}, fmt.Errorf("open token: key id %d: %w", raw[1], ErrUnknownKey)
	}
	nonce := raw[headerSize : headerSize+nonceSize]
	plain, err := aead.Open(nil, nonce, raw[headerSize+nonceSize:], raw[:headerSize])
	if err != nil {
		return Opened{}, fmt.Errorf("open token: %w", ErrMalformed)
	}
	if Purpose(plain[0]) != p {
		return Opened{}, fmt.Errorf("open token: purpose %d, want %d: %w", plain[0], p, ErrWrongPurpose)
	}
	o := Opened{
		KeyID:   raw[1],
		Expires: time.UnixMilli(int64(binary.BigEndian.Uint64(plain[1:9]))),
		Payload: plain[innerSize:],
	}
	copy(o.ID[:], plain[9:innerSize])
	if s.now().After(o.Expires.Add(s.leeway)) {
		return Opened{}, fmt.Errorf("open token: expired at %s: %w", o.Expires.UTC().Format(time.RFC3339), ErrExpired)
	}
	return o, nil
}

// OpenOnce is Open for single-use tokens: it also records the token's id in
// the replica's replay cache and fails with ErrReplayed on a second use
// within the token's life.
func (s *Sealer) OpenOnce(p Purpose, token string) (Opened, error) {
	o, err := s.Open(p, token)
	if err != nil {
		return Opened{}, err
	}
	if err := s.replay.Use(o.ID, o.Expires.Add(s.leeway)); err != nil {
		return Opened{}, fmt.Errorf("open token once: %w", err)
	}
	return o, nil
}

// ReplayLen is how many used token ids the replica remembers right now.
func (s *Sealer) ReplayLen() int { return s.replay.Len() }
