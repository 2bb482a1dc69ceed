package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/go-resty/resty/v2"
)

// HTTPConfig tunes the transport every dialect uses.
type HTTPConfig struct {
	BaseURL      string
	Timeout      time.Duration     // per attempt (default 15 s)
	Retries      int               // extra attempts for idempotent requests (default 3; -1 none)
	RetryWait    time.Duration     // first backoff step (default 250 ms)
	MaxRetryWait time.Duration     // a longer Retry-After is not waited for but returned (default 10 s)
	DebugLog     io.Writer         // nil: no debug log
	UserAgent    string            // default "actas"
	Transport    http.RoundTripper // default http.DefaultTransport (tests wrap it)
}

func (c *HTTPConfig) defaults() {
	if c.Timeout == 0 {
		c.Timeout = 15 * time.Second
	}
	if c.Retries == 0 {
		c.Retries = 3
	}
	if c.Retries < 0 {
		c.Retries = 0
	}
	if c.RetryWait == 0 {
		c.RetryWait = 250 * time.Millisecond
	}
	if c.MaxRetryWait == 0 {
		c.MaxRetryWait = 10 * time.Second
	}
	if c.UserAgent == "" {
		c.UserAgent = "actas"
	}
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
}

// NewHTTP builds the resty client: retries with backoff only for GET, HEAD and OPTIONS on
// 429, 502, 503 and 504, honouring Retry-After; never for writes. Resty's own debug mode
// (which dumps bodies, passwords included) is never turned on; the debug log is a
// RoundTripper that writes one redacted line per attempt.
func NewHTTP(cfg HTTPConfig) *resty.Client {
	cfg.defaults()
	rt := cfg.Transport
	if cfg.DebugLog != nil {
		rt = &debugTransport{base: rt, out: newLockedWriter(cfg.DebugLog)}
	}
	// Redirects are not followed: Go would carry custom headers (the session value, the
	// impersonation target) to whatever host a redirect names. A 3xx is returned as it is.
	noRedirect := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	r := resty.NewWithClient(&http.Client{Transport: rt, Timeout: cfg.Timeout, CheckRedirect: noRedirect})
	r.SetBaseURL(cfg.BaseURL).
		SetHeader("User-Agent", cfg.UserAgent).
		SetHeader("Accept", "application/json").
		SetRetryCount(cfg.Retries).
		SetRetryWaitTime(cfg.RetryWait).
		SetRetryMaxWaitTime(cfg.MaxRetryWait).
		SetRetryAfter(func(_ *resty.Client, resp *resty.Response) (time.Duration, error) {
			return RetryAfter(resp.Header()), nil
		}).
		AddRetryCondition(func(resp *resty.Response, err error) bool {
			return shouldRetry(resp, err, cfg.MaxRetryWait)
		})
	r.SetLogger(discardLogger{}) // resty logs retries and errors with URLs; keep the terminal clean
	r.OnBeforeRequest(runAttemptHook)
	return r
}

func shouldRetry(resp *resty.Response, err error, maxWait time.Duration) bool {
	if err != nil || resp == nil || resp.Request == nil {
		return false
	}
	switch resp.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
	default:
		return false
	}
	switch resp.StatusCode() {
	case 429, 502, 503, 504:
		return RetryAfter(resp.Header()) <= maxWait
	}
	return false
}

// attemptHookKey carries a request's attempt hook in its context.
type attemptHookKey struct{}

// WithAttemptHook makes every sending of a request made with ctx (the first and each
// retry) call hook just before it goes out; an error from hook stops the request there,
// unsent, and is what the request returns.
func WithAttemptHook(ctx context.Context, hook func(attempt int) error) context.Context {
	return context.WithValue(ctx, attemptHookKey{}, hook)
}

func runAttemptHook(_ *resty.Client, r *resty.Request) error {
	if hook, ok := r.Context().Value(attemptHookKey{}).(func(int) error); ok {
		return hook(r.Attempt)
	}
	return nil
}

// RetryAfter reads a Retry-After header given in seconds or as an HTTP date; 0 if absent.
func RetryAfter(h http.Header) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}

// TransportError classifies a failure that produced no HTTP answer.
func TransportError(err error) error {
	var netErr net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return errors.Join(ErrTimeout, err)
	}
	return errors.Join(ErrNetwork, err)
}

type discardLogger struct{}

func (discardLogger) Errorf(string, ...any) {}
func (discardLogger) Warnf(string, ...any)  {}
func (discardLogger) Debugf(string, ...any) {}

// Send runs a request and decodes a JSON answer into out (nil: ignore the body); an
// error status is read by the dialect's decodeError.
func Send(r *resty.Request, method, path string, out any, decodeError func(*resty.Response) error) (*resty.Response, error) {
	resp, err := r.Execute(method, path)
	if err != nil {
		return resp, TransportError(err)
	}
	if resp.StatusCode() >= 400 {
		return resp, decodeError(resp)
	}
	if out != nil && resp.StatusCode() != http.StatusNoContent {
		if err := json.Unmarshal(resp.Body(), out); err != nil {
			return resp, fmt.Errorf("%w: %s %s: %v", ErrMalformed, method, path, err)
		}
	}
	return resp, nil
}

// Shown is what the console may show of an answer to a request made as the subject:
// credential headers and the dialect's secret fields removed.
func Shown(resp *resty.Response, took time.Duration, secretFields []string) Response {
	out := Response{Duration: took}
	if resp != nil && resp.RawResponse != nil {
		out.Status = resp.StatusCode()
		out.Header = WithoutCredentials(resp.Header())
		out.Body = ScrubFields(resp.Body(), secretFields)
	}
	return out
}
