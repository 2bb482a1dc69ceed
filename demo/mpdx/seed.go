package mpdx

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// builder assembles the store: users, their account lists and the organizations.
type builder struct {
	s *store
}

func newBuilder(seed uint64, members int) *builder {
	s := &store{
		users:  make([]user, 0, members+2),
		lists:  make([]accountList, 0, members+members/8),
		userBy: make(map[string]int32, members+2),
		listBy: make(map[string]int32, members+members/8),
		orgBy:  map[string]int32{},
		email:  make(map[string]int32, members+members/4),
		seed:   seed,
	}
	return &builder{s: s}
}

// seedStore builds the staff, the fixed members and members-len(fixed) generated ones (at
// least the fixed) from seed.
func seedStore(members int, seed uint64) *store {
	b := newBuilder(seed, members)
	b.addOrg(CruDemoID, CruDemoName)
	b.addOrg(ElsewhereOrgID, ElsewhereOrgName)
	b.addFixed()
	b.addGenerated(members-fixedMemberCount(), seed)
	return b.finish()
}

func (b *builder) addOrg(id, name string) int32 {
	b.s.orgs = append(b.s.orgs, organization{id: id, name: name})
	i := int32(len(b.s.orgs) - 1)
	b.s.orgBy[id] = i
	return i
}

// addUser adds u with its emails (the first is primary), each id drawn from idSeed.
func (b *builder) addUser(u user, idSeed uint64, emails ...string) int32 {
	i := int32(len(b.s.users))
	u.emails = make([]emailAddress, len(emails))
	for n, e := range emails {
		e = strings.ToLower(e)
		u.emails[n] = emailAddress{id: uuidOf(idSeed, "email", u.id+"#"+strconv.Itoa(n)), email: e, primary: n == 0, created: u.created}
		if _, taken := b.s.email[e]; !taken {
			b.s.email[e] = i // the first user seeded with an email is the one it finds
		}
	}
	b.s.users = append(b.s.users, u)
	b.s.userBy[u.id] = i
	return i
}

// addList opens an account list in org with its first user.
func (b *builder) addList(id, name string, org, first int32, created time.Time, idSeed uint64) int32 {
	i := int32(len(b.s.lists))
	b.s.lists = append(b.s.lists, accountList{id: id, name: name, org: org, created: created})
	b.s.listBy[id] = i
	b.join(i, first, idSeed)
	return i
}

// join adds user u to account list l as an account_list_user.
func (b *builder) join(l, u int32, idSeed uint64) {
	list, usr := &b.s.lists[l], &b.s.users[u]
	list.users = append(list.users, u)
	list.memberIDs = append(list.memberIDs, uuidOf(idSeed, "account_list_user", list.id+"/"+usr.id))
	usr.lists = append(usr.lists, l)
}

// finish indexes what searches need: each list's search text and each organization's
// lists by name.
func (b *builder) finish() *store {
	s := b.s
	var sb strings.Builder
	for i := range s.lists {
		l := &s.lists[i]
		sb.Reset()
		sb.WriteString(l.name)
		for _, u := range l.users {
			usr := &s.users[u]
			sb.WriteString("\n" + usr.first + "\n" + usr.last)
			for _, e := range usr.emails {
				sb.WriteString("\n" + e.email)
			}
		}
		l.sortKey = strings.ToLower(l.name)
		l.search = strings.ToLower(sb.String())
		s.orgs[l.org].lists = append(s.orgs[l.org].lists, int32(i))
	}
	for i := range s.orgs {
		slices.SortFunc(s.orgs[i].lists, s.byName)
	}
	return s
}

// listName is how MPDX names a user's account list by default: "Last, First".
func listName(first, last string) string {
	if last == "" {
		return first
	}
	return last + ", " + first
}
