package api

import (
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Every public message the API sends, in one place. Messages are short,
// say what happened in plain words and never quote the request.

func errBadRequest(cause error) *Error {
	return &Error{ceremony.CodeBadRequest, http.StatusBadRequest, "The request was not understood.", cause}
}

func errBodyTooLarge(cause error) *Error {
	return &Error{ceremony.CodeBodyTooLarge, http.StatusRequestEntityTooLarge, "The request is too large.", cause}
}

func errUnsupportedMediaType(cause error) *Error {
	return &Error{ceremony.CodeUnsupportedMediaType, http.StatusUnsupportedMediaType, "The request must be JSON.", cause}
}

func errMethodNotAllowed(cause error) *Error {
	return &Error{ceremony.CodeMethodNotAllowed, http.StatusMethodNotAllowed, "Use POST for this request.", cause}
}

func errNotFound(cause error) *Error {
	return &Error{ceremony.CodeNotFound, http.StatusNotFound, "There is no such request.", cause}
}

func errTokenInvalid(cause error) *Error {
	return &Error{ceremony.CodeTokenInvalid, http.StatusBadRequest, "The test session is not valid. Start the test again.", cause}
}

func errTokenExpired(cause error) *Error {
	return &Error{ceremony.CodeTokenExpired, http.StatusBadRequest, "The test took too long and expired. Start the test again.", cause}
}

func errTokenUnknownKey(cause error) *Error {
	return &Error{ceremony.CodeTokenUnknownKey, http.StatusBadRequest, "The server was updated during the test. Start the test again.", cause}
}

func errTokenReplayed(cause error) *Error {
	return &Error{ceremony.CodeTokenReplayed, http.StatusConflict, "This test step was already completed. Start the test again.", cause}
}

func errUnknownCredential(cause error) *Error {
	return &Error{ceremony.CodeUnknownCredential, http.StatusUnprocessableEntity, "The device offered a passkey this page does not know: an old or orphaned passkey.", cause}
}

func errOriginMismatch(cause error) *Error {
	return &Error{ceremony.CodeOriginMismatch, http.StatusUnprocessableEntity, "The passkey was made for a different site address.", cause}
}

func errUserVerificationMissing(cause error) *Error {
	return &Error{ceremony.CodeUserVerificationMissing, http.StatusUnprocessableEntity, "The device did not check your PIN, fingerprint or face.", cause}
}

func errVerificationFailed(cause error) *Error {
	return &Error{ceremony.CodeVerificationFailed, http.StatusUnprocessableEntity, "The device's answer could not be verified.", cause}
}

func errUnsupportedAlgorithm(cause error) *Error {
	return &Error{ceremony.CodeUnsupportedAlgorithm, http.StatusUnprocessableEntity, "The device uses a signature algorithm this server does not accept.", cause}
}

func errOverloaded(cause error) *Error {
	return &Error{ceremony.CodeOverloaded, http.StatusServiceUnavailable, "The server is busy. Try again in a minute.", cause}
}

func errInternal(cause error) *Error {
	return &Error{ceremony.CodeInternal, http.StatusInternalServerError, "The server failed. Try again later.", cause}
}
