package appwrite

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

	"actas/client"
)

// Impersonation acts as one verified target. It exists only after the backend confirmed
// the impersonation, and it adds exactly one target header to each of its requests.
type Impersonation struct {
	c        *Client
	target   client.Target
	header   string // the one target header sent, and its value: the target as named until
	value    string // verified, then the verified id
	operator client.Operator
	subject  client.Subject
	acting   *client.Acting // the console's hooks, and the stop that cancels everything

	mu sync.Mutex // guards header, value and subject
}

var _ client.Impersonation = (*Impersonation)(nil)

// targetHeader is the one Appwrite header for a kind of target.
func targetHeader(k client.TargetKind) string {
	switch k {
	case client.ByEmail:
		return "X-Appwrite-Impersonate-User-Email"
	case client.ByPhone:
		return "X-Appwrite-Impersonate-User-Phone"
	}
	return "X-Appwrite-Impersonate-User-Id"
}

// Impersonate starts acting as target and verifies it before returning: GET /v1/account
// must answer with the target and impersonatorUserId equal to the operator's id. The
// server silently ignores unknown targets and non-impersonators, so without this check
// the console could show the operator's own data as the customer's.
func (c *Client) Impersonate(ctx context.Context, target client.Target, opts client.ImpersonateOptions) (client.Impersonation, error) {
	imp, err := c.ImpersonateUser(ctx, target, opts)
	if err != nil {
		return nil, err // not a typed nil inside the interface
	}
	return imp, nil
}

// ImpersonateUser is Impersonate with the concrete type, for Appwrite-only views.
func (c *Client) ImpersonateUser(ctx context.Context, target client.Target, opts client.ImpersonateOptions) (*Impersonation, error) {
	op, ok := c.Operator()
	if !ok {
		return nil, client.ErrNotSignedIn
	}
	if strings.TrimSpace(target.Value) == "" {
		return nil, errors.New("impersonation target is empty")
	}
	imp := &Impersonation{c: c, target: target, header: targetHeader(target.Kind), value: target.Value,
		operator: op, acting: client.NewActing(opts)}
	acct, err := imp.Account(ctx)
	if err != nil {
		imp.Stop()
		return nil, err
	}
	if err := verify(target, op, acct); err != nil {
		imp.Stop()
		return nil, err
	}
	// From now on every request names the verified user by id: an email can change hands,
	// and a query parameter such as impersonateUserId must not pick someone else.
	imp.mu.Lock()
	imp.subject = acct.subject()
	imp.header, imp.value = targetHeader(client.ByID), acct.ID
	imp.mu.Unlock()
	return imp, nil
}

func verify(target client.Target, op client.Operator, acct Account) error {
	by := "null"
	if acct.ImpersonatorUserID != nil {
		by = *acct.ImpersonatorUserID
	}
	var same bool
	switch target.Kind {
	case client.ByEmail:
		same = strings.EqualFold(acct.Email, target.Value)
	case client.ByPhone:
		same = acct.Phone == target.Value
	default:
		same = acct.ID == target.Value
	}
	if !same || by != op.ID {
		return fmt.Errorf("%w: asked for %s, GET /v1/account answered user %q with impersonatorUserId %s (operator is %q)",
			client.ErrNotHonoured, target, acct.ID, by, op.ID)
	}
	// What the banner will show as verified must be an identity it can show whole.
	return client.CheckIdentity(acct.ID, acct.Email)
}

// Subject is the verified effective user.
func (imp *Impersonation) Subject() client.Subject { return imp.subject }

// Target is how the effective user was named.
// Expires is zero: an Appwrite impersonation lasts as long as the operator's session;
// only the console's limits end it.
func (imp *Impersonation) Expires() time.Time { return time.Time{} }

func (imp *Impersonation) Target() client.Target { return imp.target }

// Operator is who is acting.
func (imp *Impersonation) Operator() client.Operator { return imp.operator }

// Stop discards the impersonation and cancels its requests in flight.
func (imp *Impersonation) Stop() { imp.acting.Stop() }

// exec sends one request as the subject: the operator's request plus exactly one target
// header, through the console's hooks (see client.Acting.Send).
func (imp *Impersonation) exec(ctx context.Context, method, path string, query url.Values, body []byte, out any) (*resty.Response, error) {
	imp.mu.Lock()
	header, value := imp.header, imp.value
	imp.mu.Unlock()
	sent := client.SentURL(imp.c.basePath(), path, query)
	return imp.acting.Send(ctx, method, sent, func(ctx context.Context) (*resty.Response, error) {
		r := imp.c.request(ctx).SetHeader(header, value)
		if query != nil {
			r.SetQueryParamsFromValues(query)
		}
		if len(body) > 0 {
			r.SetHeader("Content-Type", "application/json").SetBody(body)
		}
		return send(r, method, path, out)
	})
}

func (imp *Impersonation) get(ctx context.Context, path string, out any) error {
	_, err := imp.exec(ctx, http.MethodGet, path, nil, nil, out)
	return err
}

