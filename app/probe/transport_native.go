//go:build !(js && wasm)

package probe

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// HTTPTransport posts with net/http, outside the browser (tests, benchmarks).
type HTTPTransport struct {
	// Client is the client to use; nil means http.DefaultClient.
	Client *http.Client
}

func defaultTransport() Transport { return HTTPTransport{} }

// Post sends body as JSON and reads at most maxResponse of the answer.
func (t HTTPTransport) Post(ctx context.Context, url string, body []byte) (Answer, error) {
	req, err := http.NewRequestWithContext(ctx, ceremony.Method, url, bytes.NewReader(body))
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("Content-Type", ceremony.ContentType)
	hc := t.Client
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return Answer{}, err
	}
	return Answer{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: data}, nil
}
