package mpdx

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// userAnswer is GET /api/v2/user as the console reads it.
type userAnswer struct {
	Data struct {
		ID, Type      string
		Attributes    map[string]any
		Relationships map[string]struct {
			Data []struct{ ID, Type string }
		}
	}
	Included []struct {
		ID, Type   string
		Attributes struct {
			Email   string
			Primary bool
		}
	}
}

// The impersonation token acts as the user: GET /api/v2/user is them, with their emails in
// included on ?include=email_addresses, and the id matches the answer's and the JWT's.
func TestImpersonationTokenIsTheUser(t *testing.T) {
	h := newHarness(t, Options{})
	token := h.impersonationToken(AdaEmail)
	var me userAnswer
	h.get(token, "/api/v2/user").wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != AdaUserID || me.Data.Type != "users" || me.Data.Attributes["first_name"] != "Ada" ||
		me.Data.Attributes["last_name"] != "Lovelace" || me.Included != nil || me.Data.Attributes["email"] != nil {
		t.Fatalf("me %+v", me)
	}
	for _, k := range []string{"preferences", "created_at", "updated_at", "updated_in_db_at"} {
		if _, ok := me.Data.Attributes[k]; !ok {
			t.Errorf("no %s", k)
		}
	}
	if len(me.Data.Relationships["email_addresses"].Data) != 2 || len(me.Data.Relationships["account_lists"].Data) != 2 {
		t.Errorf("relationships %+v", me.Data.Relationships)
	}
	h.get(token, "/api/v2/user?include=email_addresses").wantStatus(t, 200).decode(t, &me)
	if len(me.Included) != 2 || me.Included[0].Type != "email_addresses" || me.Included[0].Attributes.Email != AdaEmail ||
		!me.Included[0].Attributes.Primary || me.Included[1].Attributes.Email != AdaRelay || me.Included[1].Attributes.Primary ||
		me.Included[0].ID != me.Data.Relationships["email_addresses"].Data[0].ID {
		t.Errorf("included %+v", me.Included)
	}
	var both userAnswer // included follow the relationships, by name
	h.get(token, "/api/v2/user?include=email_addresses,account_lists,nosuch").wantStatus(t, 200).decode(t, &both)
	if me := both; len(me.Included) != 4 || me.Included[0].Type != "account_lists" || me.Included[2].Type != "email_addresses" {
		t.Errorf("both included %+v", me.Included)
	}
	// The legacy claim user_uuid is accepted.
	legacy := h.srv.SignToken(Claims{UserUUID: AdaUserID, Exp: jwt.NewNumericDate(testNow.Add(time.Minute))})
	h.get(legacy, "/api/v2/user").wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != AdaUserID {
		t.Errorf("legacy %s", me.Data.ID)
	}
}

