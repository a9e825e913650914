package report

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"rsc.io/qr/coding"
)

// AgentURL is the link that opens a report in the agent view: origin (such
// as "https://passkeys.example.com") + "/agent#code=" + code. The code rides
// in the fragment, which browsers never send to a server.
func AgentURL(origin, code string) string {
	return strings.TrimRight(origin, "/") + "/agent#code=" + code
}

// quiet is the blank margin around a QR code, in modules, that scanners
// need. Source: ISO/IEC 18004:2015 section 9.1 (quiet zone of 4X).
const quiet = 4

// QRSVG draws text (a report code or an AgentURL) as a QR code in SVG, for
// carrying a report from a phone to a desk. The SVG has class attributes and
// SVG presentation attributes only (no style attribute, so it renders under
// a strict Content-Security-Policy) and is labelled for screen readers with
// label. Error correction is level M where the text fits, L otherwise.
//
// The QR encoder is rsc.io/qr/coding: pure Go, stdlib only, and about 15 KB
// of the gzipped page (github.com/skip2/go-qrcode would add about 120 KB,
// because it brings image/png).
func QRSVG(text, label string) (string, error) {
	c, err := qrEncode(text)
	if err != nil {
		return "", fmt.Errorf("draw QR code: %w", err)
	}
	n := c.Size + 2*quiet
	var b strings.Builder
	b.Grow(c.Size * c.Size * 4)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`, n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect class="qr-bg" width="%d" height="%d" fill="#fff"/>`, n, n)
	b.WriteString(`<path class="qr-fg" fill="#000" d="`)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			if !c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < c.Size && c.Black(x+run, y) {
				run++
			}
			b.WriteString("M" + strconv.Itoa(x+quiet) + " " + strconv.Itoa(y+quiet) + "h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String(), nil
}

// qrEncode picks the smallest version that holds text at level M (or L)
// and the mask with the lowest penalty, as a QR writer should.
func qrEncode(text string) (*coding.Code, error) {
	var data coding.Encoding = coding.String(text)
	if coding.Alpha(text).Check() == nil {
		data = coding.Alpha(text)
	}
	for _, level := range []coding.Level{coding.M, coding.L} {
		for v := coding.Version(coding.MinVersion); v <= coding.MaxVersion; v++ {
			if data.Bits(v) > v.DataBytes(level)*8 {
				continue
			}
			var best *coding.Code
			bestScore := -1
			for m := coding.Mask(0); m < 8; m++ {
				p, err := coding.NewPlan(v, level, m)
				if err != nil {
					return nil, err
				}
				c, err := p.Encode(data)
				if err != nil {
					return nil, err
				}
				if s := penalty(c); bestScore < 0 || s < bestScore {
					best, bestScore = c, s
				}
			}
			return best, nil
		}
	}
	return nil, errors.New("text too long for a QR code")
}

// penalty scores how hard a masked symbol is to read: long runs of one
// colour, 2×2 blocks and an imbalance of dark and light modules.
// Source: ISO/IEC 18004:2015 section 7.8.3.1 (penalty rules N1, N2, N4).
func penalty(c *coding.Code) int {
	score, dark := 0, 0
	for i := 0; i < c.Size; i++ {
		rowRun, colRun := 1, 1
		for j := 0; j < c.Size; j++ {
			if c.Black(j, i) {
				dark++
			}
			if j == 0 {
				continue
			}
			if c.Black(j, i) == c.Black(j-1, i) {
				rowRun++
				if rowRun == 5 {
					score += 3
				} else if rowRun > 5 {
					score++
				}
			} else {
				rowRun = 1
			}
			if c.Black(i, j) == c.Black(i, j-1) {
				colRun++
				if colRun == 5 {
					score += 3
				} else if colRun > 5 {
					score++
				}
			} else {
				colRun = 1
			}
			if i > 0 {
				k := c.Black(j, i)
				if k == c.Black(j-1, i) && k == c.Black(j, i-1) && k == c.Black(j-1, i-1) {
					score += 3
				}
			}
		}
	}
	total := c.Size * c.Size
	dev := dark*20 - total*10 // (dark/total - 1/2) * 20, scaled by total
	if dev < 0 {
		dev = -dev
	}
	score += dev / total * 10
	return score
}
