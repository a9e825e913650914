package ui

import (
	"slices"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
)

// pickLang chooses the page's language: a ?lang= the deployment offers
// wins, then the first of the browser's languages it offers, then the
// deployment's first language.
func pickLang(query string, browser []string, offered []string) string {
	if len(offered) == 0 {
		offered = catalog.Languages
	}
	for _, tag := range append([]string{query}, browser...) {
		if l := primary(tag); catalog.Supported(l) && slices.Contains(offered, l) {
			return l
		}
	}
	return offered[0]
}

// primary is a language tag's primary subtag: "de" for "de-CH" or "de_CH".
func primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}
