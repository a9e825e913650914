package submit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/report"
)

// Path is where the page submits reports.
const Path = ceremony.PathReport

// Limits of the endpoint.
const (
	// MaxBody caps the request: a report as JSON is at most
	// report.MaxJSON, a code at most report.MaxInputLen, plus the envelope.
	MaxBody = report.MaxInputLen + 1<<10
	// DefaultTimeout bounds one forward, connection to last byte.
	DefaultTimeout = 5 * time.Second
	// DefaultMaxInFlight caps forwards running at once, so the endpoint
	// cannot be used to flood the webhook.
	DefaultMaxInFlight = 8
)

// Options configure a Handler.
type Options struct {
	// Webhook is the http(s) URL reports are forwarded to; empty disables
	// submit (every request answers report-submit-disabled).
	Webhook string
	// Timeout bounds one forward; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxInFlight caps concurrent forwards; 0 means DefaultMaxInFlight.
	MaxInFlight int
	// Transport sends the forward; nil means http.DefaultTransport.
	Transport http.RoundTripper
	// Logger gets one line per request, never the report or the webhook URL.
	Logger *slog.Logger
}

// Handler serves POST /api/report.
type Handler struct {
	webhook string
	client  *http.Client
	slots   chan struct{}
	log     *slog.Logger
}

// New checks o and builds the handler.
func New(o Options) (*Handler, error) {
	if o.Webhook != "" {
		u, err := url.Parse(o.Webhook)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, errors.New("report webhook: want an http(s) URL")
		}
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = DefaultMaxInFlight
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{
		webhook: o.Webhook,
		client: &http.Client{
			Transport: o.Transport,
			Timeout:   o.Timeout,
			// Never follow a redirect: the report goes where the admin
			// configured, or nowhere.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		slots: make(chan struct{}, o.MaxInFlight),
		log:   o.Logger,
	}, nil
}

// Request is the body the page sends: exactly one of Code and Report. With
// Code alone it is ceremony.ReportSubmitRequest.
type Request struct {
	Code   string          `json:"code,omitempty"`
	Report json.RawMessage `json:"report,omitempty"`
}

// Payload is what the webhook receives. Text is the plain-text report in
// English, so a chat webhook that shows a "text" field (Slack, Mattermost)
// shows something readable; Code opens the report in the agent view.
type Payload struct {
	Type      string         `json:"type"` // "passkey-doctor.report"
	Version   int            `json:"version"`
	Ref       string         `json:"ref,omitempty"`
	Code      string         `json:"code"`
	Report    report.Report  `json:"report"`
	Diagnosis diag.Diagnosis `json:"diagnosis"`
	Text      string         `json:"text"`
}

// PayloadType is Payload.Type.
const PayloadType = "passkey-doctor.report"

// ServeHTTP answers one submit; every answer is JSON and never cached.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	start := time.Now()
	err := h.serve(w, r)
	e := asError(err)
	level, msg := slog.LevelInfo, "report forwarded"
	if e != nil {
		msg = "report submit failed"
		if e.status >= 500 {
			level = slog.LevelWarn
		}
	}
	attrs := []slog.Attr{slog.String("handler", "report"), slog.Duration("elapsed", time.Since(start))}
	if e != nil {
		attrs = append(attrs, slog.String("code", string(e.code)), slog.Int("status", e.status))
		if e.cause != nil {
			attrs = append(attrs, slog.String("cause", e.cause.Error()))
		}
	}
	h.log.LogAttrs(r.Context(), level, msg, attrs...)
	if e != nil {
		writeJSON(w, e.status, ceremony.Error{Code: e.code, Message: e.message})
		return
	}
	writeJSON(w, http.StatusOK, ceremony.ReportSubmitResponse{Forwarded: true})
}

func (h *Handler) serve(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return errMethodNotAllowed(errors.New(r.Method))
	}
	if h.webhook == "" {
		return errDisabled()
	}
	var req Request
	if err := decode(w, r, &req); err != nil {
		return err
	}
	rep, err := req.decode()
	if err != nil {
		return err
	}
	code, err := report.Encode(rep)
	if err != nil {
		return errInvalid(err)
	}
	select {
	case h.slots <- struct{}{}:
		defer func() { <-h.slots }()
	default:
		return errOverloaded(errors.New("forwards in flight at the cap"))
	}
	d := diag.Diagnose(rep.Facts)
	return h.forward(r.Context(), Payload{
		Type: PayloadType, Version: report.Version, Ref: rep.Ref, Code: code,
		Report: rep, Diagnosis: d, Text: report.Text(rep, d, catalog.Default),
	})
}

// decode reads the report out of a request: exactly one of code and report.
func (req Request) decode() (report.Report, error) {
	hasReport := len(req.Report) > 0 && string(req.Report) != "null"
	switch {
	case req.Code != "" && hasReport:
		return report.Report{}, errBadRequest(errors.New("both code and report"))
	case req.Code != "":
		r, err := report.Decode(req.Code)
		if err != nil {
			return report.Report{}, errInvalid(err)
		}
		return r, nil
	case hasReport:
		r, err := report.ParseJSON(req.Report)
		if err != nil {
			return report.Report{}, errInvalid(err)
		}
		return r, nil
	}
	return report.Report{}, errBadRequest(errors.New("neither code nor report"))
}

// forward POSTs the payload to the webhook once. Only the status class and
// the kind of network error are kept for the log: the webhook URL may carry
// a secret token, and the response body is the webhook's business.
func (h *Handler) forward(ctx context.Context, p Payload) error {
	body, err := json.Marshal(p)
	if err != nil {
		return errInternal(fmt.Errorf("encode payload: %w", err))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.webhook, bytes.NewReader(body))
	if err != nil {
		return errInternal(errors.New("build webhook request"))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "passkey-doctor")
	resp, err := h.client.Do(req)
	if err != nil {
		return errForwardFailed(networkCause(err))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
	resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return errForwardFailed(fmt.Errorf("webhook answered %d", resp.StatusCode))
	}
	return nil
}

// networkCause names what went wrong without the URL that *url.Error
// quotes.
func networkCause(err error) error {
	var ue *url.Error
	switch {
	case errors.As(err, &ue) && ue.Timeout():
		return errors.New("webhook timed out")
	case errors.Is(err, context.Canceled):
		return errors.New("the client went away")
	case errors.As(err, &ue):
		return fmt.Errorf("webhook unreachable: %v", ue.Err)
	}
	return errors.New("webhook unreachable")
}

// decode reads the JSON body strictly, as the ceremony API does: JSON
// content type, at most MaxBody bytes, no unknown fields, no trailing data.
func decode(w http.ResponseWriter, r *http.Request, dst any) error {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		return errUnsupportedMediaType(fmt.Errorf("content type %q", r.Header.Get("Content-Type")))
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return errUnsupportedMediaType(fmt.Errorf("charset %q", cs))
	}
	if r.ContentLength > MaxBody {
		return errBodyTooLarge(fmt.Errorf("content length %d over %d", r.ContentLength, MaxBody))
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
	dec.DisallowUnknownFields()
	err = dec.Decode(dst)
	if err == nil {
		if _, err = dec.Token(); errors.Is(err, io.EOF) {
			return nil
		} else if err == nil {
			err = errors.New("trailing data after the JSON value")
		}
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errBodyTooLarge(fmt.Errorf("decode body: over %d bytes", tooLarge.Limit))
	}
	return errBadRequest(fmt.Errorf("decode body: %w", err))
}

// writeJSON writes v as the JSON response body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, _ := json.Marshal(v) // the package's own types: cannot fail
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
