package ironflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-resty/resty/v2"

	"actas/client"
)

const defaultPageSize = 25

// The tenant list's path behind the platform CLI is not public: the console asks the
// platform route first and falls back to the SDK's on 404.
const (
	platformTenants = "/platform/tenants"
	sdkTenants      = "/tenants"
)

// SearchSubjects pages through tenants with the platform's own search. A server that
// ignores search and paging (it answers everything at once) is detected by the size of
// its answer; from then on the whole list is kept and searched here.
func (c *Client) SearchSubjects(ctx context.Context, q client.SubjectQuery) (client.SubjectPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageSize
	}
	if c.tenants.loaded() || strings.HasPrefix(q.After, localCursor) {
		return c.localPage(ctx, q.Search, q.After, limit)
	}
	params := url.Values{"limit": {strconv.Itoa(limit)}}
	if q.Search != "" {
		params.Set("search", q.Search)
	}
	if q.After != "" {
		params.Set("cursor", q.After)
	}
	tenants, resp, err := c.listTenants(ctx, params)
	if err != nil {
		return client.SubjectPage{}, err
	}
	if len(tenants) > limit || q.Search != "" && !allMatch(tenants, q.Search) {
		// A plain server: what came back is everything there is.
		c.tenants.fill(tenants)
		return c.localPage(ctx, q.Search, "", limit)
	}
	page := client.SubjectPage{Subjects: make([]client.Subject, len(tenants)), Total: len(tenants), Next: nextCursor(resp)}
	for i, t := range tenants {
		page.Subjects[i] = t.subject()
	}
	if total, err := strconv.Atoi(resp.Header().Get("X-Total-Count")); err == nil {
		page.Total = total
	} else if page.Next != "" {
		page.Total, page.TotalCapped = len(tenants), true // at least these
	}
	return page, nil
}

// listTenants reads one answer of the tenant list: the platform route, else the SDK's.
func (c *Client) listTenants(ctx context.Context, params url.Values) ([]tenant, *resty.Response, error) {
	resp, err := send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, platformTenants, nil)
	if errors.Is(err, client.ErrNotFound) {
		resp, err = send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, sdkTenants, nil)
	}
	if err != nil {
		return nil, resp, err
	}
	tenants, err := list[tenant](resp.Body(), "tenants")
	if err != nil {
		return nil, resp, fmt.Errorf("%w: the tenant list: %v", client.ErrMalformed, err)
	}
	return tenants, resp, nil
}

// nextCursor is where the next page starts: the body is a bare array, so the platform
// says it in a header (X-Next-Cursor, or a Link with rel="next" and a cursor parameter).
func nextCursor(resp *resty.Response) string {
	if c := resp.Header().Get("X-Next-Cursor"); c != "" {
		return c
	}
	for _, link := range resp.Header().Values("Link") {
		for _, part := range strings.Split(link, ",") {
			target, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			if !strings.Contains(params, `rel="next"`) {
				continue
			}
			if u, err := url.Parse(strings.Trim(strings.TrimSpace(target), "<>")); err == nil {
				return u.Query().Get("cursor")
			}
		}
	}
	return ""
}

// allMatch says whether every tenant matches search as the local filter reads it: a
// server that answers with others has ignored the search.
func allMatch(tenants []tenant, search string) bool {
	q := strings.ToLower(strings.TrimSpace(search))
	for _, t := range tenants {
		if !strings.Contains(strings.ToLower(t.ID+" "+t.Name), q) {
			return false
		}
	}
	return true
}

// Subject reads one tenant as the operator sees it: there is no route for one, so the
// search finds it by id.
func (c *Client) Subject(ctx context.Context, id string) (client.Subject, error) {
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: id, Limit: 50})
	if err != nil {
		return client.Subject{}, err
	}
	for _, s := range page.Subjects {
		if s.ID == id {
			return s, nil
		}
	}
	return client.Subject{}, fmt.Errorf("%w: no tenant with id %s", client.ErrNotFound, id)
}

// Find looks a tenant up by its id, the only way to name one.
func (c *Client) Find(ctx context.Context, target client.Target) (client.Subject, error) {
	if target.Kind != client.ByID {
		return client.Subject{}, fmt.Errorf("a tenant is named by its id (org_…), not by %s", target.Kind)
	}
	return c.Subject(ctx, target.Value)
}
