// Package guard wraps every response of the server in the protections a page
// opened from links and portals needs: security headers first, more (limits,
// panic recovery) as the server grows.
package guard
