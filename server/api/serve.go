package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
)

// handlerFunc is a ceremony handler: it writes a response on success and
// returns an error otherwise, leaving status, body and log line to serve.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// serve adapts a handlerFunc to http.Handler: the one place that picks the
// status code, writes the ceremony.Error body and the log line.
func (a *API) serve(name string, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			a.fail(r.Context(), w, name, errMethodNotAllowed(errors.New(r.Method)))
			return
		}
		if err := h(w, r); err != nil {
			a.fail(r.Context(), w, name, err)
		}
	})
}

// fail logs err and answers its public form. 5xx are the server's own
// failures and log at error level; 4xx are the client's and log at info,
// since a person's failing test is what this service exists to see.
func (a *API) fail(ctx context.Context, w http.ResponseWriter, name string, err error) {
	e := asError(err)
	level := slog.LevelInfo
	if e.Status >= 500 {
		level = slog.LevelError
	}
	attrs := []slog.Attr{
		slog.String("handler", name),
		slog.String("code", string(e.Code)),
		slog.Int("status", e.Status),
	}
	if e.Cause != nil {
		attrs = append(attrs, slog.String("cause", e.Cause.Error()))
	}
	a.log.LogAttrs(ctx, level, "ceremony request failed", attrs...)
	writeJSON(w, e.Status, e.Public())
}

// writeJSON writes v as the JSON response body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only the API's own types reach here, and they always marshal.
		status, body = http.StatusInternalServerError, []byte(`{"code":"internal","message":"The server failed. Try again later."}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
