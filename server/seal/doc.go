// Package seal makes the tokens that keep the ceremony server stateless:
// ceremony session data and the throwaway test credential are sealed with
// AES-256-GCM into opaque strings the page holds and sends back.
//
// A token is base64url (no padding) of
//
//	version (1 byte) | key id (1 byte) | nonce (12 bytes) | ciphertext+tag
//
// where version and key id are additional authenticated data and the
// plaintext is
//
//	purpose (1 byte) | expiry (8 bytes, Unix milliseconds) | id (16 bytes) | payload
//
// Open authenticates the whole token before it reads any of the plaintext:
// only the version and key id are looked at first, to choose the key. Then it
// checks the purpose (a session token cannot stand in for a credential token)
// and the expiry (with a small leeway for clock skew between replicas).
//
// Keys live in a Ring: the current key seals and opens; previous keys only
// open, so a rotation does not break ceremonies already under way. A token
// from a key no longer in the ring fails with ErrUnknownKey.
//
// The id inside each token lets OpenOnce refuse a second use within the
// token's life. The record of used ids is a per-replica ReplayCache of
// bounded size: a replay that reaches another replica is not caught, which
// is acceptable for test ceremonies that prove nothing but the device.
//
// Each token takes a fresh random 96-bit nonce. AES-GCM with random nonces
// stays within its safety margin for about 2^32 tokens per key, so rotate
// keys well before that.
//
// Specification: NIST SP 800-38D §8.3 (https://doi.org/10.6028/NIST.SP.800-38D).
package seal
