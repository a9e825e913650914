package seal

import "errors"

// Errors from Open and OpenOnce. Each is returned wrapped; test with
// errors.Is.
var (
	// ErrMalformed is a token that is not base64url, too short or too long,
	// of an unknown version, or that fails authentication (tampered,
	// truncated, or sealed with a different key of the same id).
	ErrMalformed = errors.New("token malformed or tampered")
	// ErrUnknownKey is a token sealed with a key id the ring does not hold:
	// a retired key, or a key from another deployment.
	ErrUnknownKey = errors.New("token sealed with an unknown key")
	// ErrWrongPurpose is an authentic token of another purpose.
	ErrWrongPurpose = errors.New("token of another purpose")
	// ErrExpired is an authentic token past its expiry and leeway.
	ErrExpired = errors.New("token expired")
	// ErrReplayed is a single-use token presented a second time.
	ErrReplayed = errors.New("token already used")
	// ErrReplayCacheFull means the replica cannot remember another used
	// token until older ones expire; the token was not used.
	ErrReplayCacheFull = errors.New("replay cache full")
)
