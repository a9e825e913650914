//go:build js && wasm

package probe

import (
	"context"
	"errors"
	"syscall/js"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// fetchTransport posts with the browser's fetch, on the page's own origin,
// without cookies or a referrer.
type fetchTransport struct{}

func defaultTransport() Transport { return fetchTransport{} }

// Post sends body as JSON; a network failure or an abort through ctx is an
// error, any HTTP answer is an Answer.
func (fetchTransport) Post(ctx context.Context, url string, body []byte) (Answer, error) {
	ctrl := js.Global().Get("AbortController").New()
	stop := context.AfterFunc(ctx, func() { ctrl.Call("abort") })
	defer stop()

	headers := js.Global().Get("Object").New()
	headers.Set("Content-Type", ceremony.ContentType)
	init := js.Global().Get("Object").New()
	init.Set("method", ceremony.Method)
	init.Set("headers", headers)
	init.Set("body", string(body))
	init.Set("credentials", "omit")
	init.Set("cache", "no-store")
	init.Set("signal", ctrl.Get("signal"))

	resp, err := Await(context.Background(), js.Global().Call("fetch", url, init))
	if err != nil {
		return Answer{}, err
	}
	buf, err := Await(context.Background(), resp.Call("arrayBuffer"))
	if err != nil {
		return Answer{}, err
	}
	data := bufferBytes(buf)
	if len(data) > maxResponse {
		return Answer{}, errors.New("answer too large")
	}
	ct := resp.Get("headers").Call("get", "Content-Type")
	a := Answer{Status: resp.Get("status").Int(), Body: data}
	if ct.Type() == js.TypeString {
		a.ContentType = ct.String()
	}
	return a, nil
}
