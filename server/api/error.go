package api

import (
	"errors"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Error is the API's one error type: a stable code and HTTP status and a
// public message for the client, and a private cause for the log. Build
// them with the constructors in messages.go.
type Error struct {
	Code    ceremony.Code
	Status  int
	Message string
	Cause   error
}

// Error includes the cause; it is for logs, never for the client.
func (e *Error) Error() string {
	if e.Cause == nil {
		return string(e.Code) + ": " + e.Message
	}
	return string(e.Code) + ": " + e.Cause.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// Is matches any *Error with the same code, so errors.Is(err,
// &Error{Code: ceremony.CodeTokenExpired}) holds whatever the cause.
func (e *Error) Is(target error) bool {
	var t *Error
	if !errors.As(target, &t) {
		return false
	}
	return t.Code == e.Code
}

// Public is the body the client sees.
func (e *Error) Public() ceremony.Error {
	return ceremony.Error{Code: e.Code, Message: e.Message}
}

// asError returns err as an *Error, or an internal error wrapping it.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return errInternal(err)
}
