package report

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestQRSVGRendersUnderAStrictCSP(t *testing.T) {
	code, err := Encode(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := QRSVG(AgentURL("https://passkeys.example.com", code), `QR code "of" the report`)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("the SVG is not well-formed XML: %v", err)
	}
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg" class="qr"`, `role="img"`, `aria-label="QR code &#34;of&#34; the report"`, `class="qr-fg"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
	if strings.Contains(svg, "style") {
		t.Errorf("SVG has a style, which a strict CSP blocks")
	}
	if _, err := QRSVG(strings.Repeat("x", 3000), ""); err == nil {
		t.Error("QRSVG of 3,000 bytes did not fail")
	}
}

func TestQRVersionGrowsWithTheText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int // modules on a side
	}{
		{"a short text is version 1", "PD1", 21},
		{"a typical agent link is version 11 or less", AgentURL("https://passkeys.example.com", strings.Repeat("A", 200)), 61},
		{"the longest text at level M", strings.Repeat("x", 2331), 177},
		{"a longer text falls back to level L", strings.Repeat("x", 2900), 177},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := qrEncode(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if c.Size > tt.want {
				t.Errorf("size %d, want at most %d", c.Size, tt.want)
			}
		})
	}
}

// TestQRCodeScans decodes the QR code with zbarimg where it is installed
// (Debian's zbar-tools), to prove the symbol is readable, not just drawn.
func TestQRCodeScans(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed (apt-get install zbar-tools)")
	}
	for _, file := range factsFiles(t)[:3] {
		code, err := Encode(New(when, "INC0012345", "en", readFacts(t, file), nil))
		if err != nil {
			t.Fatal(err)
		}
		text := AgentURL("https://passkeys.example.com", code)
		c, err := qrEncode(text)
		if err != nil {
			t.Fatal(err)
		}
		const scale = 4
		n := (c.Size + 2*quiet) * scale
		img := image.NewGray(image.Rect(0, 0, n, n))
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				img.SetGray(x, y, color.Gray{255})
				if c.Black(x/scale-quiet, y/scale-quiet) {
					img.SetGray(x, y, color.Gray{0})
				}
			}
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		path := filepath.Join(t.TempDir(), "qr.png")
		os.WriteFile(path, buf.Bytes(), 0o644)
		out, err := exec.Command(zbar, "--quiet", "--raw", path).Output()
		if err != nil {
			t.Fatalf("zbarimg %s: %v", factsName(file), err)
		}
		if got := strings.TrimSpace(string(out)); got != text {
			t.Errorf("zbarimg read %q, want %q", got, text)
		}
	}
}
