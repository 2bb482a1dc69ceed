// Package mpdx is the console's client for an MPDX-style JSON:API CRM: an organization
// admin signs in with an API token and acts as a member through a one-hour token the
// backend mints for them (POST /organizations/{id}/impersonation). There is no stop call
// and no audit read API: the console's journal is the record.
package mpdx

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/go-resty/resty/v2"

	"actas/client"
)

// mediaType is JSON:API's: the server refuses any other Content-Type (415), on GETs too,
// and any other Accept (406).
const mediaType = "application/vnd.api+json"

// Config says where the backend is and which organization the operator administers.
type Config struct {
	Endpoint     string // e.g. https://mpdx.example.com ("/api/v2" is added when missing)
	Organization string // the organization's id (a uuid)
	Insecure     bool
	HTTP         client.HTTPConfig
}

// Client is the operator's client; an Impersonation derived from it sends the member's
// token instead of the operator's.
type Client struct {
	endpoint string
	org      string
	http     *resty.Client
	seen     *memberCache // members met in searches, for Subject and Find

	mu     sync.RWMutex
	secret string
	op     *client.Operator
}

var _ client.Backend = (*Client)(nil)

// normalizeEndpoint checks an endpoint URL (plain http only to loopback unless insecure)
// and makes it end in /api/v2.
func normalizeEndpoint(raw string, insecure bool) (string, error) {
	return client.EndpointUnder(raw, "/api/v2", insecure)
}

// New makes a signed-out client.
func New(cfg Config) (*Client, error) {
	endpoint, err := normalizeEndpoint(cfg.Endpoint, cfg.Insecure)
	if err != nil {
		return nil, err
	}
	org := strings.TrimSpace(cfg.Organization)
	if org == "" {
		return nil, errors.New("organization id is empty")
	}
	if err := client.CheckIdentity(org, ""); err != nil {
		return nil, fmt.Errorf("%q is not an organization id", org)
	}
	cfg.HTTP.BaseURL = endpoint
	h := client.NewHTTP(cfg.HTTP)
	h.SetHeader("Accept", mediaType).SetHeader("Content-Type", mediaType)
	return &Client{endpoint: endpoint, org: org, http: h, seen: newMemberCache()}, nil
}

func (c *Client) Endpoint() string { return c.endpoint }

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

func (c *Client) setSession(secret string, op *client.Operator) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.secret, c.op = secret, op
}

// request starts a request with the operator's token.
func (c *Client) request(ctx context.Context) *resty.Request { return c.requestAs(ctx, c.Secret()) }

// requestAs starts a request with token ("" : none, for the sign-in).
func (c *Client) requestAs(ctx context.Context, token string) *resty.Request {
	r := c.http.R().SetContext(ctx)
	if token != "" {
		r.SetAuthToken(token)
	}
	return r
}

func send(r *resty.Request, method, path string, out any) (*resty.Response, error) {
	return client.Send(r, method, path, out, decodeError)
}

// decodeError reads JSON:API's {"errors":[{status,title,detail}]}: the first error's
// title and detail; a stale updated_in_db_at (409 with meta) is said in words.
func decodeError(resp *resty.Response) error {
	e := &client.Error{Status: resp.StatusCode(), RetryAfter: client.RetryAfter(resp.Header())}
	var doc struct {
		Errors []struct {
			Title  string `json:"title"`
			Detail string `json:"detail"`
			Meta   struct {
				UpdatedInDBAt string `json:"updated_in_db_at"`
			} `json:"meta"`
		} `json:"errors"`
		Meta struct {
			UpdatedInDBAt string `json:"updated_in_db_at"`
		} `json:"meta"`
	}
	switch {
	case json.Unmarshal(resp.Body(), &doc) == nil && len(doc.Errors) > 0:
		first := doc.Errors[0]
		e.Type, e.Message = first.Title, first.Detail
		if e.Message == "" {
			e.Message = first.Title
		}
		if stale := first.Meta.UpdatedInDBAt + doc.Meta.UpdatedInDBAt; e.Status == http.StatusConflict && stale != "" {
			e.Message = "the record changed since it was read (its updated_in_db_at is now " + stale + "): read it again and send the new value"
		}
	default:
		e.Message = http.StatusText(resp.StatusCode())
	}
	return e
}

