// Package metrics counts what Passkey Doctor sees, for IT, in its own
// Prometheus registry (never the global default), served at /metrics.
//
// Two doors lead in:
//
//   - The ceremony API calls ObserveCeremony (it implements api.Observer)
//     once per ceremony request: which step, which test, ok or failed, and
//     the API's result code. This is the server's own view: it sees every
//     verification, but not a test the browser refused before finish.
//   - The page posts its diagnosis to /api/diagnosis; the API decodes it and
//     calls ObserveDiagnosis, which counts the visit by platform family and
//     support verdict, every finding by code, and every test by kind,
//     outcome and the engine's cause. This is the person's view, browser
//     refusals included.
//
// # Privacy and cardinality
//
// Every label value is checked against a fixed list (the enums of app/diag
// and app/ceremony); anything else is counted as "other". No label ever
// carries an address, a version number, a User-Agent, a credential or an
// AAGUID, so the number of series is fixed at build time whatever clients
// send. Nothing is stored besides the counters.
//
// The registry also holds the Go runtime and process collectors
// (go_*, process_*).
//
// See the README's "Metrics" section for the series and example queries.
package metrics
