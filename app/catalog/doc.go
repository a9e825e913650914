// Package catalog is the one place Passkey Doctor's user-facing wording
// lives, in English, German, French and Spanish. Text is keyed by stable ids:
//
//	cause.<code>    why a test ceremony failed (app/diag Cause)
//	finding.<code>  what the engine found (app/diag FindingCode)
//	step.<code>     what to do next (app/diag StepCode)
//	severity.*, support.*, outcome.*, kind.*  short labels
//
// Other packages add their own ids (for example ui.*) to the language tables
// here; a test fails when any id lacks text in any language. Placeholders
// are written {name} and filled from the args map; an unfilled placeholder
// is left out rather than shown.
//
// The wording is for a stressed person who is not technical: short
// sentences, no jargon, one action per step. Facts come from the support
// guidance in ../shared/seed; the sentences are our own.
//
// The package depends on the standard library only, because it is compiled
// into the WebAssembly page.
package catalog
