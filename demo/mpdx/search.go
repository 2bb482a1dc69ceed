package mpdx

import (
	"net/http"
	"slices"
	"strings"
)

// memberListDoc is an account list as the member search answers it (seen): its name and
// its users, who come in "included".
type memberListDoc struct {
	ID    string                `jsonapi:"primary,account_lists"`
	Name  string                `jsonapi:"attr,name"`
	Users []*accountListUserDoc `jsonapi:"relation,account_list_users"`
}

// accountListUserDoc is one user of an account list (seen).
type accountListUserDoc struct {
	ID        string      `jsonapi:"primary,account_list_users"`
	FirstName string      `jsonapi:"attr,user_first_name"`
	LastName  string      `jsonapi:"attr,user_last_name"`
	UserID    string      `jsonapi:"attr,user_id"`
	Emails    []emailJSON `jsonapi:"attr,user_email_addresses"`
}

// emailJSON is an item of user_email_addresses: a nested object, not a resource (seen).
// The jsonapi tags make hashicorp/jsonapi marshal and unmarshal it as a nested attribute.
type emailJSON struct {
	ID      string `json:"id" jsonapi:"attr,id"`
	Email   string `json:"email" jsonapi:"attr,email"`
	Primary bool   `json:"primary" jsonapi:"attr,primary"`
}

// searchMembers is GET /api/v2/organizations/account_lists (seen):
//   - filter[organization_id] is a comma-separated list of organizations, each of which
//     the caller must administer (403 otherwise, unknown ids included); without it, every
//     organization the caller administers (403 when none);
//   - filter[wildcard_search] keeps account lists whose name, or a user's first name,
//     last name or email, contains it, ignoring case (a substring, as SQL ILIKE '%…%');
//   - sort is name (the default) or -name, by the lower-cased name then the id; anything
//     else is 400 (the demo's);
//   - page and per_page page it, with meta.pagination.
func searchMembers(x *exchange) *apiError {
	q := x.r.URL.Query()
	orgs, err := x.srv.searchedOrgs(x.u, q.Get("filter[organization_id]"))
	if err != nil {
		return err
	}
	desc := false
	switch sort := q.Get("sort"); sort {
	case "", "name":
	case "-name":
		desc = true
	default:
		return errBadParameter("sort", "Sorting by '"+sort+"' is not supported")
	}
	s := x.srv.store
	candidates := s.orgs[orgs[0]].lists
	if len(orgs) > 1 {
		candidates = nil
		for _, o := range orgs {
			candidates = append(candidates, s.orgs[o].lists...)
		}
		slices.SortFunc(candidates, s.byName)
	}
	p := pagingOf(q)
	wildcard := strings.ToLower(strings.TrimSpace(q.Get("filter[wildcard_search]")))
	var page []int32
	total := 0
	from := int64(p.page-1) * int64(p.perPage)
	for i := range candidates {
		l := candidates[i]
		if desc {
			l = candidates[len(candidates)-1-i]
		}
		if wildcard != "" && !strings.Contains(s.lists[l].search, wildcard) {
			continue
		}
		if n := int64(total); n >= from && n < from+int64(p.perPage) {
			page = append(page, l)
		}
		total++
	}
	docs := make([]*memberListDoc, len(page))
	for i, l := range page {
		docs[i] = s.memberListDoc(l)
	}
	writeDocument(x.w, http.StatusOK, docs, []string{"account_list_users"}, p.meta(total))
	return nil
}

// searchedOrgs are the organizations a search names, each administered by u.
func (srv *Server) searchedOrgs(u *user, filter string) ([]int32, *apiError) {
	if strings.TrimSpace(filter) == "" {
		orgs := srv.store.administers(u)
		if len(orgs) == 0 {
			return nil, errForbidden
		}
		return orgs, nil
	}
	var orgs []int32
	for _, id := range strings.Split(filter, ",") {
		o, ok := srv.store.org(strings.ToLower(strings.TrimSpace(id)))
		if !ok || !srv.isAdmin(u, o) {
			return nil, errForbidden
		}
		if !slices.Contains(orgs, o) {
			orgs = append(orgs, o)
		}
	}
	return orgs, nil
}

// byName orders account lists for sort=name.
func (s *store) byName(a, b int32) int {
	if k := strings.Compare(s.lists[a].sortKey, s.lists[b].sortKey); k != 0 {
		return k
	}
	return strings.Compare(s.lists[a].id, s.lists[b].id)
}

func (s *store) memberListDoc(l int32) *memberListDoc {
	list := &s.lists[l]
	doc := &memberListDoc{ID: list.id, Name: list.name, Users: make([]*accountListUserDoc, len(list.users))}
	for i, u := range list.users {
		usr := &s.users[u]
		emails := make([]emailJSON, len(usr.emails))
		for n, e := range usr.emails {
			emails[n] = emailJSON{ID: e.id, Email: e.email, Primary: e.primary}
		}
		doc.Users[i] = &accountListUserDoc{ID: list.memberIDs[i], FirstName: usr.first, LastName: usr.last, UserID: usr.id, Emails: emails}
	}
	return doc
}
