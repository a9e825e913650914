package probe

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// ErrUnreachable means the ceremony API did not answer: offline, a static
// host with no server, or a network failure.
var ErrUnreachable = errors.New("the server could not be reached")

// maxResponse caps what the page reads of an API answer.
const maxResponse = 64 << 10

// Client calls the server's ceremony API. In the browser net/http runs on
// fetch, so requests stay on the page's own origin.
type Client struct {
	// Base is the server's origin, e.g. "https://doctor.example.com".
	Base string
	// HTTP is the client to use; nil means http.DefaultClient.
	HTTP *http.Client
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
	req, err := http.NewRequestWithContext(ctx, ceremony.Method, c.Base+path, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	req.Header.Set("Content-Type", ceremony.ContentType)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w: %v", path, ErrUnreachable, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return fmt.Errorf("%s: %w: %v", path, ErrUnreachable, err)
	}
	if resp.StatusCode != http.StatusOK {
		var apiErr ceremony.Error
		if json.Unmarshal(data, &apiErr) != nil || apiErr.Code == "" {
			return fmt.Errorf("%s: %w: status %d", path, ErrUnreachable, resp.StatusCode)
		}
		return &apiErr
	}
	// A static host may answer any path with a page: that is no API.
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, ceremony.ContentType) {
		return fmt.Errorf("%s: %w: answered %q, not JSON", path, ErrUnreachable, ct)
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
