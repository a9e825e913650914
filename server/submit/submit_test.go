package submit

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// sampleReport is a captured report with a secret-looking message, so the
// tests can check that it reaches the webhook and never the log.
func sampleReport(t *testing.T) report.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "facts", "windows-orphaned-passkey.json"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := diag.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	f.Answers.Message = "SECRET-MESSAGE-TEXT"
	return report.New(time.Date(2026, 3, 2, 9, 41, 0, 0, time.UTC), "INC0012345", "en", f,
		[]report.Attempt{{Step: diag.StepTryOtherMethod, Result: report.Worked}})
}

// webhook records what it receives and answers with status.
type webhook struct {
	mu       sync.Mutex
	bodies   [][]byte
	types    []string
	status   int
	delay    time.Duration
	redirect string
}

func (wh *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	wh.mu.Lock()
	wh.bodies = append(wh.bodies, b)
	wh.types = append(wh.types, r.Header.Get("Content-Type"))
	wh.mu.Unlock()
	if wh.delay > 0 {
		select {
		case <-time.After(wh.delay):
		case <-r.Context().Done():
		}
	}
	if wh.redirect != "" {
		http.Redirect(w, r, wh.redirect, http.StatusTemporaryRedirect)
		return
	}
	w.WriteHeader(wh.status)
}

func (wh *webhook) count() int {
	wh.mu.Lock()
	defer wh.mu.Unlock()
	return len(wh.bodies)
}

func post(h http.Handler, method, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, Path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestSubmitForwardsTheReportAndStoresNothing(t *testing.T) {
	r := sampleReport(t)
	code, err := report.Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(r)
	tests := []struct {
		name string
		body string
	}{
		{"a report code", `{"code":"` + code + `"}`},
		{"a report code wrapped by an e-mail", `{"code":"` + code[:30] + `\r\n` + code[30:] + `"}`},
		{"a report as JSON", `{"report":` + string(js) + `}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wh := &webhook{status: http.StatusNoContent}
			srv := httptest.NewServer(wh)
			defer srv.Close()
			var logs bytes.Buffer
			h, err := New(Options{Webhook: srv.URL + "/hook?token=SECRET-TOKEN", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			w := post(h, "POST", "application/json", tt.body)
			if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"forwarded":true}` {
				t.Fatalf("answer %d %s, want 200 {\"forwarded\":true}", w.Code, w.Body)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
			if wh.count() != 1 {
				t.Fatalf("webhook got %d requests, want 1", wh.count())
			}
			if wh.types[0] != "application/json" {
				t.Errorf("webhook Content-Type = %q", wh.types[0])
			}
			var got Payload
			dec := json.NewDecoder(bytes.NewReader(wh.bodies[0]))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("payload: %v\n%s", err, wh.bodies[0])
			}
			want := Payload{Type: PayloadType, Version: 1, Ref: "INC0012345", Code: code, Report: r, Diagnosis: diag.Diagnose(r.Facts), Text: report.Text(r, diag.Diagnose(r.Facts), "en")}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("payload mismatch (-want +got):\n%s", diff)
			}
			for _, secret := range []string{"SECRET-MESSAGE-TEXT", "SECRET-TOKEN", code[len(report.Prefix):][:20], "INC0012345"} {
				if strings.Contains(logs.String(), secret) {
					t.Errorf("the log carries %q:\n%s", secret, logs.String())
				}
			}
		})
	}
}

