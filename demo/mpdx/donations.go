package mpdx

import (
	"net/http"
	"time"
)

// donationDoc is a donations resource; its contact is a relationship (linkage only).
type donationDoc struct {
	ID            string      `jsonapi:"primary,donations"`
	Amount        string      `jsonapi:"attr,amount"`
	Currency      string      `jsonapi:"attr,currency"`
	DonationDate  string      `jsonapi:"attr,donation_date"`
	PaymentMethod string      `jsonapi:"attr,payment_method"`
	CreatedAt     time.Time   `jsonapi:"attr,created_at,rfc3339"`
	UpdatedAt     time.Time   `jsonapi:"attr,updated_at,rfc3339"`
	UpdatedInDBAt time.Time   `jsonapi:"attr,updated_in_db_at,rfc3339"`
	Contact       *contactRef `jsonapi:"relation,contact"`
}

// contactRef is a contact named by a relationship, without its attributes.
type contactRef struct {
	ID string `jsonapi:"primary,contacts"`
}

// listDonations is GET /api/v2/account_lists/{accountListId}/donations: newest first,
// paged.
func listDonations(x *exchange) *apiError {
	l, err := x.ownList()
	if err != nil {
		return err
	}
	p := pagingOf(x.r.URL.Query())
	var docs []*donationDoc
	total := 0
	x.srv.lists.with(x.srv.store, l, func(d *listData) {
		total = len(d.donations)
		page := pageOf(p, d.donations)
		docs = make([]*donationDoc, len(page))
		for i, g := range page {
			docs[i] = &donationDoc{ID: g.id, Amount: g.amount, Currency: g.currency, DonationDate: g.date.Format(time.DateOnly),
				PaymentMethod: g.paymentMethod, CreatedAt: g.created, UpdatedAt: g.created, UpdatedInDBAt: g.created,
				Contact: &contactRef{ID: d.contacts[g.contact].id}}
		}
	})
	writeDocument(x.w, http.StatusOK, docs, nil, p.meta(total))
	return nil
}
