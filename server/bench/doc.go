// Package bench measures Passkey Doctor against yardsticks built in the same
// run: the size of app.wasm next to a go-app hello-world (./hello), the time
// to the first verdict and to the capability panel in headless Chromium
// next to the hello-world page, the ceremony API's throughput and latency,
// and the server's memory after abandoned ceremonies.
//
// Everything heavy is a benchmark, so `go test` (and `make test`) runs only
// the cheap checks; `make bench` runs the rest and prints a summary table:
//
//	go test -run '^$' -bench . -benchtime=1x -timeout 30m ./server/bench
//
// Each benchmark runs its measurement once per b.N iteration and reports
// its figures with b.ReportMetric; with -benchtime=1x every figure comes
// from one measured run. The server under test is the real binary
// (go build ./server) in its own process on 127.0.0.1; the load client
// runs in the test process on the same machine, so figures on a small
// machine include the client's share of the CPU.
package bench
