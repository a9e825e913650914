package main

import (
	"net/http"

	"golang.org/x/text/language"
)

// acceptLanguages lists the request's Accept-Language tags, most preferred
// first; a malformed header gives none.
func acceptLanguages(r *http.Request) []string {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		return nil
	}
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return out
}
