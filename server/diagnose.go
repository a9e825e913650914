package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// maxLine caps one Facts line; a captured facts document is a few KB.
const maxLine = 1 << 20

// runDiagnose is the diagnose subcommand: one Facts JSON object per line on
// stdin, one Diagnosis per line on stdout, in the same order.
//
// A malformed line is reported on stderr as "line N: problem", and its
// output line is {"line":N,"error":"problem"} instead of a diagnosis, so
// every non-blank input line gets exactly one output line, in order, and a
// consumer pairing them never falls out of step. The remaining lines are
// still diagnosed, and the command returns an error at the end naming how
// many lines failed, so the exit status is non-zero. Blank lines are
// ignored. --format text writes a readable summary for a helpdesk agent
// instead of JSON; --lang picks its language.
func runDiagnose(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("diagnose", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json (JSON Lines) or text (summary for a helpdesk agent)")
	lang := fs.String("lang", catalog.Default, "language of --format text: "+strings.Join(catalog.Languages, ", "))
	code := fs.String("report", "", "diagnose the helpdesk report with this code (PD1-…; - reads the code from stdin)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: passkey-doctor diagnose [--format json|text] [--lang en] < facts.jsonl")
		fmt.Fprintln(stderr, "       passkey-doctor diagnose --report CODE [--format json|text] [--lang en]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("diagnose: unexpected argument %q", fs.Arg(0))
	}
	if *format != "json" && *format != "text" {
		return fmt.Errorf("diagnose: --format %q: want json or text", *format)
	}
	if !catalog.Supported(*lang) {
		return fmt.Errorf("diagnose: --lang %q: want one of %s", *lang, strings.Join(catalog.Languages, ", "))
	}

	if *code != "" {
		return diagnoseReport(*code, *format, *lang, stdin, stdout)
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	in := bufio.NewReader(stdin)
	bad, n := 0, 0
	for {
		line, err := readLine(in)
		if err == io.EOF {
			break
		}
		n++
		if err != nil && !errors.Is(err, errLineTooLong) {
			return fmt.Errorf("diagnose: read line %d: %w", n, err)
		}
		if err == nil && strings.TrimSpace(string(line)) == "" {
			continue
		}
		var facts diag.Facts
		if err == nil {
			facts, err = diag.Parse(line)
		}
		if err != nil {
			bad++
			fmt.Fprintf(stderr, "diagnose: line %d: %v\n", n, err)
			writeFailure(out, *format, n, err)
		} else if err := writeDiagnosis(out, *format, *lang, n, diag.Diagnose(facts)); err != nil {
			return fmt.Errorf("diagnose: line %d: %w", n, err)
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("diagnose: write: %w", err)
		}
	}
	if bad > 0 {
		return fmt.Errorf("diagnose: %d of %d lines were malformed (see above)", bad, n)
	}
	return nil
}

// writeDiagnosis writes d as one JSON line, or as a text summary.
func writeDiagnosis(w io.Writer, format, lang string, n int, d diag.Diagnosis) error {
	if format == "text" {
		writeText(w, lang, n, d)
		return nil
	}
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode diagnosis: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// failure is the output line of an input line that could not be diagnosed:
// it keeps output line N answering input line N.
type failure struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// writeFailure writes the failure of input line n in the output's format.
func writeFailure(w io.Writer, format string, n int, err error) {
	if format == "text" {
		fmt.Fprintf(w, "== Line %d\nNot diagnosed: %v\n\n", n, err)
		return
	}
	b, _ := json.Marshal(failure{Line: n, Error: err.Error()}) // two plain fields always marshal
	_, _ = w.Write(append(b, '\n'))
}

// diagnoseReport decodes a helpdesk report code and writes the diagnosis
// the person saw: the Diagnosis JSON (one line, as for facts on stdin) or,
// with --format text, the whole text report: environment, tests with their
// exact errors, answers, steps tried, findings and steps. A code of "-" is
// read from stdin, where line breaks from an e-mail do no harm.
func diagnoseReport(code, format, lang string, stdin io.Reader, stdout io.Writer) error {
	if code == "-" {
		b, err := io.ReadAll(io.LimitReader(stdin, report.MaxInputLen+1))
		if err != nil {
			return fmt.Errorf("diagnose: read the report code: %w", err)
		}
		code = string(b)
	}
	r, err := report.Decode(code)
	if err != nil {
		return fmt.Errorf("diagnose: --report: %w", err)
	}
	d := diag.Diagnose(r.Facts)
	if format == "text" {
		_, err = io.WriteString(stdout, report.Text(r, d, lang))
	} else {
		var b []byte
		if b, err = json.Marshal(d); err == nil {
			_, err = stdout.Write(append(b, '\n'))
		}
	}
	if err != nil {
		return fmt.Errorf("diagnose: write: %w", err)
	}
	return nil
}

// errLineTooLong is readLine's answer to a line over maxLine bytes.
var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

// readLine reads one line of any length up to maxLine, without its newline.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			// Drain the rest of the line so the next one stays aligned.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
			return nil, errLineTooLong
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
			return line, nil
		case err != nil:
			return nil, err
		}
		return line[:len(line)-1], nil
	}
}

// writeText writes a readable summary of one diagnosis.
func writeText(w io.Writer, lang string, n int, d diag.Diagnosis) {
	p := d.Platform
	t := func(id string, args map[string]string) string { return catalog.Text(lang, id, args) }
	version := func(v *string) string {
		if v == nil {
			return "(version unknown)"
		}
		return *v
	}
	fmt.Fprintf(w, "== Line %d\n", n)
	fmt.Fprintf(w, "Device:  %s %s\n", t("os."+p.OS, nil), version(p.OSVersion))
	browser := p.Browser + " " + version(p.BrowserVersion)
	if p.InAppWebView {
		app := "unknown"
		if p.InAppName != nil {
			app = *p.InAppName
		}
		browser += " inside " + t("app."+app, nil)
	}
	fmt.Fprintf(w, "Browser: %s\n", browser)
	fmt.Fprintf(w, "Passkeys on this device: %s; in Microsoft Authenticator: %s; security keys: %s\n",
		t("support."+string(d.Support.PlatformPasskeys), nil),
		t("support."+string(d.Support.AuthenticatorAppPasskeys), nil),
		t("support."+string(d.Support.SecurityKeys), nil))
	for _, c := range d.Ceremonies {
		line := fmt.Sprintf("Test %s: %s", t("kind."+c.Kind, nil), t("outcome."+c.Outcome, nil))
		if c.Cause != nil {
			line += fmt.Sprintf(" — %s [%s, %s confidence]", t("cause."+string(*c.Cause), nil), *c.Cause, *c.Confidence)
		}
		fmt.Fprintln(w, line)
	}
	if len(d.Findings) > 0 {
		fmt.Fprintln(w, "Findings:")
		for _, f := range d.Findings {
			fmt.Fprintf(w, "  - %s: %s [%s]\n", t("severity."+string(f.Severity), nil), t("finding."+string(f.Code), f.Params), f.Code)
		}
	}
	if len(d.Steps) > 0 {
		fmt.Fprintln(w, "Steps:")
		for i, s := range d.Steps {
			fmt.Fprintf(w, "  %d. %s [%s]\n", i+1, t("step."+string(s.Code), s.Params), s.Code)
		}
	}
	fmt.Fprintln(w)
}
