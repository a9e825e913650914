package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// Version is the report format version, the "1" of "PD1-".
const Version = 1

// Report is what the helpdesk gets. Every field is shown to the person
// before the report leaves the page.
type Report struct {
	// Version is always Version.
	Version int `json:"v"`
	// Ref is the ticket reference from the link (?ref=), cleaned by CleanRef.
	Ref string `json:"ref,omitempty"`
	// Lang is the language the person used (en, de, fr, es).
	Lang string `json:"lang,omitempty"`
	// Created is when the report was made, in UTC, to the minute.
	Created time.Time `json:"created"`
	// Facts are what the page knew: browser, probe, tests, answers, policy.
	Facts diag.Facts `json:"facts"`
	// Tried are the remediation steps the person went through, in order.
	Tried []Attempt `json:"tried,omitempty"`
}

// Result is how one remediation step went.
type Result string

// The results a person can report for a step.
const (
	Worked Result = "worked"
	Stuck  Result = "stuck"
)

// Attempt is one remediation step the person tried.
type Attempt struct {
	Step   diag.StepCode `json:"step"`
	Result Result        `json:"result"`
}

// Limits on what a report carries.
const (
	// MaxRefLen caps the ticket reference.
	MaxRefLen = 64
	// MaxTextLen caps each free-text field (a message, an error message, a
	// User-Agent) in runes; New clips longer text.
	MaxTextLen = 600
	// MaxAttempts caps the steps tried.
	MaxAttempts = 64
	// MaxCeremonies caps the tests carried.
	MaxCeremonies = 32
)

// New makes a report of what the page knew at now, without anything
// personal: the reference is cleaned, e-mail addresses in free text are
// replaced by "[e-mail]", long text is clipped, the time is rounded down to
// the minute. An unsupported lang is dropped.
func New(now time.Time, ref, lang string, facts diag.Facts, tried []Attempt) Report {
	if !catalog.Supported(lang) {
		lang = ""
	}
	r := Report{
		Version: Version,
		Ref:     CleanRef(ref),
		Lang:    lang,
		Created: minute(now),
		Facts:   canonical(scrub(facts)),
		Tried:   append([]Attempt(nil), tried...),
	}
	if len(r.Facts.Ceremonies) > MaxCeremonies {
		r.Facts.Ceremonies = r.Facts.Ceremonies[len(r.Facts.Ceremonies)-MaxCeremonies:]
	}
	if len(r.Tried) > MaxAttempts {
		r.Tried = r.Tried[len(r.Tried)-MaxAttempts:]
	}
	return r
}

// minute is t in UTC, rounded down to the minute: the helpdesk needs the
// day and the hour, not the second someone pressed a button.
func minute(t time.Time) time.Time { return t.UTC().Truncate(time.Minute) }

// CleanRef keeps what a ticket reference is made of (letters, digits and
// - _ . : / #) and at most MaxRefLen of it, so a link cannot smuggle text
// into the report or the e-mail subject.
func CleanRef(ref string) string {
	var b strings.Builder
	for _, c := range ref {
		if b.Len() == MaxRefLen {
			break
		}
		if refRune(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func refRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_.:/#", c)
}

// redact replaces what looks like an e-mail address with "[e-mail]" and
// clips s to MaxTextLen runes: people paste messages such as "We couldn't
// sign you in as jane@example.com". Written by hand rather than with regexp,
// which would add to the page's download.
func redact(s string) string {
	var b strings.Builder
	for {
		at := strings.IndexByte(s, '@')
		if at < 0 {
			b.WriteString(s)
			break
		}
		start := at
		for start > 0 && localByte(s[start-1]) {
			start--
		}
		end := at + 1
		for end < len(s) && domainByte(s[end]) {
			end++
		}
		for end > at+1 && s[end-1] == '.' { // a sentence's full stop
			end--
		}
		if domain := s[at+1 : end]; start == at || !strings.Contains(domain, ".") || domain[0] == '.' {
			b.WriteString(s[:at+1])
			s = s[at+1:]
			continue
		}
		b.WriteString(s[:start])
		b.WriteString("[e-mail]")
		s = s[end:]
	}
	return clip(b.String(), MaxTextLen)
}

func localByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._%+-", c) >= 0
}

func domainByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
}

