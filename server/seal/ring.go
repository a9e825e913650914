package seal

import (
	"crypto/cipher"
	"errors"
	"fmt"
)

// Ring holds the current key, which seals and opens, and previous keys,
// which only open. It is immutable; build a new one to rotate.
type Ring struct {
	current uint8
	aeads   map[uint8]cipher.AEAD
}

// NewRing makes a ring from the current key and any previous keys. Key ids
// must be distinct.
func NewRing(current Key, previous ...Key) (*Ring, error) {
	r := &Ring{current: current.ID, aeads: make(map[uint8]cipher.AEAD, 1+len(previous))}
	for _, k := range append([]Key{current}, previous...) {
		if _, dup := r.aeads[k.ID]; dup {
			return nil, fmt.Errorf("new ring: key id %d appears twice", k.ID)
		}
		aead, err := k.aead()
		if err != nil {
			return nil, fmt.Errorf("new ring: %w", err)
		}
		r.aeads[k.ID] = aead
	}
	if len(r.aeads) == 0 {
		return nil, errors.New("new ring: no keys")
	}
	return r, nil
}

// CurrentID is the id of the key that seals.
func (r *Ring) CurrentID() uint8 { return r.current }
