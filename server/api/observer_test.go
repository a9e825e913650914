package api

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

// recorder is an Observer that keeps what it hears.
type recorder struct {
	mu        sync.Mutex
	seen      []Observation
	diagnoses []diag.Diagnosis
}

func (r *recorder) ObserveCeremony(o Observation) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.seen = append(r.seen, o)
}

func (r *recorder) ObserveDiagnosis(d diag.Diagnosis) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.diagnoses = append(r.diagnoses, d)
}

func observedHarness(t *testing.T) (*harness, *recorder) {
	h := newHarness(t, testConfig(newKey(t, 1)), nil)
	rec := &recorder{}
	h.api.obs = rec
	h.mux.Handle("POST "+PathDiagnosis, h.api.Diagnosis())
	h.mux.Handle(PathDiagnosis, h.api.Diagnosis())
	return h, rec
}

func TestObserverHearsEveryCeremonyStep(t *testing.T) {
	h, rec := observedHarness(t)
	auth := softauth.New()
	reg := h.register(auth, ceremony.KindPlatform)
	if status, _, e := h.login(auth, ceremony.KindPlatform, false, []string{reg.Credential}); status != http.StatusOK {
		t.Fatalf("login: %d %+v", status, e)
	}
	h.post(ceremony.PathRegisterBegin, ceremony.RegisterBeginRequest{Kind: "nonsense"}, nil)
	h.do(http.MethodPost, ceremony.PathLoginBegin, "text/plain", []byte("{}"))
	h.registerFinish("not a token", ceremony.RegistrationResponse{})

	want := []Observation{
		{Step: StepRegisterBegin, Kind: ceremony.KindPlatform, Outcome: diag.OutcomeOK},
		{Step: StepRegisterFinish, Kind: ceremony.KindPlatform, Outcome: diag.OutcomeOK},
		{Step: StepLoginBegin, Kind: ceremony.KindPlatform, Outcome: diag.OutcomeOK},
		{Step: StepLoginFinish, Kind: ceremony.KindPlatform, Outcome: diag.OutcomeOK},
		{Step: StepRegisterBegin, Kind: "nonsense", Outcome: diag.OutcomeFailed, Code: ceremony.CodeBadRequest},
		{Step: StepLoginBegin, Outcome: diag.OutcomeFailed, Code: ceremony.CodeUnsupportedMediaType},
		{Step: StepRegisterFinish, Outcome: diag.OutcomeFailed, Code: ceremony.CodeTokenInvalid},
	}
	if diff := cmp.Diff(want, rec.seen, cmpopts.IgnoreFields(Observation{}, "Duration")); diff != "" {
		t.Errorf("observations (-want +got):\n%s", diff)
	}
	for _, o := range rec.seen {
		if o.Duration <= 0 {
			t.Errorf("%s took %v, want the time measured", o.Step, o.Duration)
		}
	}
}

func TestDiagnosisReports(t *testing.T) {
	valid := `{"platform":{"os":"windows","osVersion":"11","osVersionKnown":true,"browser":"edge","browserVersion":"140","inAppWebView":false,"inAppName":null},` +
		`"support":{"platformPasskeys":"yes","authenticatorAppPasskeys":"unknown","securityKeys":"yes"},` +
		`"findings":[{"code":"screen-lock-missing","severity":"error","params":{"kind":"platform"}}],` +
		`"ceremonies":[{"kind":"platform","outcome":"failed","cause":"user-verification-unavailable","confidence":"high","errorName":"NotAllowedError"}],` +
		`"steps":[{"code":"set-up-screen-lock","params":{"os":"windows"}}]}`
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		wantStatus  int
		wantCode    ceremony.Code
		wantHeard   int
	}{
		{"the page's diagnosis is accepted and heard", "POST", "application/json", valid, http.StatusNoContent, "", 1},
		{"an empty object is a diagnosis with nothing in it", "POST", "application/json", `{}`, http.StatusNoContent, "", 1},
		{"an unknown field is refused", "POST", "application/json", `{"platform":{},"email":"a@b.c"}`, http.StatusBadRequest, ceremony.CodeBadRequest, 0},
		{"trailing data is refused", "POST", "application/json", `{} {}`, http.StatusBadRequest, ceremony.CodeBadRequest, 0},
		{"a body over the cap is refused", "POST", "application/json", `{"findings":[` + strings.Repeat(`{"code":"x"},`, 2000) + `{}]}`, http.StatusRequestEntityTooLarge, ceremony.CodeBodyTooLarge, 0},
		{"too many ceremonies are refused", "POST", "application/json", `{"ceremonies":[` + strings.Repeat(`{"kind":"platform"},`, maxReportedCeremonies) + `{}]}`, http.StatusBadRequest, ceremony.CodeBadRequest, 0},
		{"a form post is refused", "POST", "application/x-www-form-urlencoded", `a=b`, http.StatusUnsupportedMediaType, ceremony.CodeUnsupportedMediaType, 0},
		{"GET is refused with a coded 405", "GET", "", ``, http.StatusMethodNotAllowed, ceremony.CodeMethodNotAllowed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rec := observedHarness(t)
			w := h.do(tt.method, PathDiagnosis, tt.contentType, []byte(tt.body))
			if w.Code != tt.wantStatus {
				t.Fatalf("status %d %s, want %d", w.Code, w.Body.String(), tt.wantStatus)
			}
			if tt.wantCode != "" && !strings.Contains(w.Body.String(), `"code":"`+string(tt.wantCode)+`"`) {
				t.Errorf("body %s, want code %s", w.Body.String(), tt.wantCode)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
			if len(rec.diagnoses) != tt.wantHeard {
				t.Errorf("observer heard %d diagnoses, want %d", len(rec.diagnoses), tt.wantHeard)
			}
			if len(rec.seen) != 0 {
				t.Errorf("a diagnosis report counted as a ceremony: %+v", rec.seen)
			}
		})
	}
}

// TestDiagnosisContentIsNeverLogged sends a refused report full of
// identifying text and checks the log.
func TestDiagnosisContentIsNeverLogged(t *testing.T) {
	h, _ := observedHarness(t)
	for _, body := range []string{
		`{"platform":{"os":"Windows; alice.smith@example.com"},"extra":"INC0012345"}`,
		`{"support":{"platformPasskeys":"alice.smith@example.com"}}`,
		`{"findings":[{"code":1}], "INC0012345": 1}`,
	} {
		h.do("POST", PathDiagnosis, "application/json", []byte(body))
	}
	if !strings.Contains(h.logs.String(), "code=bad-request") {
		t.Fatalf("refusals were not logged at all:\n%s", h.logs.String())
	}
	logs := h.logs.String()
	for _, secret := range []string{"alice.smith", "INC0012345", "extra"} {
		if strings.Contains(logs, secret) {
			t.Errorf("log quotes the report (%q):\n%s", secret, logs)
		}
	}
}
