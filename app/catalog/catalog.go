package catalog

import (
	"sort"
	"strings"
)

// Languages are the supported languages, the default first.
var Languages = []string{"en", "de", "fr", "es"}

// Default is the language used when a requested one is missing.
const Default = "en"

// tables maps a language to its id -> text table: the proper names shared
// by all (names.go), the engine's wording (en.go, de.go, ...) and the
// page's (ui_en.go, ui_de.go, ...).
var tables = map[string]map[string]string{
	"en": merge(names, en, uiEN),
	"de": merge(names, de, uiDE),
	"fr": merge(names, fr, uiFR),
	"es": merge(names, es, uiES),
}

// english is the fallback table.
var english = tables[Default]

// merge joins tables; an id in two of them is a mistake a test catches.
func merge(parts ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, p := range parts {
		for k, v := range p {
			out[k] = v
		}
	}
	return out
}

// Supported reports whether lang is one of Languages.
func Supported(lang string) bool {
	_, ok := tables[lang]
	return ok
}

// Match picks the best supported language for a tag such as "de-CH" or
// "fr_FR", or Default.
func Match(tag string) string {
	base := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	if Supported(base) {
		return base
	}
	return Default
}

// Lookup returns the text for id in lang without falling back.
func Lookup(lang, id string) (string, bool) {
	s, ok := tables[lang][id]
	return s, ok
}

// Text returns the wording for id in lang, falling back to English and then
// to the id itself, with {name} placeholders filled from args.
func Text(lang, id string, args map[string]string) string {
	s, ok := tables[lang][id]
	if !ok {
		s, ok = english[id]
	}
	if !ok {
		return id
	}
	return fill(s, localize(lang, args))
}

// localize replaces a parameter value that has its own label, such as
// os=ios or app=teams, with the label in lang ("iPhone", "Microsoft Teams").
func localize(lang string, args map[string]string) map[string]string {
	if len(args) == 0 {
		return args
	}
	out := make(map[string]string, len(args))
	for k, v := range args {
		label := k + "." + v
		if s, ok := tables[lang][label]; ok {
			v = s
		} else if s, ok := english[label]; ok {
			v = s
		}
		out[k] = v
	}
	return out
}

// fill replaces {name} with args[name]; unknown names become empty.
func fill(s string, args map[string]string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteString(args[s[i+1:i+j]])
		s = s[i+j+1:]
	}
	// An empty link takes the space before its brackets with it, so "page
	// ({url}): Add" reads "page: Add" (and French keeps its " :").
	out := strings.ReplaceAll(strings.ReplaceAll(b.String(), " ()", ""), "()", "")
	out = strings.Join(strings.Fields(out), " ")
	return strings.NewReplacer(" .", ".", " ,", ",").Replace(out)
}

// IDs lists every id in the default language, sorted.
func IDs() []string {
	ids := make([]string, 0, len(english))
	for id := range english {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
