// Package softauth is a software WebAuthn authenticator and client in one,
// for tests and benchmarks of the ceremony server. It answers the
// ceremony.CreationOptions and ceremony.RequestOptions the server sends with
// the ceremony.RegistrationResponse and ceremony.AuthenticationResponse a
// browser would, signing with ES256 keys it keeps in memory.
//
// It writes its own CBOR and authenticator data rather than borrowing the
// verifier's encoder, so a bug on one side does not hide the same bug on
// the other.
//
// Its fields switch behaviour a real device or browser shows: no user
// verification (a security key without a PIN), synced or device-bound
// (BE/BS), "none" or "packed" self attestation. Fault switches produce what
// a broken or hostile client would send: a wrong origin, top origin, type,
// challenge or RP ID, a missing UP flag, flipped signature bits, leftover
// authenticator data. Forget removes a credential from the authenticator, as
// a person deleting a passkey on the device does.
//
// Specification: §6.1 Authenticator Data (https://www.w3.org/TR/webauthn-3/#sctn-authenticator-data),
// §8.2 Packed Attestation (https://www.w3.org/TR/webauthn-3/#sctn-packed-attestation),
// RFC 8949 (CBOR) and RFC 9053 (COSE keys).
package softauth