func TestSubmitAnswersCodedErrors(t *testing.T) {
	code, err := report.Encode(sampleReport(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		webhook     *webhook // nil: submit disabled
		method      string
		contentType string
		body        string
		wantStatus  int
		wantCode    ceremony.Code
		wantCalls   int
	}{
		{"submit without a webhook is disabled", nil, "POST", "application/json", `{"code":"` + code + `"}`, 404, ceremony.CodeReportSubmitDisabled, 0},
		{"GET is not allowed", &webhook{status: 200}, "GET", "", "", 405, ceremony.CodeMethodNotAllowed, 0},
		{"a form post is refused", &webhook{status: 200}, "POST", "application/x-www-form-urlencoded", "code=" + code, 415, ceremony.CodeUnsupportedMediaType, 0},
		{"another charset is refused", &webhook{status: 200}, "POST", "application/json; charset=latin1", `{"code":"x"}`, 415, ceremony.CodeUnsupportedMediaType, 0},
		{"malformed JSON", &webhook{status: 200}, "POST", "application/json", `{"code":`, 400, ceremony.CodeBadRequest, 0},
		{"an unknown field", &webhook{status: 200}, "POST", "application/json", `{"code":"` + code + `","email":"a@b.c"}`, 400, ceremony.CodeBadRequest, 0},
		{"trailing data", &webhook{status: 200}, "POST", "application/json", `{"code":"` + code + `"}{}`, 400, ceremony.CodeBadRequest, 0},
		{"neither code nor report", &webhook{status: 200}, "POST", "application/json", `{}`, 400, ceremony.CodeBadRequest, 0},
		{"both code and report", &webhook{status: 200}, "POST", "application/json", `{"code":"` + code + `","report":{}}`, 400, ceremony.CodeBadRequest, 0},
		{"a body over the cap", &webhook{status: 200}, "POST", "application/json", `{"code":"` + strings.Repeat("A", MaxBody) + `"}`, 413, ceremony.CodeBodyTooLarge, 0},
		{"a damaged code", &webhook{status: 200}, "POST", "application/json", `{"code":"` + code[:len(code)-6] + `"}`, 422, ceremony.CodeReportInvalid, 0},
		{"a report with an unknown field", &webhook{status: 200}, "POST", "application/json", `{"report":{"v":1,"name":"Jane"}}`, 422, ceremony.CodeReportInvalid, 0},
		{"the webhook fails", &webhook{status: 500}, "POST", "application/json", `{"code":"` + code + `"}`, 502, ceremony.CodeReportForwardFailed, 1},
		{"the webhook is slow", &webhook{status: 200, delay: 2 * time.Second}, "POST", "application/json", `{"code":"` + code + `"}`, 502, ceremony.CodeReportForwardFailed, 1},
		{"the webhook redirects elsewhere", &webhook{status: 200, redirect: "https://elsewhere.example/"}, "POST", "application/json", `{"code":"` + code + `"}`, 502, ceremony.CodeReportForwardFailed, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Options{Timeout: 300 * time.Millisecond}
			if tt.webhook != nil {
				srv := httptest.NewServer(tt.webhook)
				defer srv.Close()
				o.Webhook = srv.URL
			}
			h, err := New(o)
			if err != nil {
				t.Fatal(err)
			}
			w := post(h, tt.method, tt.contentType, tt.body)
			var e ceremony.Error
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %q is not a coded error: %v", w.Body, err)
			}
			if w.Code != tt.wantStatus || e.Code != tt.wantCode || e.Message == "" {
				t.Errorf("answer %d %+v, want %d %s with a message", w.Code, e, tt.wantStatus, tt.wantCode)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
			if tt.webhook != nil && tt.webhook.count() != tt.wantCalls {
				t.Errorf("webhook called %d times, want %d (no retries)", tt.webhook.count(), tt.wantCalls)
			}
		})
	}
}

func TestSubmitCapsForwardsInFlight(t *testing.T) {
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started.Done()
		<-release
	}))
	defer srv.Close()
	defer close(release)
	h, err := New(Options{Webhook: srv.URL, MaxInFlight: 1})
	if err != nil {
		t.Fatal(err)
	}
	code, _ := report.Encode(sampleReport(t))
	body := `{"code":"` + code + `"}`
	go post(h, "POST", "application/json", body)
	started.Wait()
	if w := post(h, "POST", "application/json", body); w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `"overloaded"`) {
		t.Errorf("second forward answered %d %s, want 503 overloaded", w.Code, w.Body)
	}
}

func TestNewRefusesAWebhookThatIsNotHTTP(t *testing.T) {
	for _, u := range []string{"ftp://x/y", "javascript:alert(1)", "/relative", "https://"} {
		if _, err := New(Options{Webhook: u}); err == nil {
			t.Errorf("New accepted webhook %q", u)
		}
	}
}
