// Package appwrite is the console's client for Appwrite 1.9 user impersonation: operator
// sign-in with a session value, users.read search, logs, and an impersonating client that
// verifies the backend really acts as the target.
package appwrite

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

// ResponseFormat is the response format asked for: 1.9.0 is the first that carries the
// impersonator fields (the server strips them for older formats).
const ResponseFormat = "1.9.0"

const (
	headerProject  = "X-Appwrite-Project"
	headerFormat   = "X-Appwrite-Response-Format"
	headerSession  = "X-Appwrite-Session"
	headerFallback = "X-Fallback-Cookies"
)

// Config says where the backend is.
type Config struct {
	Endpoint string // e.g. https://appwrite.example.com/v1 ("/v1" is added when missing)
	Project  string
	// Insecure allows plain http to a host that is not loopback (see client.CheckEndpoint).
	Insecure bool
	HTTP     client.HTTPConfig
}

// Client is the operator's client. It never carries an impersonation target; an
// Impersonation derived from it adds exactly one, per request.
type Client struct {
	endpoint string
	project  string
	http     *resty.Client

	mu      sync.RWMutex
	secret  string
	op      *client.Operator
	expires time.Time // when the backend ends the session; zero when it did not say
}

var _ client.Backend = (*Client)(nil)

// NormalizeEndpoint checks an endpoint URL by client.CheckEndpoint's rule (plain http
// only to a loopback host) and makes it end in /v1. Surrounding spaces are ignored.
func NormalizeEndpoint(raw string) (string, error) {
	return normalizeEndpoint(raw, false)
}

// normalizeEndpoint checks an endpoint URL (plain http only to loopback unless insecure)
// and makes it end in /v1.
func normalizeEndpoint(raw string, insecure bool) (string, error) {
	return client.EndpointUnder(raw, "/v1", insecure)
}

// New makes a signed-out client.
func New(cfg Config) (*Client, error) {
	endpoint, err := normalizeEndpoint(cfg.Endpoint, cfg.Insecure)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(cfg.Project) == "" {
		return nil, errors.New("project id is empty")
	}
	cfg.HTTP.BaseURL = endpoint
	return &Client{endpoint: endpoint, project: cfg.Project, http: client.NewHTTP(cfg.HTTP)}, nil
}

// Endpoint is the normalised endpoint.
func (c *Client) Endpoint() string { return c.endpoint }

// Secret is the session value ("" when signed out).
func (c *Client) Secret() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.secret
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

// SessionExpires is when the backend ends the current session by itself, as its sign-in
// answer said (zero after a resume: the stored entry knows).
func (c *Client) SessionExpires() time.Time {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.expires
}

func (c *Client) setSession(secret string, op *client.Operator) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if secret != c.secret {
		c.expires = time.Time{}
	}
	c.secret, c.op = secret, op
}

// request starts a request with the project, the response format and, when signed in,
// the session. It never sets an impersonation header.
func (c *Client) request(ctx context.Context) *resty.Request {
	r := c.http.R().SetContext(ctx).
		SetHeader(headerProject, c.project).
		SetHeader(headerFormat, ResponseFormat)
	if s := c.Secret(); s != "" {
		r.SetHeader(headerSession, s)
	}
	return r
}

// send runs a request and decodes a JSON answer into out (nil: ignore the body).
func send(r *resty.Request, method, path string, out any) (*resty.Response, error) {
	return client.Send(r, method, path, out, decodeError)
}

// errorKinds are the Appwrite error types the console tells apart.
var errorKinds = map[string]error{
	"user_more_factors_required": client.ErrMFARequired,
	"user_blocked":               client.ErrBlocked,
	"user_invalid_credentials":   client.ErrBadPassword,
	"user_invalid_token":         client.ErrBadCode,
}

// decodeError reads Appwrite's error JSON; a body that is not one still gives the status.
func decodeError(resp *resty.Response) error {
	e := &client.Error{Status: resp.StatusCode(), RetryAfter: client.RetryAfter(resp.Header())}
	var body struct {
		Message string `json:"message"`
		Type    string `json:"type"`
	}
	if json.Unmarshal(resp.Body(), &body) == nil && (body.Message != "" || body.Type != "") {
		e.Message, e.Type, e.Kind = body.Message, body.Type, errorKinds[body.Type]
	} else {
		e.Message = http.StatusText(resp.StatusCode())
	}
	return e
}

