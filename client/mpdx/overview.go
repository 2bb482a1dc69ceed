package mpdx

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"actas/client"
)

// overviewRows is how many rows of each list the member's view shows.
const overviewRows = 10

// Overview reads, as the member, their user, their account lists and the first list's
// recent contacts and donations. The session verifies again after the last read.
func (imp *Impersonation) Overview(ctx context.Context) (client.Overview, error) {
	u, err := imp.verified(ctx)
	if err != nil {
		return client.Overview{}, err
	}
	ov := client.Overview{Subject: imp.subject}
	emails := client.Section{Title: "Email addresses"}
	for _, e := range u.Emails {
		mark := ""
		if e.Primary {
			mark = "primary"
		}
		emails.Rows = append(emails.Rows, []string{e.Email, mark})
	}
	ov.Sections = append(ov.Sections, emails)
	if imp.role != "" {
		ov.Facts = append(ov.Facts, client.Fact{Label: "Impersonation role", Value: imp.role})
	}
	lists, err := imp.list(ctx, "/account_lists", url.Values{"per_page": {"10"}})
	if err != nil {
		return ov, err
	}
	ov.Sections = append(ov.Sections, rows("Account lists", lists, "name"))
	if len(lists) == 0 {
		return ov, nil
	}
	first := "/account_lists/" + url.PathEscape(lists[0].ID)
	contacts, err := imp.list(ctx, first+"/contacts", url.Values{"per_page": {"10"}})
	if err != nil {
		return ov, err
	}
	ov.Sections = append(ov.Sections, rows("Contacts of "+lists[0].text("name"), contacts, "name", "status"))
	donations, err := imp.list(ctx, first+"/donations", url.Values{"per_page": {"10"}})
	if err != nil {
		return ov, err
	}
	ov.Sections = append(ov.Sections, rows("Donations to "+lists[0].text("name"), donations, "donation_date", "amount", "currency"))
	return ov, nil
}

// list reads one JSON:API list as the member.
func (imp *Impersonation) list(ctx context.Context, path string, query url.Values) ([]resource, error) {
	resp, err := imp.exec(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Data []resource `json:"data"`
	}
	if err := json.Unmarshal(resp.Body(), &doc); err != nil {
		return nil, fmt.Errorf("%w: GET %s: %v", client.ErrMalformed, path, err)
	}
	return doc.Data, nil
}

// rows is a section of resources: the id, then the named attributes as text.
func rows(title string, items []resource, attrs ...string) client.Section {
	s := client.Section{Title: title, More: len(items) > overviewRows}
	for _, it := range items[:min(len(items), overviewRows)] {
		row := []string{it.ID}
		for _, a := range attrs {
			v := it.Attributes[a]
			if v == nil {
				row = append(row, "")
				continue
			}
			if text, ok := v.(string); ok {
				row = append(row, text)
			} else {
				row = append(row, fmt.Sprint(v))
			}
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}
