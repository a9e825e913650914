package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// decode reads a JSON request body into dst strictly: the content type must
// be application/json (UTF-8), the body at most max bytes, with no unknown
// fields and nothing after the JSON value.
func decode(w http.ResponseWriter, r *http.Request, max int64, dst any) error {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return errUnsupportedMediaType(errors.New("content type is not application/json"))
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return errUnsupportedMediaType(errors.New("charset is not utf-8"))
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
	return errBadRequest(fmt.Errorf("decode body: %s", describeJSONError(err)))
}

// describeJSONError names what was wrong with a body without quoting it:
// encoding/json's messages quote unknown field names and stray characters,
// which are the client's text and may be anything, personal data included.
// Logs carry no client data (see doc.go).
func describeJSONError(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("syntax error at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("wrong JSON type at byte %d", typ.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated or empty body"
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return "unknown field"
	case strings.HasPrefix(err.Error(), "trailing data"):
		return err.Error()
	}
	return "not the JSON expected"
}

// loggableKind is k when it is a kind this server knows, else "unknown":
// an unknown kind is the client's text.
func loggableKind(k ceremony.Kind) string {
	if k.Valid() {
		return string(k)
	}
	return "unknown"
}
