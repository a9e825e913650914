package api

import (
	"errors"
	"net/http"
)

// NotFound answers any other path under the API's prefix with a coded 404,
// so a client's mistake never meets a plain-text page.
func (a *API) NotFound() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		a.fail(r.Context(), w, "not-found", errNotFound(errors.New("no route")))
	})
}
