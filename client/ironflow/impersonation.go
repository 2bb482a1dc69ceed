package ironflow

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-resty/resty/v2"

	"actas/client"
)

// DefaultEnvironment is where a tenant is acted in unless the operator names another.
const DefaultEnvironment = "env_default"

// SecretFields are what a tenant answer may carry that the console never shows: tokens
// and key secrets.
var SecretFields = []string{"token", "secret", "key_secret", "api_key", "password"}

// Impersonation acts as one verified tenant in one of its environments. It exists only
// after a tenant-scoped read with the headers answered with that tenant's data.
type Impersonation struct {
	c        *Client
	target   client.Target
	operator client.Operator
	subject  client.Subject
	acting   *client.Acting

	mu   sync.Mutex
	env  string          // the environment id requests act in, once verified
	envs []client.Choice // the tenant's own, as last read as them
}

var (
	_ client.Impersonation = (*Impersonation)(nil)
	_ client.Scoped        = (*Impersonation)(nil)
)

// Impersonate starts acting as the tenant target names, in target.Scope (default
// env_default), and verifies it before returning: GET /environments with the headers
// must list only that tenant's environments, the chosen one among them. A server that
// ignored the header would answer with someone else's (or the operator's own) data.
func (c *Client) Impersonate(ctx context.Context, target client.Target, opts client.ImpersonateOptions) (client.Impersonation, error) {
	op, ok := c.Operator()
	if !ok {
		return nil, client.ErrNotSignedIn
	}
	if target.Kind != client.ByID || strings.TrimSpace(target.Value) == "" {
		return nil, fmt.Errorf("a tenant is named by its id (org_…)")
	}
	sub, err := c.Subject(ctx, target.Value) // as the operator: the name the banner quotes
	if err != nil {
		return nil, err
	}
	env := target.Scope
	if env == "" {
		env = DefaultEnvironment
	}
	imp := &Impersonation{c: c, target: target, operator: op, subject: sub, acting: client.NewActing(opts), env: env}
	if err := imp.moveTo(ctx, env); err != nil {
		imp.Stop()
		return nil, err
	}
	if err := client.CheckIdentity(sub.ID, ""); err != nil {
		imp.Stop()
		return nil, err // the banner names the tenant by it
	}
	return imp, nil
}

// moveTo reads the tenant's environments with env in the header and checks the answer:
// every environment the tenant's, env among them (by id or by name). Then env, as an id,
// is where every later request acts.
func (imp *Impersonation) moveTo(ctx context.Context, env string) error {
	envs, err := imp.environments(ctx, env)
	if err != nil {
		return err
	}
	org := imp.target.Value
	if len(envs) == 0 {
		return fmt.Errorf("%w: acting as %s, GET /environments answered no environment to check", client.ErrNotHonoured, org)
	}
	var chosen string
	choices := make([]client.Choice, 0, len(envs))
	for _, e := range envs {
		if e.OrgID != org {
			return fmt.Errorf("%w: acting as %s, GET /environments answered environment %q of organization %q", client.ErrNotHonoured, org, e.ID, e.OrgID)
		}
		if e.ID == env || e.Name == env {
			chosen = e.ID
		}
		choices = append(choices, client.Choice{ID: e.ID, Name: e.Name})
	}
	if chosen == "" {
		return fmt.Errorf("%w: environment %s is not one of %s's", client.ErrNotFound, env, org)
	}
	if err := client.CheckIdentity(chosen, ""); err != nil {
		return err // the banner names the environment by it
	}
	imp.mu.Lock()
	defer imp.mu.Unlock()
	imp.env, imp.envs = chosen, choices
	return nil
}

func (imp *Impersonation) environments(ctx context.Context, env string) ([]environment, error) {
	resp, err := imp.execIn(ctx, env, http.MethodGet, "/environments", nil, nil)
	if err != nil {
		return nil, err
	}
	envs, err := list[environment](resp.Body(), "environments")
	if err != nil {
		return nil, fmt.Errorf("%w: GET /environments: %v", client.ErrMalformed, err)
	}
	return envs, nil
}

func (imp *Impersonation) Subject() client.Subject { return imp.subject }

// Target is the tenant as named, in the environment requests act in now.
func (imp *Impersonation) Target() client.Target {
	t := imp.target
	t.Scope = imp.Scope()
	return t
}

// Expires is when the operator's platform token lapses: nothing can be done as the
// tenant after it (zero for a platform API key).
func (imp *Impersonation) Expires() time.Time { return imp.c.SessionExpires() }

// Scopes are the tenant's environments, as last read as them.
func (imp *Impersonation) Scopes() []client.Choice {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	return slices.Clone(imp.envs)
}

// Scope is the environment requests act in now.
func (imp *Impersonation) Scope() string {
	imp.mu.Lock()
	defer imp.mu.Unlock()
	return imp.env
}

// SetScope moves to another of the tenant's environments once a read in it shows it is
// theirs; on an error requests go on in the one before.
func (imp *Impersonation) SetScope(ctx context.Context, scope string) error {
	return imp.moveTo(ctx, scope)
}

// Verify reads the environments again: still the tenant's, the current one among them.
func (imp *Impersonation) Verify(ctx context.Context) error {
	return imp.moveTo(ctx, imp.Scope())
}

// Stop discards the impersonation: its requests in flight are cancelled, and no later
// one carries the tenant headers.
func (imp *Impersonation) Stop() { imp.acting.Stop() }

func (imp *Impersonation) exec(ctx context.Context, method, path string, query url.Values, body []byte) (*resty.Response, error) {
	return imp.execIn(ctx, imp.Scope(), method, path, query, body)
}

// execIn sends one request as the tenant in env: the operator's credential plus the two
// tenant headers, through the console's hooks (see client.Acting.Send).
func (imp *Impersonation) execIn(ctx context.Context, env, method, path string, query url.Values, body []byte) (*resty.Response, error) {
	sent := client.SentURL(imp.c.basePath(), path, query)
	return imp.acting.Send(ctx, method, sent, func(ctx context.Context) (*resty.Response, error) {
		r := imp.c.request(ctx).SetHeader(headerOrg, imp.target.Value).SetHeader(headerEnvironment, env)
		if query != nil {
			r.SetQueryParamsFromValues(query)
		}
		if len(body) > 0 {
			r.SetHeader("Content-Type", "application/json").SetBody(body)
		}
		return send(r, method, path, nil)
	})
}

// Do sends a raw request as the tenant. The response comes back for any HTTP status (with
// a *client.Error for 4xx/5xx); credential headers and secret fields are removed from it.
// A request that would pick its own environment (?env=) is refused before anything is
// sent: the banner names the one requests act in.
func (imp *Impersonation) Do(ctx context.Context, req client.Request) (client.Response, error) {
	p, err := client.Prepare(req, "/api/v1")
	if err != nil {
		return client.Response{}, err
	}
	for k := range p.Query {
		if strings.EqualFold(k, "env") {
			return client.Response{}, fmt.Errorf("refused: the request names an environment of its own (%s); switch environment instead; nothing was sent", k)
		}
	}
	if client.IsWrite(p.Method) {
		if err := imp.Verify(ctx); err != nil { // who the backend acts as, right before the write
			return client.Response{}, err
		}
	}
	start := time.Now()
	resp, err := imp.exec(ctx, p.Method, p.Path, p.Query, req.Body)
	return client.Shown(resp, time.Since(start), SecretFields), err
}

// basePath is the endpoint's path ("/api/v1"), so that journal lines name the path as sent.
func (c *Client) basePath() string {
	u, err := url.Parse(c.endpoint)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}
