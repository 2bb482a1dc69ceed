package mpdx

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/jsonapi"
)

func searchPath(params map[string]string) string {
	q := url.Values{}
	for k, v := range params {
		q.Set(k, v)
	}
	return "/api/v2/organizations/account_lists?" + q.Encode()
}

// searchResult is the member search's answer as the console reads it.
type searchResult struct {
	Data []struct {
		ID, Type      string
		Attributes    struct{ Name string }
		Relationships struct {
			Users struct {
				Data []struct{ ID, Type string }
			} `json:"account_list_users"`
		}
	}
	Included []struct {
		ID, Type   string
		Attributes struct {
			FirstName string      `json:"user_first_name"`
			LastName  string      `json:"user_last_name"`
			UserID    string      `json:"user_id"`
			Emails    []emailJSON `json:"user_email_addresses"`
		}
	}
	Meta struct{ Pagination pagination }
}

func (h *harness) search(params map[string]string) searchResult {
	h.t.Helper()
	var out searchResult
	h.get(h.srv.OperatorToken(), searchPath(params)).wantStatus(h.t, http.StatusOK).decode(h.t, &out)
	return out
}

func (s searchResult) userIDs() []string {
	var out []string
	for _, inc := range s.Included {
		out = append(out, inc.Attributes.UserID)
	}
	return out
}

func TestSearchFindsAdaWithHerUsersIncluded(t *testing.T) {
	h := newHarness(t, Options{})
	for _, wildcard := range []string{"lovelace", "LoveLace", "ada.lovelace@mpdx", "relay.mpdx.example", "Analytical Engine"} {
		res := h.search(map[string]string{"filter[organization_id]": CruDemoID, "filter[wildcard_search]": wildcard, "sort": "name"})
		if !slices.Contains(res.userIDs(), AdaUserID) {
			t.Errorf("%q does not find Ada: %+v", wildcard, res)
		}
	}
	res := h.search(map[string]string{"filter[organization_id]": CruDemoID, "filter[wildcard_search]": "lovelace"})
	if len(res.Data) != 2 || res.Data[0].Attributes.Name != "Analytical Engine Fund" || res.Data[1].Attributes.Name != "Lovelace, Ada" {
		t.Fatalf("Ada's two account lists by name: %+v", res.Data)
	}
	// One account_list_user per list Ada belongs to, in the order the lists refer to them.
	if len(res.Included) != 2 || !slices.Equal(res.userIDs(), []string{AdaUserID, AdaUserID}) {
		t.Fatalf("included %+v", res.Included)
	}
	for i, l := range res.Data {
		ada := res.Included[i]
		if ada.Type != "account_list_users" || ada.Attributes.FirstName != "Ada" || ada.Attributes.LastName != "Lovelace" ||
			!reflect.DeepEqual(ada.Attributes.Emails, []emailJSON{{ID: ada.Attributes.Emails[0].ID, Email: AdaEmail, Primary: true},
				{ID: ada.Attributes.Emails[1].ID, Email: AdaRelay}}) {
			t.Errorf("Ada %+v", ada)
		}
		if l.Type != "account_lists" || len(l.Relationships.Users.Data) != 1 || l.Relationships.Users.Data[0].ID != ada.ID ||
			l.Relationships.Users.Data[0].Type != "account_list_users" {
			t.Errorf("list %+v", l)
		}
	}
	if res.Meta.Pagination != (pagination{Page: 1, PerPage: 25, TotalCount: 2, TotalPages: 1}) {
		t.Errorf("pagination %+v", res.Meta.Pagination)
	}
}

// The couple sharing an email come as one account list with two users.
func TestSearchCoupleAndSharedEmail(t *testing.T) {
	h := newHarness(t, Options{})
	res := h.search(map[string]string{"filter[wildcard_search]": SharedEmail})
	if len(res.Data) != 1 || !slices.Equal(res.userIDs(), []string{SharedFirstUserID, SharedSecondUserID}) ||
		len(res.Data[0].Relationships.Users.Data) != 2 {
		t.Fatalf("%+v", res)
	}
}

