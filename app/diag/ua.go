package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// ver is an OS or browser version; ok is false when unknown.
type ver struct {
	major, minor int
	ok           bool
}

func mkver(major, minor int) ver { return ver{major: major, minor: minor, ok: true} }

// atLeast reports whether v is known and at least major.minor.
func (v ver) atLeast(major, minor int) bool {
	return v.ok && (v.major > major || v.major == major && v.minor >= minor)
}

// below reports whether v is known and below major.minor.
func (v ver) below(major, minor int) bool {
	return v.ok && !v.atLeast(major, minor)
}

// parseVer reads "14", "14.4", "14_4_1" or "14.4.1"; ok is false otherwise.
func parseVer(s string) ver {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' })
	if len(parts) == 0 {
		return ver{}
	}
	major, err := strconv.Atoi(parts[0])
	if err != nil || major < 0 || major > 100000 {
		return ver{}
	}
	minor := 0
	if len(parts) > 1 {
		if m, err := strconv.Atoi(parts[1]); err == nil && m >= 0 && m < 100000 {
			minor = m
		}
	}
	return mkver(major, minor)
}

// product returns the version of the product token name ("Chrome" for
// "Chrome/120.0.0.0") and whether it is present. The token must start the
// string or follow a space, '(', ';', '[' or ',', so "Chrome" does not match
// "HeadlessChrome".
func product(ua, name string) (string, bool) {
	key := name + "/"
	from := 0
	for {
		i := strings.Index(ua[from:], key)
		if i < 0 {
			return "", false
		}
		i += from
		if i == 0 || strings.ContainsRune(" (;[,", rune(ua[i-1])) {
			rest := ua[i+len(key):]
			end := strings.IndexAny(rest, " ;)],")
			if end < 0 {
				end = len(rest)
			}
			return rest[:end], true
		}
		from = i + len(key)
	}
}

// has reports whether the product token name is present.
func has(ua, name string) bool {
	_, ok := product(ua, name)
	return ok
}

// majorOf returns the leading number of a version string, or "" when there
// is none.
func majorOf(v string) string {
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == 0 || end > 6 {
		return ""
	}
	n, _ := strconv.Atoi(v[:end])
	return strconv.Itoa(n)
}

// comment returns the items of the UA's first parenthesised comment,
// trimmed: "Linux; Android 10; K" -> ["Linux", "Android 10", "K"].
func comment(ua string) []string {
	i := strings.IndexByte(ua, '(')
	if i < 0 {
		return nil
	}
	j := strings.IndexByte(ua[i:], ')')
	if j < 0 {
		j = len(ua) - i
	}
	var out []string
	for _, p := range strings.Split(ua[i+1:i+j], ";") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

var (
	reAppleMobileOS = regexp.MustCompile(`\bOS (\d+)(?:[_.](\d+))?(?:[_.]\d+)? like Mac OS X`)
	reMacOS         = regexp.MustCompile(`Mac OS X (\d+)[_.](\d+)`)
	reWindowsNT     = regexp.MustCompile(`Windows NT (\d+)\.(\d+)`)
	reAndroid       = regexp.MustCompile(`\bAndroid (\d+)(?:\.(\d+))?`)
	reInstagram     = regexp.MustCompile(`\bInstagram \d`)
)

// submatchVer turns the first two groups of a regexp match into a ver.
func submatchVer(re *regexp.Regexp, s string) ver {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ver{}
	}
	major, err := strconv.Atoi(m[1])
	if err != nil || major > 100000 {
		return ver{}
	}
	minor := 0
	if len(m) > 2 && m[2] != "" {
		minor, _ = strconv.Atoi(m[2])
	}
	return mkver(major, minor)
}
