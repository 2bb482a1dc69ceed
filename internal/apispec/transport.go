package apispec

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Transport wraps base (nil = http.DefaultTransport) so that every /v1/
// response is validated, reporting failures with t.Errorf. The body is
// buffered and handed back unread.
func (v *Validator) Transport(t testing.TB, base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{v: v, t: t, base: base}
}

type transport struct {
	v    *Validator
	t    testing.TB
	base http.RoundTripper
}

func (tr *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := tr.base.RoundTrip(req)
	// 101 hands over the connection (realtime websocket): nothing to buffer.
	if err != nil || resp.StatusCode == http.StatusSwitchingProtocols || !strings.HasPrefix(req.URL.Path, "/v1/") {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		// Cancelled or dropped mid-body: nothing complete to validate, so
		// replay what arrived and let the caller see the same error.
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{err}))
		return resp, nil
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err := tr.v.ValidateResponse(req, resp.StatusCode, resp.Header, body); err != nil {
		tr.t.Errorf("apispec: %s %s -> %d: %v\nbody: %s", req.Method, req.URL.Path, resp.StatusCode, err, head(body))
	}
	return resp, nil
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach base.
func (tr *transport) CloseIdleConnections() {
	if c, ok := tr.base.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// head is the start of body for failure messages.
func head(body []byte) string {
	const max = 300
	if len(body) > max {
		return string(body[:max]) + "..."
	}
	return string(body)
}
