package ui

import "github.com/passkey-doctor/passkey-doctor/app/catalog"

// tr is the page's wording for id in lang, with {name} placeholders filled
// from name, value pairs. Every string the page shows goes through it.
func tr(lang, id string, pairs ...string) string {
	var args map[string]string
	if len(pairs) > 1 {
		args = make(map[string]string, len(pairs)/2)
		for i := 0; i+1 < len(pairs); i += 2 {
			args[pairs[i]] = pairs[i+1]
		}
	}
	return catalog.Text(lang, id, args)
}
