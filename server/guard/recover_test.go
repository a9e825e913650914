package guard

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecoverAnswersAGeneric500AndLogsNoRequestData(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		panicked any
		wantType string
		wantBody string
	}{
		{"an API panic is coded JSON", "/api/ceremony/login/finish", "secret-token-abc", "application/json; charset=utf-8", `{"code":"internal","message":"The server failed. Try again later."}` + "\n"},
		{"a page panic is plain text", "/", errors.New("secret-token-abc"), "text/plain; charset=utf-8", "Internal Server Error\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			h := Recover(slog.New(slog.NewJSONHandler(&logs, nil)), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				panic(tt.panicked)
			}))
			r := httptest.NewRequest("POST", tt.path+"?ref=secret-token-abc", strings.NewReader("secret-token-abc"))
			r.RemoteAddr = "203.0.113.9:4444"
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusInternalServerError || w.Body.String() != tt.wantBody || w.Header().Get("Content-Type") != tt.wantType {
				t.Errorf("got %d %q %q, want 500 %q %q", w.Code, w.Header().Get("Content-Type"), w.Body, tt.wantType, tt.wantBody)
			}
			if !strings.Contains(logs.String(), "handler panicked") {
				t.Errorf("the panic was not logged: %s", logs.String())
			}
			for _, leak := range []string{"secret-token-abc", "203.0.113.9", "ref="} {
				if strings.Contains(logs.String(), leak) {
					t.Errorf("the log has %q: %s", leak, logs.String())
				}
			}
		})
	}
}

func TestRecoverAbortsAResponseThatHadStarted(t *testing.T) {
	h := Recover(nil, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("half"))
		panic("boom")
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestRecoverNamesRuntimeErrors(t *testing.T) {
	var logs bytes.Buffer
	h := Recover(slog.New(slog.NewTextHandler(&logs, nil)), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var none []int
		_ = none[len(r.URL.Path)] // a runtime error: index out of range
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(logs.String(), "index out of range") {
		t.Errorf("log lacks the runtime error: %s", logs.String())
	}
}
