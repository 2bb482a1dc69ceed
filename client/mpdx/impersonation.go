package mpdx

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/golang-jwt/jwt/v5"

	"actas/client"
)

// SecretFields are what an answer may carry that the console never shows or keeps: the
// member's token above all.
var SecretFields = []string{"json_web_token", "access_token", "password"}

// writeRoles are the impersonation roles that may write; any other role, and an unknown
// one, is read-only (the most restricted).
var writeRoles = map[string]bool{"developer": true, "helpdesk_admin": true}

// Impersonation acts as one verified member with the token the backend minted for them.
// The token lives only here, in memory; Stop forgets it.
type Impersonation struct {
	c       *Client
	target  client.Target // by uuid, always
	named   client.Target // as the operator named them
	subject client.Subject
	acting  *client.Acting
	expires time.Time
	role    string // impersonation_role (or _scope), when the backend gave one

	mu    sync.Mutex
	token string
}

var _ client.Impersonation = (*Impersonation)(nil)

// Impersonate asks the backend for a token as the member (the reason goes with it: the
// member is shown it) and verifies it before returning: the answer's data.id, the token's
// user_id and GET /user with the token must all name the member.
func (c *Client) Impersonate(ctx context.Context, target client.Target, opts client.ImpersonateOptions) (client.Impersonation, error) {
	if _, ok := c.Operator(); !ok {
		return nil, client.ErrNotSignedIn
	}
	named := target
	if target.Kind != client.ByID { // named by email: the search says which member, by uuid
		sub, err := c.Find(ctx, target)
		if err != nil {
			return nil, err
		}
		target = client.Target{Kind: client.ByID, Value: sub.ID, Scope: target.Scope}
	}
	imp := &Impersonation{c: c, target: target, named: named, acting: client.NewActing(opts)}
	if sub, ok := c.seen.get(target.Value); ok {
		imp.subject = sub
	}
	if err := imp.start(ctx, opts.Reason); err != nil {
		imp.Stop()
		return nil, err
	}
	return imp, nil
}

// start mints the token through the console's hooks (it is the first request made on the
// member's behalf) and checks whom it acts as.
func (imp *Impersonation) start(ctx context.Context, reason string) error {
	body := document{Data: resource{Type: "impersonation", Attributes: map[string]any{"user": imp.target.Value, "reason": reason}}}
	path := "/organizations/" + url.PathEscape(imp.c.org) + "/impersonation"
	var out struct {
		Data struct {
			ID         string `json:"id"`
			Attributes struct {
				Token string `json:"json_web_token"`
				Role  string `json:"impersonation_role"`
				Scope string `json:"impersonation_scope"`
			} `json:"attributes"`
		} `json:"data"`
	}
	_, err := imp.acting.Send(ctx, http.MethodPost, client.SentURL(imp.c.basePath(), path, nil), func(ctx context.Context) (*resty.Response, error) {
		return send(imp.c.request(ctx).SetBody(body), http.MethodPost, path, &out)
	})
	if err != nil {
		return err
	}
	want := imp.target.Value
	tokenUser, exp, err := claims(out.Data.Attributes.Token)
	switch {
	case err != nil:
		return fmt.Errorf("%w: the impersonation token cannot be read: %v", client.ErrNotHonoured, err)
	case out.Data.ID != want || tokenUser != want:
		return fmt.Errorf("%w: asked for %s, the answer names %q and its token %q", client.ErrNotHonoured, want, out.Data.ID, tokenUser)
	}
	imp.mu.Lock()
	imp.token, imp.expires = out.Data.Attributes.Token, exp
	imp.role = strings.TrimSpace(out.Data.Attributes.Role + " " + out.Data.Attributes.Scope)
	imp.mu.Unlock()
	u, err := imp.verified(ctx)
	if err != nil {
		return err
	}
	s := imp.subject
	s.ID, s.Name, s.Email = u.ID, u.name(), u.primaryEmail()
	if err := client.CheckIdentity(s.ID, s.Email); err != nil {
		return err
	}
	imp.subject = s
	return nil
}

