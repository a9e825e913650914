// Package web holds the page's static assets — icons, the stylesheet, and the
// build products app.wasm (with its .br and .gz precompressed twins) and the
// toolchain's wasm_exec.js — embedded so the server binary runs from any
// directory.
//
// `make wasm` writes the build products; they are git-ignored.
package web

import "embed"

// FS is every file in this directory. The pattern "*" (rather than a list)
// keeps the package buildable on a clean checkout before the wasm is built;
// the server refuses to start without app.wasm.
//
//go:embed *
var FS embed.FS
