package ui

import (
	"html"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestFirstVerdict(t *testing.T) {
	cfg := Config{Languages: []string{"en", "de", "fr", "es"}, Policy: diag.Policy{IdentityProvider: "entra"}}
	win11 := diag.Facts{
		UA:     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
		UAData: &diag.UAData{Platform: "Windows", PlatformVersion: "15.0.0", Brands: []diag.Brand{{Brand: "Google Chrome", Version: "131"}}},
	}
	tests := []struct {
		name   string
		query  string
		accept []string
		facts  diag.Facts
		want   []string
	}{
		{"Windows 11 with client hints can use passkeys", "", []string{"en-US"}, win11,
			[]string{`id="verdict"`, `data-verdict="yes"`, `data-source="request"`, `lang="en"`, "This device can use passkeys.", "Windows 11", "Chrome 131"}},
		{"the browser's language is used, and the section says so", "", []string{"de-DE", "en"}, win11,
			[]string{`lang="de"`, "Dieses Gerät kann Passkeys verwenden.", "Windows 11"}},
		{"?lang= wins over the browser's language", "fr", []string{"de-DE"}, win11,
			[]string{`lang="fr"`, "Cet appareil peut utiliser des clés d'accès."}},
		{"an in-app browser cannot", "", nil, diag.Facts{UA: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/450.0.0.40.105;FBBV/123]"},
			[]string{`data-verdict="no"`, "Facebook"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := html.UnescapeString(FirstVerdict(cfg, tt.query, tt.accept, tt.facts))
			for _, want := range tt.want {
				if !strings.Contains(page, want) {
					t.Errorf("first verdict lacks %q:\n%s", want, page)
				}
			}
		})
	}
}
