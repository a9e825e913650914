package hints

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

func TestFacts(t *testing.T) {
	const win = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
	no := false
	tests := []struct {
		name   string
		header http.Header
		want   diag.Facts
	}{
		{
			"Safari sends only the User-Agent",
			http.Header{"User-Agent": {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"}},
			diag.Facts{UA: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"},
		},
		{
			"Chrome on Windows 11 with the critical platform version",
			http.Header{
				"User-Agent":                  {win},
				"Sec-Ch-Ua":                   {`"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"`},
				"Sec-Ch-Ua-Mobile":            {"?0"},
				"Sec-Ch-Ua-Platform":          {`"Windows"`},
				"Sec-Ch-Ua-Platform-Version":  {`"15.0.0"`},
				"Sec-Ch-Ua-Full-Version-List": {`"Google Chrome";v="131.0.6778.86", "Chromium";v="131.0.6778.86"`},
				"Sec-Ch-Ua-Arch":              {`"x86"`},
				"Sec-Ch-Ua-Form-Factors":      {`"Desktop"`},
			},
			diag.Facts{UA: win, UAData: &diag.UAData{
				Platform: "Windows", Mobile: &no, PlatformVersion: "15.0.0", Architecture: "x86",
				Brands:          []diag.Brand{{Brand: "Google Chrome", Version: "131"}, {Brand: "Chromium", Version: "131"}, {Brand: "Not_A Brand", Version: "24"}},
				FullVersionList: []diag.Brand{{Brand: "Google Chrome", Version: "131.0.6778.86"}, {Brand: "Chromium", Version: "131.0.6778.86"}},
				FormFactors:     []string{"Desktop"},
			}},
		},
		{
			"malformed hints are skipped, not trusted",
			http.Header{
				"User-Agent":                 {win},
				"Sec-Ch-Ua-Platform":         {`"Windows"`},
				"Sec-Ch-Ua-Platform-Version": {`15.0.0`}, // a token, not a string
				"Sec-Ch-Ua":                  {`"Chromium";v="131", (`},
			},
			diag.Facts{UA: win, UAData: &diag.UAData{Platform: "Windows"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Facts(tt.header)); diff != "" {
				t.Errorf("Facts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestServerFactsGiveTheEngineWindows11(t *testing.T) {
	f := Facts(http.Header{
		"User-Agent":                 {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"},
		"Sec-Ch-Ua":                  {`"Google Chrome";v="131", "Chromium";v="131"`},
		"Sec-Ch-Ua-Platform":         {`"Windows"`},
		"Sec-Ch-Ua-Platform-Version": {`"15.0.0"`},
	})
	p := diag.Identify(f)
	if p.OS != "windows" || p.OSVersion == nil || *p.OSVersion != "11" {
		t.Fatalf("Identify = %+v, want Windows 11", p)
	}
}