func TestSearchPagesThroughTheOrganizationByName(t *testing.T) {
	h := newHarness(t, Options{Members: 400})
	var names []string
	seen := map[string]bool{}
	total := -1
	for page := 1; ; page++ {
		res := h.search(map[string]string{"filter[organization_id]": CruDemoID, "sort": "name", "page": itoa(int64(page)), "per_page": "50"})
		p := res.Meta.Pagination
		if total == -1 {
			total = p.TotalCount
		}
		if p.Page != page || p.PerPage != 50 || p.TotalCount != total || p.TotalPages != (total+49)/50 {
			t.Fatalf("page %d: %+v", page, p)
		}
		if len(res.Data) == 0 {
			break
		}
		for _, l := range res.Data {
			if seen[l.ID] {
				t.Fatalf("%s twice", l.ID)
			}
			seen[l.ID] = true
			names = append(names, strings.ToLower(l.Attributes.Name))
		}
	}
	if len(names) != total || total < 300 {
		t.Fatalf("%d lists over the pages, total_count %d", len(names), total)
	}
	if !slices.IsSorted(names) {
		t.Error("not sorted by name")
	}
	// -name is the reverse; the outsider's organization is not in Cru Demo's.
	res := h.search(map[string]string{"filter[organization_id]": CruDemoID, "sort": "-name", "per_page": "1"})
	if strings.ToLower(res.Data[0].Attributes.Name) != names[len(names)-1] {
		t.Errorf("-name starts with %q", res.Data[0].Attributes.Name)
	}
	if r := h.search(map[string]string{"filter[wildcard_search]": OutsiderEmail}); len(r.Data) != 0 || r.Meta.Pagination.TotalPages != 0 {
		t.Errorf("outsider found: %+v", r)
	}
	// Defaults and lenient paging: per_page 25, a page past the end is empty.
	res = h.search(map[string]string{"page": "x", "per_page": "-3"})
	if res.Meta.Pagination.Page != 1 || res.Meta.Pagination.PerPage != DefaultPerPage || len(res.Data) != DefaultPerPage {
		t.Errorf("defaults %+v", res.Meta.Pagination)
	}
	res = h.search(map[string]string{"page": "9999999999", "per_page": "100000"})
	if len(res.Data) != 0 || res.Meta.Pagination.PerPage != MaxPerPage || res.Included != nil {
		t.Errorf("past the end %+v", res.Meta.Pagination)
	}
	h.get(h.srv.OperatorToken(), searchPath(map[string]string{"sort": "created_at"})).
		wantBody(t, 400, `{"errors":[{"status":"400","title":"Bad Request","detail":"Sorting by 'created_at' is not supported","source":{"parameter":"sort"}}]}`)
}

// Only an admin of every organization named may search.
func TestSearchNeedsTheOrganizationsAdmin(t *testing.T) {
	h := newHarness(t, Options{})
	const forbidden = `{"errors":[{"status":"403","title":"Forbidden"}]}`
	member := h.signIn(MemberEmail, MemberPassword)
	h.get(member, searchPath(map[string]string{"filter[organization_id]": CruDemoID})).wantBody(t, 403, forbidden)
	h.get(member, searchPath(nil)).wantBody(t, 403, forbidden)
	ada := h.impersonationToken(AdaUserID)
	h.get(ada, searchPath(nil)).wantBody(t, 403, forbidden)
	op := h.srv.OperatorToken()
	for _, orgs := range []string{ElsewhereOrgID, CruDemoID + "," + ElsewhereOrgID, "nosuch"} {
		h.get(op, searchPath(map[string]string{"filter[organization_id]": orgs})).wantBody(t, 403, forbidden)
	}
	h.get("", searchPath(nil)).wantBody(t, 401, unauthorized)
	// The same organization twice, with spaces, is searched once.
	res := h.search(map[string]string{"filter[organization_id]": CruDemoID + ", " + CruDemoID, "filter[wildcard_search]": "lovelace"})
	if res.Meta.Pagination.TotalCount != 2 {
		t.Errorf("%+v", res.Meta.Pagination)
	}
}

