package mpdx

import (
	"strings"
	"time"

	"actas/demo/internal/world"
)

// fixedSeed draws the ids of everything fixed (emails, account lists, their users), so
// that they do not depend on Options.Seed.
const fixedSeed = 0

// fixedMember is a fixed user as written: its emails (the primary first), its account
// lists' names in org ("" for one named after the user).
type fixedMember struct {
	id          string
	first, last string
	emails      []string
	org         string
	lists       []string
	created     time.Time
	locale      string
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }

// fixedMembers are the targets tests and docs name, then the world's non-Latin and
// accented people (ids drawn from theirs), all in Cru Demo but the outsider.
func fixedMembers() []fixedMember {
	out := []fixedMember{
		{id: AdaUserID, first: "Ada", last: "Lovelace", emails: []string{AdaEmail, AdaRelay}, org: CruDemoID,
			lists: []string{"", "Analytical Engine Fund"}, created: day(2019, 2, 10), locale: "en-GB"},
		{id: EscapeUserID, first: EscapeFirstName, last: EscapeLastName, emails: []string{EscapeEmail}, org: CruDemoID,
			lists: []string{""}, created: day(2019, 4, 1)},
		{id: LongNameUserID, first: LongFirstName(), last: LongLastName(), emails: []string{LongNameEmail}, org: CruDemoID,
			lists: []string{""}, created: day(2019, 4, 2)},
		// The shared-email couple share an account list too (addFixed joins the second).
		{id: SharedFirstUserID, first: "Casey", last: "Shared", emails: []string{SharedEmail}, org: CruDemoID,
			lists: []string{"Shared, Casey and Robin"}, created: day(2019, 4, 3)},
		{id: SharedSecondUserID, first: "Robin", last: "Shared", emails: []string{SharedEmail, "robin.shared@mpdx.example"},
			org: CruDemoID, created: day(2019, 4, 3)},
		{id: OutsiderUserID, first: "Oscar", last: "Outsider", emails: []string{OutsiderEmail}, org: ElsewhereOrgID,
			lists: []string{""}, created: day(2019, 4, 4)},
	}
	own := map[string]bool{world.OperatorID: true, world.ViewerID: true, world.MFAID: true, world.OperatorTargetID: true,
		world.AdaID: true, world.BlockedID: true, world.EscapeID: true, world.LongNameID: true}
	for _, p := range world.FixedPeople() {
		if own[p.ID] {
			continue // staff, Ada and the hostile names have MPDX's own; MPDX blocks nobody
		}
		out = append(out, fixedMember{id: uuidOf(fixedSeed, "user", p.ID), first: p.Given, last: p.Family,
			emails: []string{p.Email}, org: CruDemoID, lists: []string{""}, created: p.Registered, locale: p.Locale})
	}
	return out
}

// fixedMemberCount is how many members are fixed (the staff are not members).
func fixedMemberCount() int { return len(fixedMembers()) }

// addFixed seeds the two operators, then the fixed members.
func (b *builder) addFixed() {
	admin := b.addUser(user{id: OrgAdminUserID, first: "Orla", last: "Orgadmin", created: day(2018, 9, 1),
		locale: "en-US", staff: true}, fixedSeed, OrgAdminEmail)
	b.s.orgs[b.s.orgBy[CruDemoID]].admins = []int32{admin}
	member := b.addUser(user{id: MemberUserID, first: "Milo", last: "Member", created: day(2018, 9, 2),
		locale: "en-US", staff: true}, fixedSeed, MemberEmail)
	b.addList(uuidOf(fixedSeed, "account_list", MemberUserID+"#0"), listName("Milo", "Member"),
		b.s.orgBy[ElsewhereOrgID], member, day(2018, 9, 2), fixedSeed)

	var last int32
	for _, f := range fixedMembers() {
		locale := f.locale
		if locale == "" {
			locale = "en-US"
		}
		u := b.addUser(user{id: f.id, first: f.first, last: f.last, created: f.created, locale: locale}, fixedSeed, f.emails...)
		if len(f.lists) == 0 { // joins the list before: the shared-email couple
			b.join(last, u, fixedSeed)
			continue
		}
		for n, name := range f.lists {
			if name == "" {
				name = listName(f.first, f.last)
			}
			last = b.addList(uuidOf(fixedSeed, "account_list", f.id+"#"+strings.Repeat("+", n)), name,
				b.s.orgBy[f.org], u, f.created, fixedSeed)
		}
	}
}
