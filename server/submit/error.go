package submit

import (
	"errors"
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// apiError is a coded answer: a stable code, a status and a public message
// for the client, a private cause for the log.
type apiError struct {
	code    ceremony.Code
	status  int
	message string
	cause   error
}

func (e *apiError) Error() string {
	if e.cause == nil {
		return string(e.code)
	}
	return string(e.code) + ": " + e.cause.Error()
}

func (e *apiError) Unwrap() error { return e.cause }

// asError is err as an *apiError (nil for nil), or an internal error.
func asError(err error) *apiError {
	if err == nil {
		return nil
	}
	var e *apiError
	if errors.As(err, &e) {
		return e
	}
	return errInternal(err)
}

// Every public message the endpoint sends, in one place. They never quote
// the request.

func errBadRequest(cause error) *apiError {
	return &apiError{ceremony.CodeBadRequest, http.StatusBadRequest, "The request was not understood.", cause}
}

func errBodyTooLarge(cause error) *apiError {
	return &apiError{ceremony.CodeBodyTooLarge, http.StatusRequestEntityTooLarge, "The request is too large.", cause}
}

func errUnsupportedMediaType(cause error) *apiError {
	return &apiError{ceremony.CodeUnsupportedMediaType, http.StatusUnsupportedMediaType, "The request must be JSON.", cause}
}

func errMethodNotAllowed(cause error) *apiError {
	return &apiError{ceremony.CodeMethodNotAllowed, http.StatusMethodNotAllowed, "Use POST for this request.", cause}
}

func errDisabled() *apiError {
	return &apiError{ceremony.CodeReportSubmitDisabled, http.StatusNotFound, "This server does not pass reports on. Copy the report or send it by e-mail instead.", nil}
}

func errInvalid(cause error) *apiError {
	return &apiError{ceremony.CodeReportInvalid, http.StatusUnprocessableEntity, "The report is damaged or not valid.", cause}
}

func errOverloaded(cause error) *apiError {
	return &apiError{ceremony.CodeOverloaded, http.StatusServiceUnavailable, "The server is busy. Try again in a minute.", cause}
}

func errForwardFailed(cause error) *apiError {
	return &apiError{ceremony.CodeReportForwardFailed, http.StatusBadGateway, "The report could not be passed on to IT. Copy it or send it by e-mail instead.", cause}
}

func errInternal(cause error) *apiError {
	return &apiError{ceremony.CodeInternal, http.StatusInternalServerError, "The server failed. Try again later.", cause}
}
