package mpdx

import (
	"net/http"
	"slices"
	"time"
)

// accountListDoc is an account_lists resource as its users read it.
type accountListDoc struct {
	ID            string    `jsonapi:"primary,account_lists"`
	Name          string    `jsonapi:"attr,name"`
	Currency      string    `jsonapi:"attr,currency"`
	CreatedAt     time.Time `jsonapi:"attr,created_at,rfc3339"`
	UpdatedAt     time.Time `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt time.Time `jsonapi:"attr,updated_in_db_at,rfc3339"`
}

// accountListRef is an account list named by a relationship, without its attributes.
type accountListRef struct {
	ID string `jsonapi:"primary,account_lists"`
}

func (l *accountList) doc() *accountListDoc {
	return &accountListDoc{ID: l.id, Name: l.name, Currency: "USD", CreatedAt: l.created, UpdatedAt: l.created, UpdatedInDBAt: l.created}
}

// listAccountLists is GET /api/v2/account_lists: the caller's account lists, in the
// order they joined them, paged (seen: meta.pagination).
func listAccountLists(x *exchange) *apiError {
	p := pagingOf(x.r.URL.Query())
	lists := pageOf(p, x.u.lists)
	docs := make([]*accountListDoc, len(lists))
	for i, l := range lists {
		docs[i] = x.srv.store.lists[l].doc()
	}
	writeDocument(x.w, http.StatusOK, docs, nil, p.meta(len(x.u.lists)))
	return nil
}

// getAccountList is GET /api/v2/account_lists/{accountListId}.
func getAccountList(x *exchange) *apiError {
	l, err := x.ownList()
	if err != nil {
		return err
	}
	writeDocument(x.w, http.StatusOK, x.srv.store.lists[l].doc(), nil, nil)
	return nil
}

// ownList is the account list the path names, which the caller must belong to: an
// unknown id is ActiveRecord's 404, another user's list Pundit's 403 (seen).
func (x *exchange) ownList() (int32, *apiError) {
	id := x.r.PathValue("accountListId")
	l, ok := x.srv.store.list(id)
	if !ok {
		return 0, errNotFound("AccountList", id)
	}
	if !slices.Contains(x.srv.store.lists[l].users, x.srv.store.userBy[x.u.id]) {
		return 0, errForbiddenRecord(id)
	}
	return l, nil
}
