package mpdx

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"actas/client"
)

const defaultPageSize = 25

// user reads GET /user with token, its email addresses included.
func (c *Client) user(ctx context.Context, token string) (user, error) {
	resp, err := send(c.requestAs(ctx, token).SetQueryParam("include", "email_addresses"), http.MethodGet, "/user", nil)
	if err != nil {
		return user{}, err
	}
	u, err := userDocument(resp.Body())
	if err != nil || u.ID == "" {
		return user{}, fmt.Errorf("%w: GET /user: %v", client.ErrMalformed, err)
	}
	return u, nil
}

// member is one account_list_users entry: a person of the organization.
type member struct {
	UserID string         `json:"user_id"`
	First  string         `json:"user_first_name"`
	Last   string         `json:"user_last_name"`
	Emails []emailAddress `json:"user_email_addresses"`
}

func (m member) subject(lists []string) client.Subject {
	u := user{ID: m.UserID, First: m.First, Last: m.Last, Emails: m.Emails}
	s := client.Subject{ID: m.UserID, Name: u.name(), Email: u.primaryEmail(), Facts: map[string]string{}}
	if len(lists) > 0 {
		s.Facts["account lists"] = strings.Join(lists, ", ")
	}
	return s
}

// memberCache keeps the members searches met: there is no route that reads one member by
// id as the operator.
type memberCache struct {
	mu   sync.Mutex
	byID map[string]client.Subject
}

func newMemberCache() *memberCache { return &memberCache{byID: map[string]client.Subject{}} }

func (mc *memberCache) keep(s client.Subject) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	mc.byID[s.ID] = s
}

func (mc *memberCache) get(id string) (client.Subject, bool) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	s, ok := mc.byID[id]
	return s, ok
}

// SearchSubjects pages through the organization's members with the backend's wildcard
// search over account lists; a member on several lists is listed once per page.
func (c *Client) SearchSubjects(ctx context.Context, q client.SubjectQuery) (client.SubjectPage, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultPageSize
	}
	page := 1
	if q.After != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(q.After, "page:"))
		if err != nil || n < 1 {
			return client.SubjectPage{}, fmt.Errorf("not a cursor of this backend: %q", q.After)
		}
		page = n
	}
	params := url.Values{"filter[organization_id]": {c.org}, "sort": {"name"}, "page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(limit)}}
	if q.Search != "" {
		params.Set("filter[wildcard_search]", q.Search)
	}
	resp, err := send(c.request(ctx).SetQueryParamsFromValues(params), http.MethodGet, "/organizations/account_lists", nil)
	if err != nil {
		return client.SubjectPage{}, err
	}
	subjects, pg, err := accountLists(resp.Body())
	if err != nil {
		return client.SubjectPage{}, fmt.Errorf("%w: the member search: %v", client.ErrMalformed, err)
	}
	for _, s := range subjects {
		c.seen.keep(s)
	}
	out := client.SubjectPage{Subjects: subjects, Total: pg.TotalCount}
	if pg.Page < pg.TotalPages {
		out.Next = "page:" + strconv.Itoa(pg.Page+1)
	}
	return out, nil
}

type pagination struct {
	Page       int `json:"page"`
	PerPage    int `json:"per_page"`
	TotalCount int `json:"total_count"`
	TotalPages int `json:"total_pages"`
}

// accountLists reads the members of a page of account lists: each list names its
// account_list_users in relationships, and included holds them.
func accountLists(body []byte) ([]client.Subject, pagination, error) {
	var doc struct {
		Data     []resource `json:"data"`
		Included []struct {
			ID         string `json:"id"`
			Type       string `json:"type"`
			Attributes member `json:"attributes"`
		} `json:"included"`
		Meta struct {
			Pagination pagination `json:"pagination"`
		} `json:"meta"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, pagination{}, err
	}
	members := map[string]member{}
	for _, inc := range doc.Included {
		if inc.Type == "account_list_users" {
			members[inc.ID] = inc.Attributes
		}
	}
	var order []string
	lists := map[string][]string{}
	byUser := map[string]member{}
	for _, al := range doc.Data {
		var rel struct {
			Data []struct{ ID, Type string } `json:"data"`
		}
		_ = json.Unmarshal(al.Relationships["account_list_users"], &rel)
		for _, r := range rel.Data {
			m, ok := members[r.ID]
			if !ok || m.UserID == "" {
				continue
			}
			if _, seen := byUser[m.UserID]; !seen {
				order = append(order, m.UserID)
				byUser[m.UserID] = m
			}
			lists[m.UserID] = append(lists[m.UserID], al.text("name"))
		}
	}
	out := make([]client.Subject, 0, len(order))
	for _, id := range order {
		out = append(out, byUser[id].subject(lists[id]))
	}
	return out, doc.Meta.Pagination, nil
}

// Subject is a member as a search showed them: there is no route for one member.
func (c *Client) Subject(ctx context.Context, id string) (client.Subject, error) {
	if s, ok := c.seen.get(id); ok {
		return s, nil
	}
	return client.Subject{}, fmt.Errorf("%w: member %s has not come up in a search", client.ErrNotFound, id)
}

// Find looks a member up: by uuid (as a search showed them, or named by it alone), by a
// Key/Relay email through the search, refusing an email two members share: the server
// would pick one, and the console must not guess.
func (c *Client) Find(ctx context.Context, target client.Target) (client.Subject, error) {
	switch target.Kind {
	case client.ByID:
		if s, ok := c.seen.get(target.Value); ok {
			return s, nil
		}
		return client.Subject{ID: target.Value}, nil // the verification says who it is
	case client.ByEmail:
	default:
		return client.Subject{}, fmt.Errorf("a member is named by uuid or Key/Relay email, not by %s", target.Kind)
	}
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: target.Value, Limit: 50})
	if err != nil {
		return client.Subject{}, err
	}
	var found []client.Subject
	for _, s := range page.Subjects {
		if strings.EqualFold(s.Email, target.Value) {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return client.Subject{}, fmt.Errorf("%w: no member with email %s", client.ErrNotFound, target.Value)
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, s := range found {
		names[i] = s.ID + " " + strings.TrimSpace(s.Name)
	}
	return client.Subject{}, fmt.Errorf("%d members share %s (%s): name one by uuid", len(found), target.Value, strings.Join(names, "; "))
}
