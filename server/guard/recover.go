package guard

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
)

// Recover turns a panic in next into a generic 500 (coded "internal" JSON
// under /api/, plain text elsewhere) and keeps the process up. The log line
// carries the panic's type and the stack, never the request or the panic
// value (which may quote request data), except for runtime errors (nil
// dereference, index out of range), whose text is the program's own.
//
// http.ErrAbortHandler passes through: it is net/http's way to abort a
// response on purpose. When the response had already started, the
// connection is aborted the same way, so the client sees a broken response
// instead of a truncated one that looks whole.
func Recover(log *slog.Logger, next http.Handler) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &startedWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			log.LogAttrs(r.Context(), slog.LevelError, "handler panicked",
				slog.String("panic", describePanic(v)),
				slog.String("stack", string(debug.Stack())))
			if sw.started {
				panic(http.ErrAbortHandler)
			}
			h := w.Header()
			h.Del("Content-Length")
			h.Del("Content-Encoding")
			h.Del("ETag")
			if strings.HasPrefix(r.URL.Path, APIPrefix) {
				writeCoded(w, http.StatusInternalServerError, msgInternal, 0)
				return
			}
			h.Set("Content-Type", "text/plain; charset=utf-8")
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(plainInternal))
		}()
		next.ServeHTTP(sw, r)
	})
}

// describePanic names a panic without quoting what it carries.
func describePanic(v any) string {
	if re, ok := v.(runtime.Error); ok {
		return re.Error()
	}
	return fmt.Sprintf("%T", v)
}

// startedWriter remembers whether the response has started.
type startedWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startedWriter) WriteHeader(status int) {
	if status >= 200 {
		w.started = true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *startedWriter) Write(b []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(b)
}

func (w *startedWriter) Flush() {
	w.started = true
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *startedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
