package report

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Prefix starts every format-1 report code.
const Prefix = "PD1-"

// Size caps, in bytes. A real report is 1 to 3 KB of JSON and a code of 600
// to 1,500 characters; the caps leave room for long error messages and
// refuse anything that could only be an attack.
const (
	// MaxJSON caps a report's JSON: Encode refuses more, and Decode stops
	// inflating past it, so a small code cannot expand into a large one
	// (a decompression bomb).
	MaxJSON = 24 << 10
	// MaxCodeLen caps a code's length, whitespace removed.
	MaxCodeLen = 12 << 10
	// MaxInputLen caps the text Decode looks at, whitespace included.
	MaxInputLen = 4 * MaxCodeLen
)

// enc is base64url without padding: no +, / or =, so a code survives URLs,
// e-mail and double-click selection.
var enc = base64.RawURLEncoding

// Encode writes r as a report code: Prefix + base64url(zlib(JSON)). It
// refuses a report Validate refuses or one over the size caps.
func Encode(r Report) (string, error) {
	if err := r.Validate(); err != nil {
		return "", fmt.Errorf("encode report: %w", err)
	}
	r.Created = minute(r.Created)
	js, err := json.Marshal(r)
	if err != nil {
		return "", fmt.Errorf("encode report: %w", err)
	}
	if len(js) > MaxJSON {
		return "", fmt.Errorf("encode report: %w: %d bytes of JSON, at most %d", ErrTooLarge, len(js), MaxJSON)
	}
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevelDict(&buf, zlib.BestCompression, []byte(dictionary))
	if err != nil {
		return "", fmt.Errorf("encode report: %w", err)
	}
	if _, err := zw.Write(js); err != nil {
		return "", fmt.Errorf("encode report: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("encode report: compress: %w", err)
	}
	code := Prefix + enc.EncodeToString(buf.Bytes())
	if len(code) > MaxCodeLen {
		return "", fmt.Errorf("encode report: %w: a code of %d characters, at most %d", ErrTooLarge, len(code), MaxCodeLen)
	}
	return code, nil
}

// Decode reads a report code. It tolerates what copying does to a code:
// whitespace and line breaks anywhere, a lower-case prefix, and a whole
// agent link (…/agent#code=PD1-…). Everything else is strict: the JSON must
// have no unknown fields and no trailing data, and the report must pass
// Validate. Errors wrap ErrNotReport, ErrVersion, ErrTooLarge, ErrDamaged
// or ErrInvalid.
func Decode(code string) (Report, error) {
	if len(code) > MaxInputLen {
		return Report{}, fmt.Errorf("decode report: %w: %d characters, at most %d", ErrTooLarge, len(code), MaxInputLen)
	}
	code = Normalize(code)
	if code == "" {
		return Report{}, fmt.Errorf("decode report: %w: the code is empty", ErrNotReport)
	}
	if len(code) > MaxCodeLen {
		return Report{}, fmt.Errorf("decode report: %w: a code of %d characters, at most %d", ErrTooLarge, len(code), MaxCodeLen)
	}
	body, ok := strings.CutPrefix(code, Prefix)
	if !ok {
		if v, found := otherVersion(code); found {
			return Report{}, fmt.Errorf("decode report: %w: %s codes need a newer Passkey Doctor", ErrVersion, v)
		}
		return Report{}, fmt.Errorf("decode report: %w: a code starts with %s", ErrNotReport, Prefix)
	}
	raw, err := enc.DecodeString(body)
	if err != nil {
		return Report{}, fmt.Errorf("decode report: %w: %v", ErrDamaged, err)
	}
	js, err := inflate(raw)
	if err != nil {
		return Report{}, fmt.Errorf("decode report: %w", err)
	}
	r, err := ParseJSON(js)
	if err != nil {
		return Report{}, fmt.Errorf("decode report: %w", err)
	}
	return r, nil
}

// Normalize is code as Decode reads it: whitespace removed, the part after
// "code=" of a pasted link, the prefix in upper case.
func Normalize(code string) string {
	code = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, code)
	if i := strings.LastIndex(code, "code="); i >= 0 {
		code = code[i+len("code="):]
		if j := strings.IndexAny(code, "&#"); j >= 0 {
			code = code[:j]
		}
	}
	if len(code) >= len(Prefix) && strings.EqualFold(code[:len(Prefix)], Prefix) {
		code = Prefix + code[len(Prefix):]
	}
	return code
}

// otherVersion recognises "PD<n>-" for a format this build does not read.
func otherVersion(code string) (string, bool) {
	if len(code) < 4 || !strings.EqualFold(code[:2], "PD") {
		return "", false
	}
	i := 2
	for i < len(code) && i < 6 && code[i] >= '0' && code[i] <= '9' {
		i++
	}
	if i == 2 || i >= len(code) || code[i] != '-' {
		return "", false
	}
	return strings.ToUpper(code[:i]), true
}

// inflate undoes the zlib stream, reading at most MaxJSON+1 bytes so that
// a bomb stops at the cap; the checksum is verified at the end.
func inflate(raw []byte) ([]byte, error) {
	// Every PD1 code names the dictionary (FDICT, RFC 1950 section 2.2);
	// zlib would read a stream without one as well.
	if len(raw) < 2 || raw[1]&0x20 == 0 {
		return nil, fmt.Errorf("%w: not a PD1 stream", ErrDamaged)
	}
	zr, err := zlib.NewReaderDict(bytes.NewReader(raw), []byte(dictionary))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer zr.Close()
	js, err := io.ReadAll(io.LimitReader(zr, MaxJSON+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if len(js) > MaxJSON {
		return nil, fmt.Errorf("%w: inflates past %d bytes", ErrTooLarge, MaxJSON)
	}
	// A stream may be valid yet carry data after its end; refuse that too.
	if n, _ := io.Copy(io.Discard, io.LimitReader(zr, 1)); n > 0 {
		return nil, fmt.Errorf("%w: inflates past %d bytes", ErrTooLarge, MaxJSON)
	}
	return js, nil
}

// ParseJSON reads a report from its JSON, as the .json download and the
// server's submit endpoint carry it, as strictly as Decode: no unknown
// fields, no trailing data, at most MaxJSON bytes, and Validate must pass.
func ParseJSON(js []byte) (Report, error) {
	if len(js) > MaxJSON {
		return Report{}, fmt.Errorf("%w: %d bytes of JSON, at most %d", ErrTooLarge, len(js), MaxJSON)
	}
	js = bytes.TrimSpace(js)
	if len(js) == 0 || js[0] != '{' {
		return Report{}, fmt.Errorf("%w: want a JSON object", ErrInvalid)
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return Report{}, fmt.Errorf("%w: %v", ErrInvalid, describe(err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Report{}, fmt.Errorf("%w: unexpected data after the JSON object", ErrInvalid)
	}
	if err := r.Validate(); err != nil {
		return Report{}, err
	}
	// As New does, so a decoded report encodes to the same code.
	r.Created = minute(r.Created)
	r.Facts = canonical(r.Facts)
	if len(r.Tried) == 0 {
		r.Tried = nil
	}
	return r, nil
}

// describe names the field encoding/json failed on.
func describe(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Sprintf("field %s: want %s, got JSON %s", te.Field, te.Type, te.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "truncated JSON"
	}
	return err.Error()
}
