package probe

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// ErrUnreachable means the ceremony API did not answer: offline, a static
// host with no server, or a network failure.
var ErrUnreachable = errors.New("the server could not be reached")

// maxResponse caps what the page reads of an API answer.
const maxResponse = 64 << 10

// Client calls the server's ceremony API.
type Client struct {
	// Base is the server's origin, e.g. "https://doctor.example.com".
	Base string
	// Transport sends the requests; nil means the browser's fetch in the
	// page and net/http elsewhere.
	Transport Transport
}

// Transport posts one JSON body and returns the answer. The page's own
// (transport_js.go) calls fetch directly: net/http would bring its TLS and
// X.509 code, about a sixth of the page's size, to do the same.
type Transport interface {
	Post(ctx context.Context, url string, body []byte) (Answer, error)
}

// Answer is what came back: its status, media type and (capped) body.
type Answer struct {
	Status      int
	ContentType string
	Body        []byte
}

// RegisterBegin starts a test registration.
func (c Client) RegisterBegin(ctx context.Context, req ceremony.RegisterBeginRequest) (ceremony.RegisterBeginResponse, error) {
	var resp ceremony.RegisterBeginResponse
	return resp, c.post(ctx, ceremony.PathRegisterBegin, req, &resp)
}

// RegisterFinish verifies a test registration.
func (c Client) RegisterFinish(ctx context.Context, req ceremony.RegisterFinishRequest) (ceremony.FinishResponse, error) {
	var resp ceremony.FinishResponse
	return resp, c.post(ctx, ceremony.PathRegisterFinish, req, &resp)
}

// LoginBegin starts a test sign-in.
func (c Client) LoginBegin(ctx context.Context, req ceremony.LoginBeginRequest) (ceremony.LoginBeginResponse, error) {
	var resp ceremony.LoginBeginResponse
	return resp, c.post(ctx, ceremony.PathLoginBegin, req, &resp)
}

// LoginFinish verifies a test sign-in.
func (c Client) LoginFinish(ctx context.Context, req ceremony.LoginFinishRequest) (ceremony.FinishResponse, error) {
	var resp ceremony.FinishResponse
	return resp, c.post(ctx, ceremony.PathLoginFinish, req, &resp)
}

// post sends one JSON request. A refusal comes back as *ceremony.Error with
// the server's code; no answer at all as ErrUnreachable.
func (c Client) post(ctx context.Context, path string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	t := c.Transport
	if t == nil {
		t = defaultTransport()
	}
	resp, err := t.Post(ctx, c.Base+path, body)
	if err != nil {
		return fmt.Errorf("%s: %w: %v", path, ErrUnreachable, err)
	}
	data := resp.Body
	if resp.Status != 200 {
		var apiErr ceremony.Error
		if json.Unmarshal(data, &apiErr) != nil || apiErr.Code == "" {
			return fmt.Errorf("%s: %w: status %d", path, ErrUnreachable, resp.Status)
		}
		return &apiErr
	}
	// A static host may answer any path with a page: that is no API.
	if !strings.HasPrefix(resp.ContentType, ceremony.ContentType) {
		return fmt.Errorf("%s: %w: answered %q, not JSON", path, ErrUnreachable, resp.ContentType)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// SubmitReport sends a report code to the server, which forwards it to the
// helpdesk.
func (c Client) SubmitReport(ctx context.Context, code string) error {
	var resp ceremony.ReportSubmitResponse
	if err := c.post(ctx, ceremony.PathReport, ceremony.ReportSubmitRequest{Code: code}, &resp); err != nil {
		return err
	}
	if !resp.Forwarded {
		return errors.New("the server did not forward the report")
	}
	return nil
}