func TestOrganizationsOfTheAdmin(t *testing.T) {
	h := newHarness(t, Options{})
	h.get(h.srv.OperatorToken(), "/api/v2/organizations").
		wantBody(t, 200, `{"data":[{"id":"`+CruDemoID+`","type":"organizations","attributes":{"name":"Cru Demo"}}]}`)
	h.get(h.signIn(MemberEmail, MemberPassword), "/api/v2/organizations").wantBody(t, 200, `{"data":[]}`)
	h.get("", "/api/v2/organizations").wantBody(t, 401, unauthorized)
}

// The library unmarshals the search answer into tagged models, users through "included".
func TestSearchThroughHashicorpJSONAPI(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.get(h.srv.OperatorToken(), searchPath(map[string]string{"filter[wildcard_search]": "shared"})).wantStatus(t, 200)
	type alu struct {
		ID        string      `jsonapi:"primary,account_list_users"`
		FirstName string      `jsonapi:"attr,user_first_name"`
		UserID    string      `jsonapi:"attr,user_id"`
		Emails    []emailJSON `jsonapi:"attr,user_email_addresses"`
	}
	type list struct {
		ID    string `jsonapi:"primary,account_lists"`
		Name  string `jsonapi:"attr,name"`
		Users []*alu `jsonapi:"relation,account_list_users"`
	}
	models, err := jsonapi.UnmarshalManyPayload(bytes.NewReader(r.body), reflect.TypeOf(new(list)))
	if err != nil || len(models) != 1 {
		t.Fatalf("%v %d", err, len(models))
	}
	l := models[0].(*list)
	if l.Name != "Shared, Casey and Robin" || len(l.Users) != 2 || l.Users[0].UserID != SharedFirstUserID ||
		l.Users[1].FirstName != "Robin" || len(l.Users[1].Emails) != 2 || l.Users[1].Emails[0].Email != SharedEmail {
		raw, _ := json.Marshal(l)
		t.Errorf("%s", raw)
	}
}

// An admin of both organizations searches both at once, merged by name.
func TestSearchAcrossOrganizations(t *testing.T) {
	h := newHarness(t, Options{})
	s := h.srv.store
	s.orgs[s.orgBy[ElsewhereOrgID]].admins = append(s.orgs[s.orgBy[ElsewhereOrgID]].admins, s.userBy[OrgAdminUserID])
	both := h.search(map[string]string{"filter[organization_id]": CruDemoID + "," + ElsewhereOrgID, "per_page": "500"})
	demo := h.search(map[string]string{"filter[organization_id]": CruDemoID, "per_page": "500"})
	all := h.search(map[string]string{"per_page": "500"}) // every organization administered
	if both.Meta.Pagination.TotalCount != len(s.lists) || all.Meta.Pagination.TotalCount != len(s.lists) ||
		demo.Meta.Pagination.TotalCount >= len(s.lists) {
		t.Fatalf("both %d, all %d, demo %d of %d", both.Meta.Pagination.TotalCount, all.Meta.Pagination.TotalCount,
			demo.Meta.Pagination.TotalCount, len(s.lists))
	}
	var names []string
	for _, l := range both.Data {
		names = append(names, strings.ToLower(l.Attributes.Name))
	}
	if !slices.IsSorted(names) || !slices.Contains(both.userIDs(), OutsiderUserID) {
		t.Error("not merged by name, or the outsider is missing")
	}
	// Impersonating the outsider is Cru Elsewhere's business only.
	h.impersonate(h.srv.OperatorToken(), ElsewhereOrgID, OutsiderUserID).wantStatus(t, http.StatusOK)
	h.impersonate(h.srv.OperatorToken(), CruDemoID, OutsiderUserID).wantStatus(t, http.StatusNotFound)
}
