package diag

import "testing"

func TestPersonReportedOSVersion(t *testing.T) {
	const frozenIOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1"
	const win11 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
	tests := []struct {
		name   string
		ua     string
		hints  *UAData
		answer string
		want   string // "" for unknown
	}{
		{"an answer fills a version the frozen iOS token hides", frozenIOS, nil, "26.1", "26.1"},
		{"an answer below what the browser proves is ignored", frozenIOS, nil, "15.2", ""},
		{"an answer that is not a version is ignored", frozenIOS, nil, "the latest", ""},
		{"Windows 11 from the person when no client hints say", win11, nil, "11", "11"},
		{"a Windows version that does not exist is ignored", win11, nil, "9", ""},
		{"client hints win over the answer", win11, &UAData{Platform: "Windows", PlatformVersion: "10.0.0"}, "11", "10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Identify(Facts{UA: tt.ua, UAData: tt.hints, Answers: Answers{OSVersion: tt.answer}})
			got := ""
			if p.OSVersion != nil {
				got = *p.OSVersion
			}
			if got != tt.want {
				t.Errorf("osVersion = %q, want %q", got, tt.want)
			}
		})
	}
}
