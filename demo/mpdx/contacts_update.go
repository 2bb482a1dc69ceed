package mpdx

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// contactUpdate is the writable part of a contact; attributes left out stay as they are.
type contactUpdate struct {
	ID             string  `jsonapi:"primary,contacts"`
	Name           *string `jsonapi:"attr,name"`
	Status         *string `jsonapi:"attr,status"`
	Notes          *string `jsonapi:"attr,notes"`
	Starred        *bool   `jsonapi:"attr,starred"`
	SendNewsletter *string `jsonapi:"attr,send_newsletter"`
}

// updateContact is PUT (or PATCH) /api/v2/account_lists/{accountListId}/contacts/{contactId}
// with MPDX's optimistic lock (seen): attributes.updated_in_db_at must be sent and equal
// the contact's updated_at to the second, else 409 (with meta.updated_in_db_at, the
// current value, when stale). A data.id other than the URL's is 409 too (the demo's).
// The write sets updated_at to now, and at least a second past the old value, so that
// the old value is stale even on a frozen clock.
func updateContact(x *exchange) *apiError {
	l, err := x.ownList()
	if err != nil {
		return err
	}
	id := x.r.PathValue("contactId")
	var req contactUpdate
	env, err := readResource(x, "contacts", &req)
	if err != nil {
		return err
	}
	if env.Data.ID != "" && env.Data.ID != id {
		return errWrongID(env.Data.ID, id)
	}
	sent, hasLock := env.Data.Attributes["updated_in_db_at"]
	var doc *contactDoc
	x.srv.lists.with(x.srv.store, l, func(d *listData) {
		i, ok := d.byID[id]
		if !ok {
			err = errNotFound("Contact", id)
			return
		}
		c := &d.contacts[i]
		if err = checkLock(sent, hasLock, c.updated); err != nil {
			return
		}
		apply(c, &req)
		c.updated = later(x.now.UTC().Truncate(time.Second), c.updated.Add(time.Second))
		doc = c.doc(x.srv.store.lists[l].id)
	})
	if err != nil {
		return err
	}
	writeDocument(x.w, http.StatusOK, doc, nil, nil)
	return nil
}

// checkLock compares the updated_in_db_at sent (an RFC 3339 string, or Unix seconds as a
// number) with the record's, to the second.
func checkLock(sent json.RawMessage, present bool, current time.Time) *apiError {
	if !present || string(sent) == "null" {
		return errStaleMissing
	}
	var at time.Time
	var s string
	if json.Unmarshal(sent, &s) == nil {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return errBadAttribute("updated_in_db_at", "updated_in_db_at is not a time: "+s)
		}
		at = t
	} else if secs, err := strconv.ParseFloat(string(sent), 64); err == nil {
		at = time.Unix(int64(secs), 0)
	} else {
		return errBadAttribute("updated_in_db_at", "updated_in_db_at is not a time")
	}
	if at.Unix() != current.Unix() {
		return errStale(current)
	}
	return nil
}

func apply(c *contact, u *contactUpdate) {
	if u.Name != nil {
		c.name = *u.Name
	}
	if u.Status != nil {
		c.status = *u.Status
	}
	if u.Notes != nil {
		c.notes = *u.Notes
	}
	if u.Starred != nil {
		c.starred = *u.Starred
	}
	if u.SendNewsletter != nil {
		c.sendNewsletter = *u.SendNewsletter
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
