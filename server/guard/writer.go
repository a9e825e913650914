package guard

import (
	"mime"
	"net/http"
	"strings"
)

// charsetWriter adds "; charset=utf-8" to a text Content-Type that has no
// charset when the header goes out. Every text the server sends is UTF-8;
// without the parameter a browser may guess (go-app's /app.css and
// manifest come without one).
// Source: https://html.spec.whatwg.org/multipage/semantics.html#charset
// (a charset on the Content-Type is the first place a browser looks).
type charsetWriter struct {
	http.ResponseWriter
	wroteHeader bool
}

func (w *charsetWriter) WriteHeader(status int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		addCharset(w.Header())
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *charsetWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Flush passes through, for handlers that stream.
func (w *charsetWriter) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection (deadlines).
func (w *charsetWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// addCharset appends the UTF-8 charset to a textual Content-Type without one.
func addCharset(h http.Header) {
	ct := h.Get("Content-Type")
	if ct == "" {
		return
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || params["charset"] != "" || !IsText(mt) {
		return
	}
	h.Set("Content-Type", ct+"; charset=utf-8")
}

// IsText reports whether a media type is text a browser decodes with a
// charset: text/*, JavaScript, JSON and XML, and their +json/+xml kin
// (the web app manifest, SVG).
func IsText(mediaType string) bool {
	switch {
	case strings.HasPrefix(mediaType, "text/"),
		mediaType == "application/javascript",
		mediaType == "application/json",
		mediaType == "application/xml",
		strings.HasSuffix(mediaType, "+json"),
		strings.HasSuffix(mediaType, "+xml"):
		return true
	}
	return false
}
