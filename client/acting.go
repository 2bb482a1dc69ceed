package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-resty/resty/v2"
)

// Acting is what every dialect's impersonation shares: the console's hooks around each
// request made as the subject, their numbering, and the stop that cancels them all.
type Acting struct {
	before  func(Exchange) error
	observe func(Exchange)
	seq     atomic.Int64

	mu      sync.Mutex
	stopped bool
	ctx     context.Context
	cancel  context.CancelFunc
}

// NewActing starts the shared part of an impersonation with the console's hooks.
func NewActing(opts ImpersonateOptions) *Acting {
	a := &Acting{before: opts.Before, observe: opts.Observe}
	a.ctx, a.cancel = context.WithCancel(context.Background())
	return a
}

// Stop cancels every request in flight; after it every Send fails with ErrStopped.
func (a *Acting) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.stopped = true
	a.cancel()
}

// Stopped says whether Stop was called.
func (a *Acting) Stopped() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.stopped
}

// Send runs one request as the subject: do builds and executes it with the context it is
// given, which Stop cancels. Before must let every sending through first (retries
// included: each goes out only once the journal has its line); the observer hears how it
// went. sent is the URL as it goes out, for the journal (credentials redacted there).
func (a *Acting) Send(ctx context.Context, method string, sent *url.URL, do func(context.Context) (*resty.Response, error)) (*resty.Response, error) {
	a.mu.Lock()
	if a.stopped {
		a.mu.Unlock()
		return nil, ErrStopped
	}
	ctx, cancel := context.WithCancel(ctx)
	undo := context.AfterFunc(a.ctx, cancel)
	a.mu.Unlock()
	defer func() { undo(); cancel() }()

	x := Exchange{Seq: int(a.seq.Add(1)), Method: method, Path: RedactURL(sent)}
	var refused error
	ctx = WithAttemptHook(ctx, func(attempt int) error {
		x.Attempt = attempt
		if a.before == nil {
			return nil
		}
		refused = a.before(x)
		return refused
	})
	start := time.Now()
	resp, err := do(ctx)
	if refused != nil {
		if x.Attempt > 1 && a.observe != nil {
			a.observe(x) // the sendings before the refused one did go out
		}
		return nil, refused // nothing (more) was sent
	}
	x.Duration = time.Since(start)
	if resp != nil && resp.RawResponse != nil {
		x.Status = resp.StatusCode()
	}
	if a.observe != nil {
		a.observe(x)
	}
	if err != nil && errors.Is(err, context.Canceled) && a.ctx.Err() != nil {
		err = errors.Join(ErrStopped, err)
	}
	return resp, err
}

// SentURL is base+path with query, as the request goes out; a path with escapes (%20)
// is kept as it is.
func SentURL(base, path string, query url.Values) *url.URL {
	sent, err := url.Parse(base + path)
	if err != nil {
		sent = &url.URL{Path: base + path}
	}
	sent.RawQuery = query.Encode()
	return sent
}

// Prepared is a raw request checked before anything is sent: a known method, a path that
// stays under the endpoint (written from the server's root, base is taken off), the
// query in the path merged into Query.
type Prepared struct {
	Method string
	Path   string
	Query  url.Values
}

// Prepare checks req for sending as the subject; base is the endpoint's own path
// ("/v1"). Every error says nothing was sent.
func Prepare(req Request, base string) (Prepared, error) {
	method := strings.ToUpper(strings.TrimSpace(req.Method))
	if !ValidMethod(method) {
		return Prepared{}, fmt.Errorf("%q is not a method (GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE); nothing was sent", req.Method)
	}
	path, err := CleanPath(req.Path)
	if err != nil {
		return Prepared{}, fmt.Errorf("%w; nothing was sent", err)
	}
	if base != "" && strings.HasPrefix(path, base+"/") {
		path = strings.TrimPrefix(path, base)
	}
	query := req.Query
	if p, raw, ok := strings.Cut(path, "?"); ok {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return Prepared{}, fmt.Errorf("the query cannot be read: %v; nothing was sent", err)
		}
		for k, v := range req.Query {
			q[k] = append(q[k], v...)
		}
		path, query = p, q
	}
	return Prepared{Method: method, Path: path, Query: query}, nil
}
