package ui

import "testing"

func TestPickLang(t *testing.T) {
	all := []string{"en", "de", "fr", "es"}
	tests := []struct {
		name    string
		query   string
		browser []string
		offered []string
		want    string
	}{
		{"?lang= wins over the browser", "fr", []string{"de-DE"}, all, "fr"},
		{"the browser's first offered language is used", "", []string{"it-IT", "es-ES", "de"}, all, "es"},
		{"a regional tag matches its language", "", []string{"de_CH"}, all, "de"},
		{"an unsupported ?lang= falls back to the browser", "it", []string{"de"}, all, "de"},
		{"a language the deployment does not offer is skipped", "fr", []string{"fr-FR"}, []string{"de", "en"}, "de"},
		{"nothing matching gives the deployment's first language", "", []string{"ja"}, []string{"es", "en"}, "es"},
		{"no configured languages means all of them", "", []string{"fr"}, nil, "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pickLang(tt.query, tt.browser, tt.offered); got != tt.want {
				t.Errorf("pickLang(%q, %v, %v) = %q, want %q", tt.query, tt.browser, tt.offered, got, tt.want)
			}
		})
	}
}
