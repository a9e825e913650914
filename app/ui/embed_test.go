package ui

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestParentTargets(t *testing.T) {
	allowed := []string{"https://portal.example.com", "https://intranet.example.org/", "*"}
	tests := []struct {
		name    string
		allowed []string
		parent  string
		want    []string
	}{
		{"nothing is posted when no parent is allowed", nil, "https://portal.example.com", nil},
		{"a known, allowed parent is the only target", allowed, "https://portal.example.com", []string{"https://portal.example.com"}},
		{"a known parent that is not allowed gets nothing", allowed, "https://evil.example", nil},
		{"an unknown parent gets each allowed origin, for the browser to filter", allowed, "", []string{"https://portal.example.com", "https://intranet.example.org"}},
		{"a wildcard in the configuration is never a target", []string{"*"}, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, parentTargets(tt.allowed, tt.parent)); diff != "" {
				t.Errorf("parentTargets (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEmbeddingOf(t *testing.T) {
	framed := func(get, create diag.Tri) *diag.Probe {
		return &diag.Probe{Framed: diag.Yes, CrossOriginFrame: diag.Yes, PublicKeyCredentialsGet: get, PublicKeyCredentialsCreate: create}
	}
	chrome := diag.Platform{OS: diag.OSWindows, Browser: diag.BrowserChrome}
	tests := []struct {
		name     string
		probe    *diag.Probe
		platform diag.Platform
		want     embedding
	}{
		{"a top-level page is not embedded", &diag.Probe{Framed: diag.No}, chrome, notEmbedded},
		{"a frame of the page's own origin needs nothing", &diag.Probe{Framed: diag.Yes, CrossOriginFrame: diag.No}, chrome, notEmbedded},
		{"a cross-origin frame with both features allowed is delegated", framed(diag.Yes, diag.Yes), chrome, delegated},
		{"a cross-origin frame without create is not delegated", framed(diag.Yes, diag.No), chrome, notDelegated},
		{"a cross-origin frame without get is not delegated", framed(diag.No, diag.Yes), chrome, notDelegated},
		{"Safari in a cross-origin frame takes the new-window flow", framed(diag.Unknown, diag.Unknown), diag.Platform{OS: diag.OSMacOS, Browser: diag.BrowserSafari}, webKitFrame},
		{"any browser on an iPhone is WebKit", framed(diag.Unknown, diag.Unknown), diag.Platform{OS: diag.OSIOS, Browser: diag.BrowserChrome}, webKitFrame},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := embeddingOf(tt.probe, tt.platform); got != tt.want {
				t.Errorf("embeddingOf = %s, want %s", embeddingNames[got], embeddingNames[tt.want])
			}
		})
	}
}

func TestAllowAttributeNamesThePageOrigin(t *testing.T) {
	want := `allow="publickey-credentials-get https://doctor.example.com; publickey-credentials-create https://doctor.example.com"`
	if got := allowAttribute("https://doctor.example.com"); got != want {
		t.Errorf("allowAttribute = %s, want %s", got, want)
	}
}

// TestMessagesKeepTheirSchema pins the JSON a portal parses.
func TestMessagesKeepTheirSchema(t *testing.T) {
	b, _ := json.Marshal(resizeMessage{Type: MessageResize, Height: 812})
	if got, want := string(b), `{"type":"passkey-doctor.resize","height":812}`; got != want {
		t.Errorf("resize message = %s, want %s", got, want)
	}
	b, _ = json.Marshal(diagnosisMessage{Type: MessageDiagnosis, Version: MessageVersion, Diagnosis: diag.Diagnose(diag.Facts{})})
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"type", "version", "diagnosis"} {
		if _, ok := m[key]; !ok {
			t.Errorf("diagnosis message lacks %q: %s", key, b)
		}
	}
	if string(m["type"]) != `"passkey-doctor.diagnosis"` || string(m["version"]) != "1" {
		t.Errorf("diagnosis message type/version = %s/%s", m["type"], m["version"])
	}
}