// A token reaches only its user's account lists, contacts and donations.
func TestImpersonationTokenReachesOnlyTheUsersData(t *testing.T) {
	h := newHarness(t, Options{})
	ada := h.impersonationToken(AdaUserID)
	lists, p := h.get(ada, "/api/v2/account_lists").wantStatus(t, 200).list(t)
	if len(lists) != 2 || p != (pagination{Page: 1, PerPage: 25, TotalCount: 2, TotalPages: 1}) || lists[0].Type != "account_lists" ||
		lists[0].Attributes["name"] != "Lovelace, Ada" {
		t.Fatalf("lists %+v %+v", lists, p)
	}
	if page2, p := h.get(ada, "/api/v2/account_lists?per_page=1&page=2").list(t); len(page2) != 1 || page2[0].ID != lists[1].ID || p.TotalPages != 2 {
		t.Errorf("paged %+v %+v", page2, p)
	}
	own := lists[0].ID
	h.get(ada, "/api/v2/account_lists/"+own).wantStatus(t, 200)
	contacts, cp := h.get(ada, "/api/v2/account_lists/"+own+"/contacts?per_page=100").wantStatus(t, 200).list(t)
	if len(contacts) < 3 || cp.TotalCount != len(contacts) || contacts[0].Type != "contacts" {
		t.Fatalf("contacts %d %+v", len(contacts), cp)
	}
	var link struct{ ID, Type string }
	_ = json.Unmarshal(contacts[0].Relationships["account_list"].Data, &link)
	if link.ID != own || link.Type != "account_lists" {
		t.Errorf("contact's account list %+v", link)
	}
	h.get(ada, "/api/v2/account_lists/"+own+"/contacts/"+contacts[0].ID).wantStatus(t, 200)
	donations, _ := h.get(ada, "/api/v2/account_lists/"+own+"/donations?per_page=500").wantStatus(t, 200).list(t)
	for _, d := range donations {
		var c struct{ ID string }
		_ = json.Unmarshal(d.Relationships["contact"].Data, &c)
		if !slices.Contains(ids(contacts), c.ID) || d.Type != "donations" {
			t.Fatalf("donation %+v of another list's contact", d)
		}
	}

	// Another user's list: 403 naming it; an unknown one: 404.
	escape := h.impersonationToken(EscapeUserID)
	forbidden := `{"errors":[{"status":"403","title":"Forbidden","detail":"Not allowed to perform that action on the resource with ID ` + own + `"}]}`
	for _, path := range []string{"", "/contacts", "/donations", "/contacts/" + contacts[0].ID} {
		h.get(escape, "/api/v2/account_lists/"+own+path).wantBody(t, 403, forbidden)
		h.get(h.srv.OperatorToken(), "/api/v2/account_lists/"+own+path).wantBody(t, 403, forbidden)
	}
	h.do(request{method: "PUT", path: "/api/v2/account_lists/" + own + "/contacts/" + contacts[0].ID, auth: escape,
		body: resource("contacts", map[string]any{"name": "x"})}).wantBody(t, 403, forbidden)
	h.get(ada, "/api/v2/account_lists/nosuch/contacts").
		wantBody(t, 404, `{"errors":[{"status":"404","title":"Not Found","detail":"Couldn't find AccountList with 'id'=nosuch"}]}`)
	h.get(ada, "/api/v2/account_lists/"+own+"/contacts/nosuch").
		wantBody(t, 404, `{"errors":[{"status":"404","title":"Not Found","detail":"Couldn't find Contact with 'id'=nosuch"}]}`)
	var mine struct{ Data []struct{ ID string } }
	h.get(escape, "/api/v2/account_lists").decode(t, &mine)
	if len(mine.Data) != 1 || mine.Data[0].ID == own {
		t.Errorf("escape's lists %+v", mine)
	}
	// The couple share their list.
	casey, robin := h.impersonationToken(SharedFirstUserID), h.impersonationToken(SharedSecondUserID)
	var shared struct{ Data []struct{ ID string } }
	h.get(casey, "/api/v2/account_lists").decode(t, &shared)
	h.get(robin, "/api/v2/account_lists/"+shared.Data[0].ID+"/contacts").wantStatus(t, 200)
}

// The token is 401 after exp, on the server's clock; the lifetime can be shortened.
func TestImpersonationTokenExpires(t *testing.T) {
	h := newHarness(t, Options{})
	token := h.impersonationToken(AdaUserID)
	h.clock.Advance(time.Hour - time.Second) // valid while before exp
	h.get(token, "/api/v2/user").wantStatus(t, 200)
	h.clock.Advance(time.Second) // at exp
	h.get(token, "/api/v2/user").wantBody(t, 401, unauthorized)
	h.get(token, "/api/v2/account_lists").wantBody(t, 401, unauthorized)
	h.get(h.srv.OperatorToken(), "/api/v2/user").wantStatus(t, 200) // the operator goes on

	short := newHarness(t, Options{ImpersonationLifetime: 5 * time.Minute})
	token = short.impersonationToken(AdaUserID)
	if _, claims := jwtParts(t, token); claims != `{"user_id":"`+AdaUserID+`","exp":`+itoa(testNow.Add(5*time.Minute).Unix())+`}` {
		t.Errorf("claims %s", claims)
	}
	short.clock.Advance(5 * time.Minute)
	short.get(token, "/api/v2/user").wantBody(t, 401, unauthorized)
	short.srv.SetImpersonationLifetime(0) // back to the hour
	token = short.impersonationToken(AdaUserID)
	short.clock.Advance(30 * time.Minute)
	short.get(token, "/api/v2/user").wantStatus(t, http.StatusOK)
}
