package mpdx

import (
	"encoding/json"
	"strings"
)

// document is a JSON:API request body with one resource.
type document struct {
	Data resource `json:"data"`
}

// resource is a JSON:API resource object, attributes kept raw until a reader picks the
// ones it needs: one odd attribute does not lose the document.
type resource struct {
	ID            string                     `json:"id,omitempty"`
	Type          string                     `json:"type"`
	Attributes    map[string]any             `json:"attributes,omitempty"`
	Relationships map[string]json.RawMessage `json:"relationships,omitempty"`
}

// text is an attribute as a string ("" when absent or not a string).
func (r resource) text(key string) string {
	s, _ := r.Attributes[key].(string)
	return s
}

// emailAddress is one of a user's addresses; the Key/Relay one is marked primary.
type emailAddress struct {
	ID      string `json:"id"`
	Email   string `json:"email"`
	Primary bool   `json:"primary"`
}

// user is GET /user's answer, its email addresses read from included.
type user struct {
	ID     string
	First  string
	Last   string
	Emails []emailAddress
}

func (u user) name() string { return strings.TrimSpace(u.First + " " + u.Last) }

func (u user) primaryEmail() string {
	for _, e := range u.Emails {
		if e.Primary {
			return e.Email
		}
	}
	if len(u.Emails) > 0 {
		return u.Emails[0].Email
	}
	return ""
}

// userDocument reads {"data":{users},"included":[email_addresses…]}.
func userDocument(body []byte) (user, error) {
	var doc struct {
		Data     resource   `json:"data"`
		Included []resource `json:"included"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return user{}, err
	}
	u := user{ID: doc.Data.ID, First: doc.Data.text("first_name"), Last: doc.Data.text("last_name")}
	for _, inc := range doc.Included {
		if inc.Type == "email_addresses" {
			primary, _ := inc.Attributes["primary"].(bool)
			u.Emails = append(u.Emails, emailAddress{ID: inc.ID, Email: inc.text("email"), Primary: primary})
		}
	}
	return u, nil
}
