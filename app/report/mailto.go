package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// MaxMailtoLen caps a mailto: link. Browsers and mail programs cut or
// refuse longer ones (some at about 2,000 characters), so the body carries
// a summary and the report code, never the whole text report.
const MaxMailtoLen = 2000

// MailtoURL is a mailto: link to the helpdesk with the ticket reference in
// the subject and, in the body, a short summary and the report code, in the
// report's language. Summary lines are dropped, least useful first, until
// the link is at most MaxMailtoLen long; the code is always kept, and in
// the unlikely case that it alone is too long the body asks for the
// downloaded report instead. An empty helpdeskEmail leaves the recipient
// for the person to fill in; an empty ref falls back to the report's own.
func MailtoURL(helpdeskEmail, ref string, r Report) (string, error) {
	code, err := Encode(r)
	if err != nil {
		return "", fmt.Errorf("mailto: %w", err)
	}
	lang := r.Lang
	if !catalog.Supported(lang) {
		lang = catalog.Default
	}
	if ref = CleanRef(ref); ref == "" {
		ref = r.Ref
	}
	t := func(id string, args map[string]string) string { return catalog.Text(lang, id, args) }

	head := "mailto:" + escape(strings.TrimSpace(helpdeskEmail), "@") +
		"?subject=" + escape(t("report.mail.subject", map[string]string{"ref": ref}), "") + "&body="
	intro := []string{t("report.mail.intro", nil), ""}
	tail := []string{"", t("report.section.code", nil) + ":", code, "", t("report.code.help", nil)}
	summary := mailSummary(lang, r)

	for n := len(summary); n >= 0; n-- {
		body := strings.Join(append(append(append([]string{}, intro...), summary[:n]...), tail...), "\r\n")
		if u := head + escape(body, ""); len(u) <= MaxMailtoLen {
			return u, nil
		}
	}
	body := strings.Join(append(intro, t("report.mail.no-code", nil)), "\r\n")
	return head + escape(body, ""), nil
}

// mailSummary is the most useful lines first: what fails and how, the
// message seen, the environment, what works, then the steps tried. The
// ticket reference is in the subject.
func mailSummary(lang string, r Report) []string {
	t := func(id string) string { return catalog.Text(lang, id, nil) }
	d := diag.Diagnose(r.Facts)
	var out []string
	for i, c := range d.Ceremonies {
		s := fmt.Sprintf("%s: %s", t("kind."+c.Kind), t("outcome."+c.Outcome))
		if c.Cause != nil {
			s += " [" + string(*c.Cause) + "]"
		}
		if e := r.Facts.Ceremonies[i]; e.ErrorName != "" {
			s += " " + e.ErrorName
		}
		out = append(out, s)
	}
	if m := r.Facts.Answers.Message; m != "" {
		out = append(out, t("report.answer.message")+": "+strconv.Quote(m))
	}
	out = append(out,
		t("report.device")+": "+PlatformText(lang, d.Platform),
		t("report.browser")+": "+BrowserText(lang, d.Platform),
		t("report.answer.otherMethodWorks")+": "+t("support."+string(norm(r.Facts.Answers.OtherMethodWorks))),
		t("report.answer.otherDeviceWorks")+": "+t("support."+string(norm(r.Facts.Answers.OtherDeviceWorks))))
	for _, a := range r.Tried {
		out = append(out, t("report.section.tried")+": "+string(a.Step)+" — "+t("report.result."+string(a.Result)))
	}
	return out
}

func norm(v diag.Tri) diag.Tri {
	if v == "" {
		return diag.Unknown
	}
	return v
}

// escape percent-encodes s for a mailto: URL, keeping only unreserved
// characters (and those in keep) as they are, so that &, ?, # and spaces
// in the text cannot end the subject or the body early.
// Source: RFC 6068 section 2 and RFC 3986 section 2.3.
func escape(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