// Account is the effective user's account. Once the impersonation is verified, every
// answer is checked again: the backend silently stops impersonating when the operator
// loses the capability, and then answers as the operator. A mismatch ends the
// impersonation with ErrNotHonoured.
func (imp *Impersonation) Account(ctx context.Context) (Account, error) {
	var acct Account
	if err := imp.get(ctx, "/account", &acct); err != nil {
		return acct, err
	}
	imp.mu.Lock()
	want := imp.subject.ID
	imp.mu.Unlock()
	if want == "" {
		return acct, nil // the first answer: ImpersonateUser verifies it
	}
	if err := verify(client.Target{Kind: client.ByID, Value: want}, imp.operator, acct); err != nil {
		imp.Stop()
		return Account{}, err
	}
	return acct, nil
}

// Sessions are the effective user's signed-in devices.
func (imp *Impersonation) Sessions(ctx context.Context) ([]Session, error) {
	var list sessionList
	err := imp.get(ctx, "/account/sessions", &list)
	return list.Sessions, err
}

// Prefs are the effective user's preferences.
func (imp *Impersonation) Prefs(ctx context.Context) (map[string]any, error) {
	prefs := map[string]any{}
	err := imp.get(ctx, "/account/prefs", &prefs)
	return prefs, err
}

// MFAFactors are the effective user's second factors.
func (imp *Impersonation) MFAFactors(ctx context.Context) (MFAFactors, error) {
	var f MFAFactors
	err := imp.get(ctx, "/account/mfa/factors", &f)
	return f, err
}

// Logs are the effective user's own audit rows (not what the operator does as them:
// Appwrite files that under the operator).
func (imp *Impersonation) Logs(ctx context.Context, limit int) ([]client.AuditEntry, error) {
	var list logList
	_, err := imp.exec(ctx, http.MethodGet, "/account/logs", logParams(limit), nil, &list)
	return entries(list), err
}

// Do sends a raw request as the effective user. The response comes back for any HTTP
// status (with a *client.Error for 4xx/5xx); credential headers and password hash fields
// are removed from it. The path's dot-segments are resolved, and a path that would leave
// the endpoint's base is refused before anything is sent.
func (imp *Impersonation) Do(ctx context.Context, req client.Request) (client.Response, error) {
	// Paths are relative to the endpoint (which ends in /v1); "/v1/account" is read as
	// written from the server's root.
	p, err := client.Prepare(req, "/v1")
	if err != nil {
		return client.Response{}, err
	}
	if name := impersonationParam(req); name != "" {
		return client.Response{}, fmt.Errorf("refused: the request names a target of its own (%s); nothing was sent", name)
	}
	if client.IsWrite(p.Method) {
		// Check who the backend acts as right before the write goes out.
		if err := imp.Verify(ctx); err != nil {
			return client.Response{}, err
		}
	}
	method, path, query := p.Method, p.Path, p.Query
	start := time.Now()
	resp, err := imp.exec(ctx, method, path, query, req.Body, nil)
	return client.Shown(resp, time.Since(start), SecretFields), err
}

// Verify reads the account again: the answer must still be the verified user, read by
// this operator.
func (imp *Impersonation) Verify(ctx context.Context) error {
	_, err := imp.Account(ctx)
	return err
}

// Overview reads the subject's account, devices, second factors and recent activity.
func (imp *Impersonation) Overview(ctx context.Context) (client.Overview, error) {
	acct, err := imp.Account(ctx)
	if err != nil {
		return client.Overview{}, err
	}
	ov := client.Overview{Subject: acct.subject()}
	sessions, err := imp.Sessions(ctx)
	if err != nil {
		return ov, err
	}
	for _, s := range sessions {
		ov.Devices = append(ov.Devices, s.device())
	}
	factors, err := imp.MFAFactors(ctx)
	if err != nil {
		return ov, err
	}
	ov.Facts = append(ov.Facts, client.Fact{Label: "Second factors", Value: factors.String()})
	for _, k := range sortedKeys(acct.Prefs) {
		ov.Facts = append(ov.Facts, client.Fact{Label: "Pref " + k, Value: fmt.Sprint(acct.Prefs[k])})
	}
	// Logs may be gone on newer servers (404): the overview stands without them.
	if ov.Activity, err = imp.Logs(ctx, 10); err != nil && !errors.Is(err, client.ErrNotFound) {
		return ov, err
	}
	return ov, nil
}

// impersonationParam finds a query parameter that would name another target (Appwrite
// reads impersonateUserId, impersonateEmail and impersonatePhone, in any case, when a
// header is missing), in the path or in Query.
func impersonationParam(req client.Request) string {
	names := []string{}
	for k := range req.Query {
		names = append(names, k)
	}
	if _, raw, ok := strings.Cut(req.Path, "?"); ok {
		if q, err := url.ParseQuery(raw); err == nil {
			for k := range q {
				names = append(names, k)
			}
		} else {
			return "an unreadable query"
		}
	}
	for _, k := range names {
		if strings.HasPrefix(strings.ToLower(k), "impersonate") {
			return k
		}
	}
	return ""
}

// basePath is the endpoint's path ("/v1"), so that journal lines name the path as sent.
func (c *Client) basePath() string {
	u, err := url.Parse(c.endpoint)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}
