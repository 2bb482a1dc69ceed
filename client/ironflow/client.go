// Package ironflow is the console's client for an Ironflow-style platform: a platform
// operator signs in (a 24-hour token, or a platform API key) and acts as a tenant
// organization by sending X-Ironflow-Org (and X-Ironflow-Environment) on tenant calls.
// There is no start or stop call and no "whom do I act as" call: the console verifies by
// reading a tenant-scoped resource and checking it belongs to the tenant.
package ironflow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"

	"actas/client"
)

const (
	headerOrg         = "X-Ironflow-Org"
	headerEnvironment = "X-Ironflow-Environment"
	// keyPrefix marks a platform API key typed where a password goes.
	keyPrefix       = "ifplatform_"
	tenantKeyPrefix = "ifkey_" // a tenant's own key: refused on platform routes
	// tokenLife is how long a platform token lasts when its exp claim does not say.
	tokenLife = 24 * time.Hour
)

// Config says where the platform is.
type Config struct {
	Endpoint string // e.g. https://ironflow.example.com ("/api/v1" is added when missing)
	Insecure bool   // plain http to a host that is not loopback (see client.CheckEndpoint)
	HTTP     client.HTTPConfig
}

// Client is the operator's client. It never sends a tenant header; an Impersonation
// derived from it adds them, per request.
type Client struct {
	endpoint string
	http     *resty.Client
	tenants  *tenantCache // the whole list, for a server that ignores search and paging

	mu      sync.RWMutex
	secret  string // the platform token or key
	op      *client.Operator
	expires time.Time
}

var _ client.Backend = (*Client)(nil)

// normalizeEndpoint checks an endpoint URL (plain http only to loopback unless insecure)
// and makes it end in /api/v1.
func normalizeEndpoint(raw string, insecure bool) (string, error) {
	return client.EndpointUnder(raw, "/api/v1", insecure)
}

// New makes a signed-out client.
func New(cfg Config) (*Client, error) {
	endpoint, err := normalizeEndpoint(cfg.Endpoint, cfg.Insecure)
	if err != nil {
		return nil, err
	}
	cfg.HTTP.BaseURL = endpoint
	return &Client{endpoint: endpoint, http: client.NewHTTP(cfg.HTTP), tenants: &tenantCache{}}, nil
}

// Endpoint is the normalised endpoint.
func (c *Client) Endpoint() string { return c.endpoint }

// Secret is the platform token or key ("" when signed out).
func (c *Client) Secret() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.secret
}

// SessionExpires is when the platform token lapses (zero for an API key).
func (c *Client) SessionExpires() time.Time {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.expires
}

// Operator is the verified operator, if signed in.
func (c *Client) Operator() (client.Operator, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.op == nil {
		return client.Operator{}, false
	}
	return *c.op, true
}

func (c *Client) setSession(secret string, op *client.Operator, expires time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.secret, c.op, c.expires = secret, op, expires
}

// request starts a request with the operator's credential. It never sets a tenant header.
func (c *Client) request(ctx context.Context) *resty.Request {
	r := c.http.R().SetContext(ctx)
	if s := c.Secret(); s != "" {
		r.SetAuthToken(s)
	}
	return r
}

// send runs a request and decodes a JSON answer into out (nil: ignore the body).
func send(r *resty.Request, method, path string, out any) (*resty.Response, error) {
	return client.Send(r, method, path, out, decodeError)
}

// decodeError reads both error shapes the real clients meet: {"error":…} and
// {"code","message"}; otherwise the raw body (it is sanitised where it is shown).
func decodeError(resp *resty.Response) error {
	e := &client.Error{Status: resp.StatusCode(), RetryAfter: client.RetryAfter(resp.Header())}
	var body struct {
		Error   string `json:"error"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	switch {
	case json.Unmarshal(resp.Body(), &body) == nil && (body.Error != "" || body.Message != "" || body.Code != ""):
		e.Type, e.Message = body.Code, body.Message
		if e.Message == "" {
			e.Message = body.Error
		}
	case len(strings.TrimSpace(string(resp.Body()))) > 0:
		e.Message = strings.TrimSpace(string(resp.Body()))
		if len(e.Message) > 200 {
			e.Message = e.Message[:200] + "…"
		}
	default:
		e.Message = http.StatusText(resp.StatusCode())
	}
	return e
}

// Login signs in with email and password, or with a platform API key typed as the
// password; either way the platform then says who the operator is.
func (c *Client) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	c.setSession("", nil, time.Time{})
	if strings.HasPrefix(cred.Password, tenantKeyPrefix) || strings.HasPrefix(cred.Token, tenantKeyPrefix) {
		return client.Operator{}, fmt.Errorf("%w: a tenant key (ifkey_…) acts in one tenant and cannot act as others: sign in with your password or a platform key (ifplatform_…); nothing was sent", client.ErrForbidden)
	}
	key := cred.Token
	if key == "" && strings.HasPrefix(cred.Password, keyPrefix) {
		key = cred.Password
	}
	if key != "" {
		op, err := c.Resume(ctx, key)
		if errors.Is(err, client.ErrUnauthorized) {
			err = &client.Error{Status: 401, Message: "the platform API key was refused", Kind: client.ErrBadPassword}
		}
		return op, err
	}
	body := map[string]string{"email": cred.Email, "password": cred.Password}
	var out loginAnswer
	if _, err := send(c.request(ctx).SetBody(body), http.MethodPost, "/platform/auth/login", &out); err != nil {
		return client.Operator{}, signInError(err)
	}
	if out.Token == "" {
		return client.Operator{}, fmt.Errorf("%w: sign-in answered without a token", client.ErrMalformed)
	}
	op, err := out.User.operator()
	if err != nil {
		return client.Operator{}, err
	}
	c.setSession(out.Token, &op, tokenExpiry(out.Token, time.Now()))
	return op, nil
}

// signInError reads the sign-in refusals: 401 is a wrong email or password, 403 an
// inactive account.
func signInError(err error) error {
	var e *client.Error
	if errors.As(err, &e) {
		switch e.Status {
		case 401:
			e.Kind = client.ErrBadPassword
		case 403:
			e.Kind = client.ErrBlocked
		}
	}
	return err
}

// CompleteMFA: the platform has no second factor.
func (c *Client) CompleteMFA(context.Context, string) (client.Operator, error) {
	return client.Operator{}, errors.New("this platform has no second factor")
}

// Resume checks a stored token or key with the platform: GET /platform/auth/me.
func (c *Client) Resume(ctx context.Context, secret string) (client.Operator, error) {
	if secret == "" {
		return client.Operator{}, client.ErrNotSignedIn
	}
	c.setSession(secret, nil, time.Time{})
	var out meAnswer
	if _, err := send(c.request(ctx), http.MethodGet, "/platform/auth/me", &out); err != nil {
		if errors.Is(err, client.ErrUnauthorized) {
			c.setSession("", nil, time.Time{})
		}
		return client.Operator{}, err
	}
	op, err := out.User.operator()
	if err != nil {
		return client.Operator{}, err
	}
	expires := time.Time{}
	if !strings.HasPrefix(secret, keyPrefix) {
		expires = tokenExpiry(secret, time.Now())
	}
	c.setSession(secret, &op, expires)
	return op, nil
}

// Logout forgets the token here: the platform has no call that ends one (it lapses after
// 24 hours), which Where and the README say.
func (c *Client) Logout(context.Context) error {
	c.setSession("", nil, time.Time{})
	return nil
}
