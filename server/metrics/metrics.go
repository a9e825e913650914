package metrics

import (
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/server/api"
)

const namespace = "passkey_doctor"

// Metrics is the server's registry and its counters. Build it with New; it
// is safe for concurrent use and implements api.Observer.
type Metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec   // step, kind, outcome, code
	durations  *prometheus.HistogramVec // step
	ceremonies *prometheus.CounterVec   // kind, outcome, cause
	findings   *prometheus.CounterVec   // code
	visits     *prometheus.CounterVec   // os, platform_passkeys
}

var _ api.Observer = (*Metrics)(nil)

// New builds a fresh registry with the counters and the Go runtime and
// process collectors. Every call is independent, so tests and several
// servers in one process never share counts.
func New() (*Metrics, error) {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "api_ceremony_requests_total",
			Help:      "Ceremony API requests as the server answered them, by step, test kind, outcome (ok|failed) and result code.",
		}, []string{"step", "kind", "outcome", "code"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace,
			Name:      "api_ceremony_duration_seconds",
			Help:      "How long ceremony API requests took in the server, by step: from the request's headers to the answer, reading the body and waiting for a turn to verify included.",
			Buckets:   durationBuckets,
		}, []string{"step"}),
		ceremonies: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "ceremonies_total",
			Help:      "Test ceremonies in the diagnoses pages reported, by test kind, outcome (ok|failed) and the engine's cause.",
		}, []string{"kind", "outcome", "cause"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "findings_total",
			Help:      "Findings in the diagnoses pages reported, by finding code.",
		}, []string{"code"}),
		visits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "visits_total",
			Help:      "Diagnoses pages reported (one per visit), by operating system family and the platform-passkey support verdict (yes|no|unknown).",
		}, []string{"os", "platform_passkeys"}),
	}
	for _, c := range []prometheus.Collector{
		m.requests, m.durations, m.ceremonies, m.findings, m.visits,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := m.reg.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	m.zero()
	return m, nil
}

// durationBuckets run from half a millisecond (a begin) to about a second
// (a finish queued behind a burst), doubling.
var durationBuckets = prometheus.ExponentialBuckets(0.0005, 2, 12)

// zero creates the series a dashboard divides by, so a rate reads 0
// rather than "no data" before the first event.
func (m *Metrics) zero() {
	for code := range findings {
		m.findings.WithLabelValues(code)
	}
	for os := range osFamilies {
		for v := range verdicts {
			m.visits.WithLabelValues(os, v)
		}
	}
	for k := range kinds {
		m.ceremonies.WithLabelValues(k, diag.OutcomeOK, none)
	}
	for step := range steps {
		m.durations.WithLabelValues(step)
	}
}

// Handler serves the registry in the Prometheus text (or negotiated)
// exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		Registry:            m.reg,
		MaxRequestsInFlight: 4,
	})
}

// Registry is the registry, for tests and for collectors of other packages.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// ObserveCeremony counts one ceremony request (api.Observer).
func (m *Metrics) ObserveCeremony(o api.Observation) {
	m.requests.WithLabelValues(
		steps.bound(o.Step),
		kindLabel(string(o.Kind)),
		outcomes.bound(o.Outcome),
		codeLabel(o.Code),
	).Inc()
	m.durations.WithLabelValues(steps.bound(o.Step)).Observe(o.Duration.Seconds())
}

// ObserveDiagnosis counts one visit's diagnosis (api.Observer): the visit,
// each finding once, and each test.
func (m *Metrics) ObserveDiagnosis(d diag.Diagnosis) {
	m.visits.WithLabelValues(osFamilies.bound(d.Platform.OS), verdictLabel(d.Support.PlatformPasskeys)).Inc()
	seen := map[string]bool{}
	for _, f := range d.Findings {
		code := findings.bound(string(f.Code))
		if seen[code] {
			continue
		}
		seen[code] = true
		m.findings.WithLabelValues(code).Inc()
	}
	for _, c := range d.Ceremonies {
		outcome := outcomes.bound(c.Outcome)
		m.ceremonies.WithLabelValues(kindLabel(c.Kind), outcome, causeLabel(outcome, c.Cause)).Inc()
	}
}
