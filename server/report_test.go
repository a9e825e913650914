package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/submit"
)

func reportBody(t *testing.T) string {
	t.Helper()
	f, err := diag.Parse([]byte(iosFacts))
	if err != nil {
		t.Fatal(err)
	}
	f.Answers.Message = "CANARY-MESSAGE"
	code, err := report.Encode(report.New(time.Now(), "INC0012345", "en", f, nil))
	if err != nil {
		t.Fatal(err)
	}
	return `{"code":"` + code + `"}`
}

func postReport(t *testing.T, h http.Handler, body string) (*http.Response, ceremony.Error) {
	t.Helper()
	req := httptest.NewRequest("POST", ceremony.PathReport, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	var e ceremony.Error
	_ = json.Unmarshal(w.Body.Bytes(), &e)
	return w.Result(), e
}

func TestReportSubmitIsDisabledWithoutAWebhook(t *testing.T) {
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	resp, e := postReport(t, h, reportBody(t))
	if resp.StatusCode != http.StatusNotFound || e.Code != ceremony.CodeReportSubmitDisabled {
		t.Errorf("answer %d %+v, want 404 report-submit-disabled", resp.StatusCode, e)
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", got)
	}
}

func TestReportSubmitForwardsToTheConfiguredWebhook(t *testing.T) {
	var got submit.Payload
	calls := 0
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		b, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(b, &got)
		w.WriteHeader(http.StatusAccepted)
	}))
	defer hook.Close()
	cfg := config.Default()
	// Validate wants https; the forwarder itself takes the test's http URL.
	cfg.Report.Webhook = hook.URL + "/hook/CANARY-TOKEN"
	var logs bytes.Buffer
	h, err := newHandler(cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	resp, e := postReport(t, h, reportBody(t))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("answer %d %+v, want 200", resp.StatusCode, e)
	}
	if calls != 1 || got.Type != submit.PayloadType || got.Ref != "INC0012345" || got.Report.Facts.Answers.Message != "CANARY-MESSAGE" {
		t.Errorf("webhook got %d calls, payload %+v", calls, got)
	}
	for _, canary := range []string{"CANARY-MESSAGE", "CANARY-TOKEN", "INC0012345"} {
		if strings.Contains(logs.String(), canary) {
			t.Errorf("the log carries %q:\n%s", canary, logs.String())
		}
	}
}
