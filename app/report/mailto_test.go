package report

import (
	"net/url"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// parseMailto splits a mailto: link as a mail program would.
func parseMailto(t *testing.T, link string) (to, subject, body string) {
	t.Helper()
	rest, ok := strings.CutPrefix(link, "mailto:")
	if !ok {
		t.Fatalf("%q is not a mailto: link", link)
	}
	to, query, _ := strings.Cut(rest, "?")
	to, err := url.PathUnescape(to)
	if err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatalf("query %q: %v", query, err)
	}
	if len(q) != 2 {
		t.Errorf("link has fields %v, want subject and body only", q)
	}
	return to, q.Get("subject"), q.Get("body")
}

func TestMailtoURL(t *testing.T) {
	long := sample(t)
	long.Facts.Answers.Message = strings.Repeat("This & that? #1 ", 40)
	for i := 0; i < 8; i++ {
		long.Facts.Ceremonies = append(long.Facts.Ceremonies, diag.CeremonyFacts{Kind: diag.KindSecurityKey, Step: diag.StepGet, ErrorName: "NotAllowedError"})
	}
	tests := []struct {
		name        string
		email, ref  string
		r           Report
		wantTo      string
		wantSubject string
		wantBody    []string
		notInBody   []string
	}{
		{"the subject carries the ticket and the body the summary and code", "helpdesk@example.com", "INC0012345", sample(t),
			"helpdesk@example.com", "Passkey sign-in problem (INC0012345)",
			[]string{"Existing passkey: Failed [unknown-credential]", `Message seen: "This passkey can no longer be used"`, "Device: Windows 10", "Another sign-in method works: Yes", "\r\nPD1-"}, nil},
		{"no ticket leaves no empty brackets", "it@example.com", "", func() Report { r := sample(t); r.Ref = ""; return r }(),
			"it@example.com", "Passkey sign-in problem", nil, nil},
		{"the report's own ticket is used when the link has none", "it@example.com", "", sample(t),
			"it@example.com", "Passkey sign-in problem (INC0012345)", nil, nil},
		{"a German report writes German", "", "A-1", func() Report { r := sample(t); r.Lang = "de"; return r }(),
			"", "Problem bei der Anmeldung mit Passkey (A-1)", []string{"Gerät: Windows 10", "Berichtscode:"}, nil},
		{"an address cannot add fields", "it@example.com?cc=boss@example.com&body=x", "INC1", sample(t),
			"it@example.com?cc=boss@example.com&body=x", "Passkey sign-in problem (INC1)", nil, nil},
		{"a long report drops summary lines, never the code", "it@example.com", "INC1", long,
			"it@example.com", "Passkey sign-in problem (INC1)", []string{"Existing passkey: Failed", "\r\nPD1-"}, []string{"Another device works"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			link, err := MailtoURL(tt.email, tt.ref, tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if len(link) > MaxMailtoLen {
				t.Errorf("link is %d characters, want at most %d", len(link), MaxMailtoLen)
			}
			to, subject, body := parseMailto(t, link)
			if to != tt.wantTo || subject != tt.wantSubject {
				t.Errorf("to %q subject %q, want %q and %q", to, subject, tt.wantTo, tt.wantSubject)
			}
			code, _ := Encode(tt.r)
			if !strings.Contains(body, code) {
				t.Errorf("body lacks the report code:\n%s", body)
			}
			for _, w := range tt.wantBody {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%s", w, body)
				}
			}
			for _, w := range tt.notInBody {
				if strings.Contains(body, w) {
					t.Errorf("body has %q though it should have been dropped:\n%s", w, body)
				}
			}
		})
	}
	if _, err := MailtoURL("it@example.com", "", Report{}); err == nil {
		t.Error("MailtoURL of an invalid report did not fail")
	}
}