// Login signs in with a pasted API token, or (the demo's email and password variant of
// /user/authenticate) with an email and the password typed in the secret field.
func (c *Client) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	c.setSession("", nil)
	secret := cred.Token
	if secret == "" {
		secret = cred.Password
	}
	if cred.Email != "" {
		token, err := c.authenticate(ctx, cred.Email, secret)
		switch {
		case err == nil:
			secret = token
		case errors.Is(err, client.ErrUnauthorized) || errors.Is(err, client.ErrNotFound) || isStatus(err, 400):
			// Not the demo's variant, or not a password: the secret may be a token.
		default:
			return client.Operator{}, err
		}
	}
	op, err := c.Resume(ctx, secret)
	if errors.Is(err, client.ErrUnauthorized) {
		err = &client.Error{Status: 401, Message: "the API token (or email and password) was refused", Kind: client.ErrBadPassword}
	}
	return op, err
}

func isStatus(err error, status int) bool {
	var e *client.Error
	return errors.As(err, &e) && e.Status == status
}

// authenticate is the demo's email and password variant of POST /user/authenticate.
func (c *Client) authenticate(ctx context.Context, email, password string) (string, error) {
	body := document{Data: resource{Type: "authenticate", Attributes: map[string]any{"email": email, "password": password}}}
	var out struct {
		Data struct {
			Attributes struct {
				Token string `json:"json_web_token"`
			} `json:"attributes"`
		} `json:"data"`
	}
	if _, err := send(c.requestAs(ctx, "").SetBody(body), http.MethodPost, "/user/authenticate", &out); err != nil {
		return "", err
	}
	if out.Data.Attributes.Token == "" {
		return "", fmt.Errorf("%w: sign-in answered without a token", client.ErrMalformed)
	}
	return out.Data.Attributes.Token, nil
}

// CompleteMFA: tokens come from an identity provider; there is no second factor here.
func (c *Client) CompleteMFA(context.Context, string) (client.Operator, error) {
	return client.Operator{}, errors.New("this backend has no second factor")
}

// Resume checks a token with GET /user: it answers the operator's own user.
func (c *Client) Resume(ctx context.Context, secret string) (client.Operator, error) {
	if secret == "" {
		return client.Operator{}, client.ErrNotSignedIn
	}
	u, err := c.user(ctx, secret)
	if err != nil {
		return client.Operator{}, err
	}
	op := client.Operator{ID: u.ID, Name: u.name(), Email: u.primaryEmail(), Roles: []string{"organization admin"},
		Can: client.CanRead | client.CanWrite}
	if err := client.CheckIdentity(op.ID, op.Email); err != nil {
		return client.Operator{}, err
	}
	if !c.administers(ctx, secret) {
		op.Roles, op.Can = nil, 0
	}
	c.setSession(secret, &op)
	return op, nil
}

// administers says whether the token's user is an admin of the profile's organization:
// GET /organizations lists the organizations a user administers.
func (c *Client) administers(ctx context.Context, token string) bool {
	var out struct {
		Data []resource `json:"data"`
	}
	if _, err := send(c.requestAs(ctx, token), http.MethodGet, "/organizations", &out); err != nil {
		return false
	}
	for _, o := range out.Data {
		if o.ID == c.org {
			return true
		}
	}
	return false
}

// Logout forgets the token here: there is no call that ends one.
func (c *Client) Logout(context.Context) error {
	c.setSession("", nil)
	return nil
}

// OperatorAudit: no route reads the backend's impersonation log; the console's journal is
// the record.
func (c *Client) OperatorAudit(context.Context, int) ([]client.AuditEntry, error) {
	return nil, fmt.Errorf("%w: this backend has no audit API", client.ErrNotFound)
}

// SubjectAudit: see OperatorAudit.
func (c *Client) SubjectAudit(context.Context, string, int) ([]client.AuditEntry, error) {
	return nil, fmt.Errorf("%w: this backend has no audit API", client.ErrNotFound)
}
