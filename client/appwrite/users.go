package appwrite

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"actas/client"
)

// countCap is the most Appwrite counts; a total at the cap means "at least".
const countCap = 5000

const defaultPageSize = 25

// queryJSON renders one Appwrite query in its JSON form.
func queryJSON(method, attribute string, values ...any) string {
	q := map[string]any{"method": method}
	if attribute != "" {
		q["attribute"] = attribute
	}
	if values != nil {
		q["values"] = values
	}
	b, _ := json.Marshal(q)
	return string(b)
}

// SearchSubjects pages through users with the backend's own search (users.read).
func (c *Client) SearchSubjects(ctx context.Context, q client.SubjectQuery) (client.SubjectPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageSize
	}
	params := url.Values{}
	params.Add("queries[]", queryJSON("limit", "", limit))
	if q.After != "" {
		params.Add("queries[]", queryJSON("cursorAfter", "", q.After))
	}
	if q.Search != "" {
		params.Set("search", q.Search)
	}
	var list userList
	if _, err := send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, "/users", &list); err != nil {
		return client.SubjectPage{}, err
	}
	page := client.SubjectPage{Total: list.Total, TotalCapped: list.Total >= countCap,
		Subjects: make([]client.Subject, len(list.Users))}
	for i, u := range list.Users {
		page.Subjects[i] = u.subject()
	}
	if len(list.Users) == limit {
		page.Next = list.Users[len(list.Users)-1].ID
	}
	return page, nil
}

// Subject reads one user as the operator sees it.
func (c *Client) Subject(ctx context.Context, id string) (client.Subject, error) {
	var acct Account
	if _, err := send(c.request(ctx), http.MethodGet, "/users/"+url.PathEscape(id), &acct); err != nil {
		return client.Subject{}, err
	}
	return acct.subject(), nil
}

// Find looks a target up with users.read: by id directly, by email or phone with an
// exact equal query (search would match words, not the address).
func (c *Client) Find(ctx context.Context, target client.Target) (client.Subject, error) {
	if target.Kind == client.ByID {
		return c.Subject(ctx, target.Value)
	}
	attr, value := "phone", target.Value
	if target.Kind == client.ByEmail {
		attr, value = "email", strings.ToLower(value)
	}
	params := url.Values{}
	params.Add("queries[]", queryJSON("equal", attr, value))
	params.Add("queries[]", queryJSON("limit", "", 2))
	params.Set("total", "false")
	var list userList
	if _, err := send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, "/users", &list); err != nil {
		return client.Subject{}, err
	}
	switch len(list.Users) {
	case 0:
		return client.Subject{}, fmt.Errorf("%w: no user with %s %s", client.ErrNotFound, target.Kind, target.Value)
	case 1:
		return list.Users[0].subject(), nil
	}
	return client.Subject{}, fmt.Errorf("more than one user has %s %s: name them by id", target.Kind, target.Value)
}

// OperatorAudit lists the operator's own audit rows, which is where Appwrite records what
// was done while impersonating.
func (c *Client) OperatorAudit(ctx context.Context, limit int) ([]client.AuditEntry, error) {
	op, ok := c.Operator()
	if !ok {
		return nil, client.ErrNotSignedIn
	}
	return c.SubjectAudit(ctx, op.ID, limit)
}

// SubjectAudit lists a user's audit rows, newest first. Newer self-hosted servers removed
// the logs routes, so a 404 there comes back as ErrNotFound for the caller to explain.
func (c *Client) SubjectAudit(ctx context.Context, id string, limit int) ([]client.AuditEntry, error) {
	var list logList
	_, err := send(c.request(ctx).SetQueryParamsFromValues(logParams(limit)), http.MethodGet, "/users/"+url.PathEscape(id)+"/logs", &list)
	return entries(list), err
}

func logParams(limit int) url.Values {
	if limit <= 0 {
		limit = defaultPageSize
	}
	return url.Values{"queries[]": {queryJSON("limit", "", limit)}, "total": {"false"}}
}

func entries(list logList) []client.AuditEntry {
	out := make([]client.AuditEntry, len(list.Logs))
	for i, l := range list.Logs {
		out[i] = l.entry()
	}
	return out
}
