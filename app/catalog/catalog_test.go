package catalog

import (
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestEveryIDInEveryLanguage(t *testing.T) {
	for _, lang := range Languages {
		for _, id := range IDs() {
			if s, ok := Lookup(lang, id); !ok || strings.TrimSpace(s) == "" {
				t.Errorf("id %q has no %s text", id, lang)
			}
		}
		for id := range tables[lang] {
			if _, ok := english[id]; !ok {
				t.Errorf("%s has id %q that English lacks", lang, id)
			}
		}
	}
}

func TestEveryEngineCodeHasText(t *testing.T) {
	var ids []string
	for _, c := range diag.Causes() {
		ids = append(ids, "cause."+string(c))
	}
	for _, f := range diag.Findings() {
		ids = append(ids, "finding."+string(f))
	}
	for _, s := range diag.Steps() {
		ids = append(ids, "step."+string(s))
	}
	for _, id := range ids {
		for _, lang := range Languages {
			if _, ok := Lookup(lang, id); !ok {
				t.Errorf("engine code %q has no %s text", id, lang)
			}
		}
	}
}

func TestPlaceholdersMatchEnglish(t *testing.T) {
	for _, lang := range Languages {
		for id, s := range tables[lang] {
			if got, want := placeholders(s), placeholders(english[id]); got != want {
				t.Errorf("%s %q has placeholders %q, English has %q", lang, id, got, want)
			}
		}
	}
}

func placeholders(s string) string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		out = append(out, s[i:i+j+1])
		s = s[i+j+1:]
	}
	return strings.Join(out, " ")
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		lang string
		id   string
		args map[string]string
		want string
	}{
		{"a plain id reads in English", "en", "support.yes", nil, "Yes"},
		{"a plain id reads in German", "de", "support.no", nil, "Nein"},
		{"an unknown language falls back to English", "pt", "support.yes", nil, "Yes"},
		{"an unknown id reads as itself", "en", "nope.nothing", nil, "nope.nothing"},
		{"parameter values with labels are localised", "en", "step.open-in-browser", map[string]string{"app": "teams"},
			"Open this link in your normal browser, not inside Microsoft Teams. Use the menu and choose Open in browser."},
		{"a missing link leaves no empty brackets", "en", "step.contact-it", nil,
			"Contact your IT helpdesk. Tell them the exact error text and whether another device or sign-in method works."},
		{"a missing link leaves no space before a colon", "en", "step.add-new-passkey", nil,
			"Add a fresh passkey from your security info page: Add sign-in method, then Passkey."},
		{"a missing link keeps French typography", "fr", "step.add-new-passkey", nil,
			"Ajoutez une nouvelle clé d'accès depuis votre page d'informations de sécurité : Ajouter une méthode de connexion, puis Clé d'accès."},
		{"a link fills its brackets", "es", "step.contact-it", map[string]string{"url": "https://help"},
			"Contacte con el soporte de TI (https://help). Indique el texto exacto del error y si otro dispositivo u otro método de inicio de sesión funciona."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.lang, tt.id, tt.args); got != tt.want {
				t.Errorf("Text(%q, %q) = %q, want %q", tt.lang, tt.id, got, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{"de-CH": "de", "fr_FR": "fr", "ES": "es", "": "en", "pt-BR": "en"} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEngineAndPageWordingDoNotShareIDs(t *testing.T) {
	for id := range uiEN {
		if _, ok := en[id]; ok {
			t.Errorf("id %q is in both en.go and ui_en.go", id)
		}
	}
}

func TestEveryInAppBrowserHasAName(t *testing.T) {
	for _, app := range diag.InAppNames() {
		for _, lang := range Languages {
			if _, ok := Lookup(lang, "app."+app); !ok {
				t.Errorf("the in-app browser of %q has no %s name (app.%s)", app, lang, app)
			}
		}
	}
}