// claims reads the token's user_id (or the legacy user_uuid) and exp, without checking
// its signature (only the backend holds the key; it checks it on every call).
func claims(token string) (string, time.Time, error) {
	c := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(token, c); err != nil {
		return "", time.Time{}, err
	}
	user, _ := c["user_id"].(string)
	if user == "" {
		user, _ = c["user_uuid"].(string)
	}
	exp, err := c.GetExpirationTime()
	if err != nil || exp == nil {
		return "", time.Time{}, fmt.Errorf("no exp")
	}
	return user, exp.Time.UTC(), nil
}

// verified reads GET /user with the member's token: it must be the member.
func (imp *Impersonation) verified(ctx context.Context) (user, error) {
	var u user
	resp, err := imp.exec(ctx, http.MethodGet, "/user", url.Values{"include": {"email_addresses"}}, nil)
	if err != nil {
		return u, err
	}
	if u, err = userDocument(resp.Body()); err != nil {
		return u, fmt.Errorf("%w: GET /user: %v", client.ErrMalformed, err)
	}
	if u.ID != imp.target.Value {
		return u, fmt.Errorf("%w: acting as %s, GET /user answered user %q", client.ErrNotHonoured, imp.target.Value, u.ID)
	}
	return u, nil
}

func (imp *Impersonation) Subject() client.Subject { return imp.subject }

// Target is the member as named, in the profile's organization (the banner names it).
func (imp *Impersonation) Target() client.Target {
	t := imp.named
	t.Scope = imp.c.org
	return t
}

// Expires is the token's exp: the backend stops acting as the member then.
func (imp *Impersonation) Expires() time.Time { return imp.expires }

// Role is the impersonation's role as the backend named it ("" when it named none).
func (imp *Impersonation) Role() string { return imp.role }

// ReadOnly says whether the role may not write: only a role known to write may.
func (imp *Impersonation) ReadOnly() bool {
	if imp.role == "" {
		return false
	}
	for _, r := range strings.Fields(imp.role) {
		if writeRoles[r] {
			return false
		}
	}
	return true
}

// Verify reads GET /user with the token again.
func (imp *Impersonation) Verify(ctx context.Context) error {
	_, err := imp.verified(ctx)
	return err
}

// Stop forgets the token (it stays valid on the backend until exp, but nothing here can
// send it) and cancels the requests in flight.
func (imp *Impersonation) Stop() {
	imp.acting.Stop()
	imp.mu.Lock()
	imp.token = ""
	imp.mu.Unlock()
}

// exec sends one request with the member's token through the console's hooks.
func (imp *Impersonation) exec(ctx context.Context, method, path string, query url.Values, body []byte) (*resty.Response, error) {
	imp.mu.Lock()
	token := imp.token
	imp.mu.Unlock()
	if token == "" {
		return nil, client.ErrStopped
	}
	resp, err := imp.acting.Send(ctx, method, client.SentURL(imp.c.basePath(), path, query), func(ctx context.Context) (*resty.Response, error) {
		r := imp.c.requestAs(ctx, token)
		if query != nil {
			r.SetQueryParamsFromValues(query)
		}
		if len(body) > 0 {
			r.SetBody(body)
		}
		return send(r, method, path, nil)
	})
	if errors.Is(err, client.ErrUnauthorized) {
		// The member's token, not the operator's, was refused (expired or revoked): the
		// backend no longer acts as them.
		err = errors.Join(client.ErrNotHonoured, errors.New("the member's token was refused"), err)
	}
	return resp, err
}

// Do sends a raw request as the member. A request that carries a token of its own
// (?access_token=) is refused unsent: tokens in URLs end up in logs.
func (imp *Impersonation) Do(ctx context.Context, req client.Request) (client.Response, error) {
	p, err := client.Prepare(req, "/api/v2")
	if err != nil {
		return client.Response{}, err
	}
	for k := range p.Query {
		if strings.EqualFold(k, "access_token") {
			return client.Response{}, fmt.Errorf("refused: the request carries a token of its own (%s); nothing was sent", k)
		}
	}
	if client.IsWrite(p.Method) {
		if err := imp.Verify(ctx); err != nil {
			return client.Response{}, err
		}
	}
	start := time.Now()
	resp, err := imp.exec(ctx, p.Method, p.Path, p.Query, req.Body)
	return client.Shown(resp, time.Since(start), SecretFields), err
}

func (c *Client) basePath() string {
	u, err := url.Parse(c.endpoint)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}