// Login signs the operator in with email and password and keeps the session value.
func (c *Client) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	c.setSession("", nil)
	body := map[string]string{"email": cred.Email, "password": cred.Password}
	var created struct {
		Expire string `json:"expire"`
	}
	resp, err := send(c.request(ctx).SetBody(body), http.MethodPost, "/account/sessions/email", &created)
	if err != nil {
		return client.Operator{}, err
	}
	secret := c.sessionFrom(resp)
	if secret == "" {
		return client.Operator{}, fmt.Errorf("%w: sign-in answered without a session value", client.ErrMalformed)
	}
	c.setSession(secret, nil)
	c.mu.Lock()
	c.expires = ParseTime(created.Expire)
	c.mu.Unlock()
	return c.verifyOperator(ctx)
}

// sessionFrom finds the session value: X-Fallback-Cookies first (sent to non-browser
// clients), then the Set-Cookie cookie.
func (c *Client) sessionFrom(resp *resty.Response) string {
	name := "a_session_" + c.project
	if raw := resp.Header().Get(headerFallback); raw != "" {
		var jar map[string]string
		if json.Unmarshal([]byte(raw), &jar) == nil && jar[name] != "" {
			return jar[name]
		}
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == name && ck.Value != "" {
			return ck.Value
		}
	}
	return ""
}

// verifyOperator reads the operator's account. A pending second factor keeps the session
// (CompleteMFA needs it) and returns an error matching ErrMFARequired.
func (c *Client) verifyOperator(ctx context.Context) (client.Operator, error) {
	var acct Account
	if _, err := send(c.request(ctx), http.MethodGet, "/account", &acct); err != nil {
		if errors.Is(err, client.ErrUnauthorized) {
			c.setSession("", nil)
		}
		return client.Operator{}, err
	}
	if acct.ID == "" {
		return client.Operator{}, fmt.Errorf("%w: account without an id", client.ErrMalformed)
	}
	if err := client.CheckIdentity(acct.ID, acct.Email); err != nil {
		return client.Operator{}, err // the banner names the operator by it
	}
	op := acct.operator()
	c.setSession(c.Secret(), &op)
	return op, nil
}

// CompleteMFA answers a TOTP challenge for a session that needs a second factor.
func (c *Client) CompleteMFA(ctx context.Context, code string) (client.Operator, error) {
	if c.Secret() == "" {
		return client.Operator{}, client.ErrNotSignedIn
	}
	var ch struct {
		ID string `json:"$id"`
	}
	if _, err := send(c.request(ctx).SetBody(map[string]string{"factor": "totp"}), http.MethodPost, "/account/mfa/challenges", &ch); err != nil {
		return client.Operator{}, err
	}
	body := map[string]string{"challengeId": ch.ID, "otp": strings.TrimSpace(code)}
	if _, err := send(c.request(ctx).SetBody(body), http.MethodPut, "/account/mfa/challenges", nil); err != nil {
		return client.Operator{}, err
	}
	return c.verifyOperator(ctx)
}

// Resume checks a stored session value with the backend.
func (c *Client) Resume(ctx context.Context, secret string) (client.Operator, error) {
	if secret == "" {
		return client.Operator{}, client.ErrNotSignedIn
	}
	c.setSession(secret, nil)
	return c.verifyOperator(ctx)
}

// Logout deletes the current session on the backend, always without impersonation
// headers (with them the server looks for the session among the target's and answers
// 404). The session is forgotten here whatever the answer; a session the backend no
// longer knows counts as logged out.
func (c *Client) Logout(ctx context.Context) error {
	if c.Secret() == "" {
		return nil
	}
	_, err := send(c.request(ctx), http.MethodDelete, "/account/sessions/current", nil)
	c.setSession("", nil)
	if errors.Is(err, client.ErrUnauthorized) || errors.Is(err, client.ErrNotFound) {
		return nil
	}
	return err
}
