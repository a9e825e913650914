// Package guard wraps every response of the server in the protections a page
// opened from links and portals needs. Each protection is a small
// http.Handler middleware; the server chains them in its route function,
// outermost first:
//
//	Headers   security headers, a charset on every text type, no-store on /api/
//	Recover   a panic becomes a generic 500 and a log line without request data
//	RateLimit per-client token buckets on /api/ (429 with Retry-After)
//	mux       the routes; the ceremony finishes sit behind InFlight (503 past it)
//
// Nothing here logs an IP address, a header or a body: a client is only ever
// a key in the rate limiter's bounded map. ErrorLog scrubs the addresses
// net/http itself puts in its log lines (TLS handshake errors).
//
// Coded answers (429 rate-limited, 503 overloaded, 500 internal) use the
// ceremony.Error body the page already understands; their public messages
// are all in messages.go.
package guard
