package mpdx

import (
	"net/http"
	"time"
)

// contactDoc is a contacts resource.
type contactDoc struct {
	ID              string          `jsonapi:"primary,contacts"`
	Name            string          `jsonapi:"attr,name"`
	Status          string          `jsonapi:"attr,status"`
	PledgeAmount    *string         `jsonapi:"attr,pledge_amount"`
	PledgeCurrency  *string         `jsonapi:"attr,pledge_currency"`
	PledgeFrequency *string         `jsonapi:"attr,pledge_frequency"`
	SendNewsletter  string          `jsonapi:"attr,send_newsletter"`
	Starred         bool            `jsonapi:"attr,starred"`
	Notes           string          `jsonapi:"attr,notes"`
	CreatedAt       time.Time       `jsonapi:"attr,created_at,rfc3339"`
	UpdatedAt       time.Time       `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt   time.Time       `jsonapi:"attr,updated_in_db_at,rfc3339"`
	AccountList     *accountListRef `jsonapi:"relation,account_list"`
}

func (c *contact) doc(list string) *contactDoc {
	d := &contactDoc{ID: c.id, Name: c.name, Status: c.status, SendNewsletter: c.sendNewsletter, Starred: c.starred,
		Notes: c.notes, CreatedAt: c.created, UpdatedAt: c.updated, UpdatedInDBAt: c.updated, AccountList: &accountListRef{ID: list}}
	if c.pledgeAmount != "" {
		amount, currency, frequency := c.pledgeAmount, c.pledgeCurrency, c.pledgeFrequency // copies: marshalled unlocked
		d.PledgeAmount, d.PledgeCurrency, d.PledgeFrequency = &amount, &currency, &frequency
	}
	return d
}

// listContacts is GET /api/v2/account_lists/{accountListId}/contacts: by name, paged.
func listContacts(x *exchange) *apiError {
	l, err := x.ownList()
	if err != nil {
		return err
	}
	p := pagingOf(x.r.URL.Query())
	list := x.srv.store.lists[l].id
	var docs []*contactDoc
	total := 0
	x.srv.lists.with(x.srv.store, l, func(d *listData) {
		total = len(d.contacts)
		page := pageOf(p, d.contacts)
		docs = make([]*contactDoc, len(page))
		for i := range page {
			docs[i] = page[i].doc(list)
		}
	})
	writeDocument(x.w, http.StatusOK, docs, nil, p.meta(total))
	return nil
}

// getContact is GET /api/v2/account_lists/{accountListId}/contacts/{contactId}.
func getContact(x *exchange) *apiError {
	l, err := x.ownList()
	if err != nil {
		return err
	}
	id := x.r.PathValue("contactId")
	var doc *contactDoc
	x.srv.lists.with(x.srv.store, l, func(d *listData) {
		if i, ok := d.byID[id]; ok {
			doc = d.contacts[i].doc(x.srv.store.lists[l].id)
		}
	})
	if doc == nil {
		return errNotFound("Contact", id)
	}
	writeDocument(x.w, http.StatusOK, doc, nil, nil)
	return nil
}
