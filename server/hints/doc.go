// Package hints reads what a request says about the browser before any
// script runs: the User-Agent and the User-Agent Client Hints headers
// (Sec-CH-UA-*). It turns them into diag.Facts, so the server can run the
// engine and put a first verdict into the first HTML, and says which hints
// to ask for (Accept-CH) and which one is worth a retry (Critical-CH).
//
// The hints are Structured Field Values (RFC 8941), parsed with
// github.com/dunglas/httpsfv.
// Source: https://wicg.github.io/ua-client-hints/#http-ua-hints
package hints
