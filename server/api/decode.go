package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// decode reads a JSON request body into dst strictly: the content type must
// be application/json (UTF-8), the body at most max bytes, with no unknown
// fields and nothing after the JSON value.
func decode(w http.ResponseWriter, r *http.Request, max int64, dst any) error {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return errUnsupportedMediaType(fmt.Errorf("content type %q", r.Header.Get("Content-Type")))
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return errUnsupportedMediaType(fmt.Errorf("charset %q", cs))
	}
	if r.ContentLength > max {
		return errBodyTooLarge(fmt.Errorf("content length %d over %d", r.ContentLength, max))
	}
	body := http.MaxBytesReader(w, r.Body, max)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("trailing data after the JSON value")
		}
		return decodeError(err)
	}
	return nil
}

func decodeError(err error) *Error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errBodyTooLarge(fmt.Errorf("decode body: over %d bytes", tooLarge.Limit))
	}
	return errBadRequest(fmt.Errorf("decode body: %w", err))
}
