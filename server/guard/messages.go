package guard

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Every public message guard sends, in one place. They match the API's
// wording for the same codes (server/api/messages.go).
var (
	msgRateLimited = ceremony.Error{Code: ceremony.CodeRateLimited, Message: "Too many requests from this device. Wait a moment and try again."}
	msgOverloaded  = ceremony.Error{Code: ceremony.CodeOverloaded, Message: "The server is busy. Try again in a minute."}
	msgInternal    = ceremony.Error{Code: ceremony.CodeInternal, Message: "The server failed. Try again later."}
)

// plainInternal is the 500 body outside the API: generic, no detail.
const plainInternal = "Internal Server Error\n"

// writeCoded writes a coded JSON error, with Retry-After in whole seconds
// when retryAfter > 0.
func writeCoded(w http.ResponseWriter, status int, e ceremony.Error, retryAfter int) {
	body, _ := json.Marshal(e) // two strings: always marshals
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(retryAfter))
	}
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