// clip cuts s to n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// scrub is facts without personal data in free text; it copies every slice
// it changes so the caller's facts stay as they were.
func scrub(f diag.Facts) diag.Facts {
	f.UA = clip(f.UA, MaxTextLen)
	f.Answers.Message = redact(f.Answers.Message)
	f.Answers.OSVersion = clip(f.Answers.OSVersion, 32)
	cs := make([]diag.CeremonyFacts, len(f.Ceremonies))
	for i, c := range f.Ceremonies {
		c.ErrorName = clip(c.ErrorName, 64)
		c.ErrorMessage = redact(c.ErrorMessage)
		cs[i] = c
	}
	f.Ceremonies = cs
	if len(f.Ceremonies) == 0 {
		f.Ceremonies = nil
	}
	return f
}

// canonical is f as it reads back from JSON (an unset Tri becomes
// "unknown"), so Decode(Encode(r)) equals r and the person sees exactly
// what the helpdesk will. Facts the engine would refuse stay as they are,
// and Encode says why.
func canonical(f diag.Facts) diag.Facts {
	b, err := json.Marshal(f)
	if err != nil {
		return f
	}
	g, err := diag.Parse(b)
	if err != nil {
		return f
	}
	return g
}

// Errors that Decode and Validate wrap; test them with errors.Is.
var (
	// ErrNotReport: the text is not a report code at all.
	ErrNotReport = errors.New("not a Passkey Doctor report code")
	// ErrVersion: a report code of a format this build does not know.
	ErrVersion = errors.New("unsupported report version")
	// ErrTooLarge: the code or the report it holds is over the size cap.
	ErrTooLarge = errors.New("report too large")
	// ErrDamaged: the code is truncated or altered (base64, zlib, checksum).
	ErrDamaged = errors.New("report code damaged")
	// ErrInvalid: the report's JSON is malformed or holds invalid values.
	ErrInvalid = errors.New("invalid report")
)

// Validate reports whether r is a report Encode may write and Decode would
// accept. It never changes r.
func (r Report) Validate() error {
	if r.Version != Version {
		return fmt.Errorf("%w: field v: want %d, got %d", ErrInvalid, Version, r.Version)
	}
	if r.Ref != CleanRef(r.Ref) {
		return fmt.Errorf("%w: field ref: only letters, digits and - _ . : / #, at most %d", ErrInvalid, MaxRefLen)
	}
	if r.Lang != "" && !catalog.Supported(r.Lang) {
		return fmt.Errorf("%w: field lang: want one of %s, got %q", ErrInvalid, strings.Join(catalog.Languages, ", "), clip(r.Lang, 16))
	}
	if r.Created.IsZero() {
		return fmt.Errorf("%w: field created: missing", ErrInvalid)
	}
	if y := r.Created.Year(); y < 2024 || y > 9999 {
		return fmt.Errorf("%w: field created: year %d is out of range", ErrInvalid, y)
	}
	if len(r.Facts.Ceremonies) > MaxCeremonies {
		return fmt.Errorf("%w: field facts.ceremonies: more than %d", ErrInvalid, MaxCeremonies)
	}
	if len(r.Tried) > MaxAttempts {
		return fmt.Errorf("%w: field tried: more than %d", ErrInvalid, MaxAttempts)
	}
	if err := validFacts(r.Facts); err != nil {
		return err
	}
	for i, a := range r.Tried {
		if !knownStep(a.Step) {
			return fmt.Errorf("%w: field tried[%d].step: unknown step %q", ErrInvalid, i, clip(string(a.Step), 40))
		}
		if a.Result != Worked && a.Result != Stuck {
			return fmt.Errorf("%w: field tried[%d].result: want worked or stuck, got %q", ErrInvalid, i, clip(string(a.Result), 40))
		}
	}
	return nil
}

// validFacts runs the engine's own checks on the facts, so a report holds
// nothing diag.Parse would refuse.
func validFacts(f diag.Facts) error {
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("%w: field facts: %v", ErrInvalid, err)
	}
	if _, err := diag.Parse(b); err != nil {
		return fmt.Errorf("%w: field facts: %v", ErrInvalid, err)
	}
	return nil
}

func knownStep(code diag.StepCode) bool {
	for _, s := range diag.Steps() {
		if s == code {
			return true
		}
	}
	return false
}
