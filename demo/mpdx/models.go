package mpdx

import "time"

// user is an MPDX user: an operator (staff), a fixed member or a generated one. Users are
// read-only once seeded.
type user struct {
	id          string // uuid
	first, last string
	emails      []emailAddress // the Key/Relay emails, the primary first
	lists       []int32        // account lists the user belongs to, in order of seeding
	created     time.Time
	locale      string
	staff       bool // a demo operator: its JWTs are operator tokens, never impersonation
}

// emailAddress is one of a user's Key or Relay emails.
type emailAddress struct {
	id      string
	email   string // lower case
	primary bool
	created time.Time
}

// accountList is what MPDX users share their contacts and donations through: one or
// more users, in one organization.
type accountList struct {
	id, name  string
	org       int32
	users     []int32  // the users, in order of joining
	memberIDs []string // the account_list_users' ids, parallel to users
	created   time.Time
	sortKey   string // the lower-cased name, for sort=name
	search    string // lower-cased name, users' names and emails: what wildcard_search matches
}

// organization holds account lists; its admins may search them and impersonate their
// users.
type organization struct {
	id, name string
	admins   []int32 // users
	lists    []int32 // account lists, by sortKey then id
}

// store is everything seeded, read-only once built; contacts and donations live in
// listData, generated on first use.
type store struct {
	users  []user // staff first, then fixed members, then generated ones
	lists  []accountList
	orgs   []organization
	userBy map[string]int32 // by uuid
	listBy map[string]int32 // by uuid
	orgBy  map[string]int32 // by uuid
	email  map[string]int32 // lower-cased email → the first user seeded with it
	seed   uint64
}

func (s *store) user(id string) (*user, bool) {
	i, ok := s.userBy[id]
	if !ok {
		return nil, false
	}
	return &s.users[i], true
}

func (s *store) list(id string) (int32, bool) {
	i, ok := s.listBy[id]
	return i, ok
}

func (s *store) org(id string) (int32, bool) {
	i, ok := s.orgBy[id]
	return i, ok
}

// inOrg says whether user u has an account list in organization org: MPDX's "user of the
// organization".
func (s *store) inOrg(u *user, org int32) bool {
	for _, l := range u.lists {
		if s.lists[l].org == org {
			return true
		}
	}
	return false
}

// administers lists the organizations u administers, in seeded order.
func (s *store) administers(u *user) []int32 {
	var out []int32
	for i := range s.orgs {
		for _, a := range s.orgs[i].admins {
			if s.users[a].id == u.id {
				out = append(out, int32(i))
			}
		}
	}
	return out
}

// primaryEmail is u's primary email, "" for none.
func (u *user) primaryEmail() string {
	for _, e := range u.emails {
		if e.primary {
			return e.email
		}
	}
	return ""
}
