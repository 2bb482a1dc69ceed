package mpdx

import (
	"net/http"
	"strings"
	"time"
)

// userDoc is GET /api/v2/user's resource (seen): no email attribute; the emails are a
// relationship, in "included" with ?include=email_addresses.
type userDoc struct {
	ID             string            `jsonapi:"primary,users"`
	FirstName      string            `jsonapi:"attr,first_name"`
	LastName       string            `jsonapi:"attr,last_name"`
	Preferences    map[string]any    `jsonapi:"attr,preferences"`
	CreatedAt      time.Time         `jsonapi:"attr,created_at,rfc3339"`
	UpdatedAt      time.Time         `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt  time.Time         `jsonapi:"attr,updated_in_db_at,rfc3339"`
	EmailAddresses []*emailDoc       `jsonapi:"relation,email_addresses"`
	AccountLists   []*accountListDoc `jsonapi:"relation,account_lists"`
}

// emailDoc is an email_addresses resource.
type emailDoc struct {
	ID            string    `jsonapi:"primary,email_addresses"`
	Email         string    `jsonapi:"attr,email"`
	Primary       bool      `jsonapi:"attr,primary"`
	CreatedAt     time.Time `jsonapi:"attr,created_at,rfc3339"`
	UpdatedAt     time.Time `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt time.Time `jsonapi:"attr,updated_in_db_at,rfc3339"`
}

// getUser is GET /api/v2/user: the user the token acts as. ?include= names the
// relationships to put in "included" (email_addresses, account_lists); others are
// ignored (the demo's).
func getUser(x *exchange) *apiError {
	u, s := x.u, x.srv.store
	doc := &userDoc{ID: u.id, FirstName: u.first, LastName: u.last, CreatedAt: u.created, UpdatedAt: u.created,
		UpdatedInDBAt: u.created, Preferences: map[string]any{"locale": u.locale, "time_zone": "UTC", "default_account_list": nil},
		EmailAddresses: make([]*emailDoc, len(u.emails)), AccountLists: make([]*accountListDoc, len(u.lists))}
	for i, e := range u.emails {
		doc.EmailAddresses[i] = &emailDoc{ID: e.id, Email: e.email, Primary: e.primary, CreatedAt: e.created,
			UpdatedAt: e.created, UpdatedInDBAt: e.created}
	}
	for i, l := range u.lists {
		doc.AccountLists[i] = s.lists[l].doc()
	}
	if len(u.lists) > 0 {
		doc.Preferences["default_account_list"] = s.lists[u.lists[0]].id
	}
	writeDocument(x.w, http.StatusOK, doc, includes(x.r), nil)
	return nil
}

// includes are the types ?include= names (comma-separated).
func includes(r *http.Request) []string {
	var out []string
	for _, s := range strings.Split(r.URL.Query().Get("include"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
