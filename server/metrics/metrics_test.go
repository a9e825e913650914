package metrics

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"math"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	dto "github.com/prometheus/client_model/go"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/server/api"
)

// counts gathers the non-zero series of one counter family as
// "label=value,..." -> count.
func counts(t *testing.T, m *Metrics, name string) map[string]float64 {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, s := range f.GetMetric() {
			if v := s.GetCounter().GetValue(); v != 0 {
				out[labels(s)] = v
			}
		}
	}
	return out
}

func labels(s *dto.Metric) string {
	var parts []string
	for _, l := range s.GetLabel() {
		parts = append(parts, l.GetName()+"="+l.GetValue())
	}
	return strings.Join(parts, ",")
}

func newMetrics(t *testing.T) *Metrics {
	t.Helper()
	m, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func cause(c diag.Cause) *diag.Cause { return &c }

func TestObserveCeremony(t *testing.T) {
	tests := []struct {
		name string
		in   api.Observation
		want string
	}{
		{"a verified registration counts as ok with no code",
			api.Observation{Step: api.StepRegisterFinish, Kind: ceremony.KindPlatform, Outcome: diag.OutcomeOK},
			"code=none,kind=platform,outcome=ok,step=register-finish"},
		{"a refused finish counts with its code",
			api.Observation{Step: api.StepLoginFinish, Kind: ceremony.KindSecurityKey, Outcome: diag.OutcomeFailed, Code: ceremony.CodeTokenUnknownKey},
			"code=token-unknown-key,kind=security-key,outcome=failed,step=login-finish"},
		{"a request that never named a test counts as kind unknown",
			api.Observation{Step: api.StepRegisterBegin, Outcome: diag.OutcomeFailed, Code: ceremony.CodeBadRequest},
			"code=bad-request,kind=unknown,outcome=failed,step=register-begin"},
		{"a kind a client made up counts as other",
			api.Observation{Step: api.StepRegisterBegin, Kind: "alice@example.com", Outcome: diag.OutcomeFailed, Code: ceremony.CodeBadRequest},
			"code=bad-request,kind=other,outcome=failed,step=register-begin"},
		{"unknown steps, outcomes and codes count as other",
			api.Observation{Step: "x", Kind: ceremony.KindPhone, Outcome: "meh", Code: "203.0.113.7"},
			"code=other,kind=phone,outcome=other,step=other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMetrics(t)
			m.ObserveCeremony(tt.in)
			got := counts(t, m, "passkey_doctor_api_ceremony_requests_total")
			if diff := cmp.Diff(map[string]float64{tt.want: 1}, got); diff != "" {
				t.Errorf("series (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCeremonyDurationsAreAHistogramByStep(t *testing.T) {
	m := newMetrics(t)
	m.ObserveCeremony(api.Observation{Step: api.StepLoginFinish, Outcome: diag.OutcomeOK, Duration: 3 * time.Millisecond})
	m.ObserveCeremony(api.Observation{Step: api.StepLoginFinish, Outcome: diag.OutcomeFailed, Duration: 40 * time.Millisecond})
	m.ObserveCeremony(api.Observation{Step: "203.0.113.7", Duration: time.Millisecond})

	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*dto.Histogram{}
	for _, f := range families {
		if f.GetName() == "passkey_doctor_api_ceremony_duration_seconds" {
			for _, s := range f.GetMetric() {
				got[labels(s)] = s.GetHistogram()
			}
		}
	}
	for _, step := range []string{api.StepRegisterBegin, api.StepRegisterFinish, api.StepLoginBegin} {
		if h := got["step="+step]; h == nil || h.GetSampleCount() != 0 {
			t.Errorf("step %s: %v, want an empty series from the start", step, h)
		}
	}
	finish := got["step=login-finish"]
	if finish.GetSampleCount() != 2 || math.Abs(finish.GetSampleSum()-0.043) > 1e-9 {
		t.Fatalf("login-finish: %d samples summing to %v s, want 2 summing to 0.043", finish.GetSampleCount(), finish.GetSampleSum())
	}
	for _, b := range finish.GetBucket() {
		want := uint64(0)
		if b.GetUpperBound() >= 0.003 {
			want++
		}
		if b.GetUpperBound() >= 0.04 {
			want++
		}
		if b.GetCumulativeCount() != want {
			t.Errorf("bucket ≤ %v s holds %d, want %d", b.GetUpperBound(), b.GetCumulativeCount(), want)
		}
	}
	if other := got["step=other"]; other.GetSampleCount() != 1 {
		t.Errorf("an unknown step: %v, want counted under other", other)
	}
	if len(got) != 5 {
		t.Errorf("%d duration series, want the four steps and other: %v", len(got), got)
	}
}

func TestObserveDiagnosis(t *testing.T) {
	m := newMetrics(t)
	m.ObserveDiagnosis(diag.Diagnosis{
		Platform: diag.Platform{OS: diag.OSWindows},
		Support:  diag.Support{PlatformPasskeys: diag.Yes},
		Findings: []diag.Finding{
			{Code: diag.FindingScreenLockMissing},
			{Code: diag.FindingScreenLockMissing}, // counted once per visit
			{Code: "made-up"},
		},
		Ceremonies: []diag.CeremonyResult{
			{Kind: "platform", Outcome: diag.OutcomeFailed, Cause: cause(diag.CauseUserVerificationUnavailable)},
			{Kind: "platform", Outcome: diag.OutcomeOK},
			{Kind: "security-key", Outcome: diag.OutcomeFailed},
			{Kind: "phone", Outcome: diag.OutcomeFailed, Cause: cause("Mozilla/5.0 (Windows NT 10.0)")},
			{Kind: "Mozilla/5.0", Outcome: "maybe", Cause: cause(diag.CauseUnknown)},
		},
	})
	m.ObserveDiagnosis(diag.Diagnosis{Platform: diag.Platform{OS: "Windows NT 10.0; Win64"}, Support: diag.Support{PlatformPasskeys: "perhaps"}})
	m.ObserveDiagnosis(diag.Diagnosis{Platform: diag.Platform{OS: diag.OSAndroid}})

	tests := []struct {
		name   string
		metric string
		want   map[string]float64
	}{
		{"visits count by OS family and verdict, the zero verdict as unknown", "passkey_doctor_visits_total", map[string]float64{
			"os=windows,platform_passkeys=yes":     1,
			"os=other,platform_passkeys=other":     1,
			"os=android,platform_passkeys=unknown": 1,
		}},
		{"findings count once per visit, unknown codes as other", "passkey_doctor_findings_total", map[string]float64{
			"code=screen-lock-missing": 1,
			"code=other":               1,
		}},
		{"tests count by kind, outcome and cause", "passkey_doctor_ceremonies_total", map[string]float64{
			"cause=user-verification-unavailable,kind=platform,outcome=failed": 1,
			"cause=none,kind=platform,outcome=ok":                              1,
			"cause=unknown,kind=security-key,outcome=failed":                   1,
			"cause=other,kind=phone,outcome=failed":                            1,
			"cause=none,kind=other,outcome=other":                              1,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, counts(t, m, tt.metric)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.metric, diff)
			}
		})
	}
}

// TestSeriesAreBoundedWhateverClientsSend feeds hostile values and checks
// that the number of series stays what the enums allow.
func TestSeriesAreBoundedWhateverClientsSend(t *testing.T) {
	m := newMetrics(t)
	for i := range 500 {
		v := strings.Repeat("x", i%40) + "203.0.113." + string(rune('0'+i%10))
		m.ObserveDiagnosis(diag.Diagnosis{
			Platform:   diag.Platform{OS: v},
			Support:    diag.Support{PlatformPasskeys: diag.Tri(v)},
			Findings:   []diag.Finding{{Code: diag.FindingCode(v)}},
			Ceremonies: []diag.CeremonyResult{{Kind: v, Outcome: diag.OutcomeFailed, Cause: cause(diag.Cause(v))}},
		})
		m.ObserveCeremony(api.Observation{Step: v, Kind: ceremony.Kind(v), Outcome: v, Code: ceremony.Code(v)})
	}
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if !strings.HasPrefix(f.GetName(), "passkey_doctor_") {
			continue
		}
		for _, s := range f.GetMetric() {
			for _, l := range s.GetLabel() {
				if strings.Contains(l.GetValue(), "203.0.113") {
					t.Errorf("%s has a client's value in label %s", f.GetName(), l.GetName())
				}
			}
		}
	}
	// Zeroed series: the findings, OS x verdicts, the kinds ok and a
	// duration histogram per step; hostile input adds exactly one "other"
	// series per family.
	want := len(findings) + 1 + len(osFamilies)*len(verdicts) + 1 + len(kinds) + 1 + 1 + len(steps) + 1
	got := 0
	for _, f := range families {
		if strings.HasPrefix(f.GetName(), "passkey_doctor_") {
			got += len(f.GetMetric())
		}
	}
	if got != want {
		t.Errorf("%d series after hostile input, want %d", got, want)
	}
}

// TestEveryResultCodeHasALabel parses app/ceremony/code.go so a new code
// cannot silently count as "other".
func TestEveryResultCodeHasALabel(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "..", "app", "ceremony", "code.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok {
					continue
				}
				code := strings.Trim(lit.Value, `"`)
				n++
				if !codes[code] {
					t.Errorf("code %q has no label value", code)
				}
			}
		}
	}
	if n != len(codes) {
		t.Errorf("app/ceremony declares %d codes, metrics knows %d", n, len(codes))
	}
}

func TestHandlerServesTheRegistryWithRuntimeCollectors(t *testing.T) {
	m := newMetrics(t)
	m.ObserveCeremony(api.Observation{Step: api.StepLoginFinish, Kind: ceremony.KindExisting, Outcome: diag.OutcomeOK})
	w := httptest.NewRecorder()
	m.Handler().ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(w.Result().Body)
	for _, want := range []string{
		`passkey_doctor_api_ceremony_requests_total{code="none",kind="existing",outcome="ok",step="login-finish"} 1`,
		"# TYPE passkey_doctor_findings_total counter",
		"go_goroutines ",
		"process_start_time_seconds ",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestNewRegistriesAreIndependent(t *testing.T) {
	a, b := newMetrics(t), newMetrics(t)
	a.ObserveDiagnosis(diag.Diagnosis{Platform: diag.Platform{OS: diag.OSMacOS}})
	if got := counts(t, b, "passkey_doctor_visits_total"); len(got) != 0 {
		t.Errorf("a second registry saw the first one's visit: %v", got)
	}
}
