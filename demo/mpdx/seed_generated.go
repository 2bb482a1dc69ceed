package mpdx

import (
	"math/rand/v2"
	"strings"

	"actas/demo/internal/world"
)

// Shares of generated members, in percent.
const (
	elsewherePercent  = 5  // their account list is in Cru Elsewhere, not Cru Demo
	spousePercent     = 12 // they join the previous member's account list as a couple
	extraListPercent  = 8  // they also have a second account list of their own
	relayEmailPercent = 25 // they have a Relay email besides their Key email
)

// addGenerated seeds n members from the world's generated people for seed: their names,
// emails and registration are the world's; uuids, account lists and couples are MPDX's,
// drawn from a stream of the seed of their own.
func (b *builder) addGenerated(n int, seed uint64) {
	if n <= 0 {
		return
	}
	fixed := len(world.FixedPeople())
	people := world.New(fixed+n, seed).People[fixed:]
	rng := rand.New(rand.NewPCG(seed^0x6d7064786c697374, seed+5)) // "mpdxlist"
	demo, elsewhere := b.s.orgBy[CruDemoID], b.s.orgBy[ElsewhereOrgID]
	prev := int32(-1) // the previous member's own account list
	for i := range people {
		p := &people[i]
		emails := []string{p.Email}
		if rng.IntN(100) < relayEmailPercent {
			emails = append(emails, strings.Replace(p.Email, "@", "@relay.", 1))
		}
		id := uuidOf(seed, "user", p.ID)
		u := b.addUser(user{id: id, first: p.Given, last: p.Family, created: p.Registered, locale: p.Locale}, seed, emails...)
		org := demo
		if rng.IntN(100) < elsewherePercent {
			org = elsewhere
		}
		if prev >= 0 && rng.IntN(100) < spousePercent && len(b.s.lists[prev].users) == 1 && b.s.lists[prev].org == org {
			l := &b.s.lists[prev]
			first := &b.s.users[l.users[0]]
			l.name = coupleName(first, p)
			b.join(prev, u, seed)
			prev = -1
			continue
		}
		prev = b.addList(uuidOf(seed, "account_list", id+"#0"), listName(p.Given, p.Family), org, u, p.Registered, seed)
		if rng.IntN(100) < extraListPercent {
			b.addList(uuidOf(seed, "account_list", id+"#1"), listName(p.Given, p.Family)+" (Staff Account)", org, u, p.Registered, seed)
		}
	}
}

// coupleName names a couple's account list "Last, First and Second", or with the second's
// last name when it differs.
func coupleName(first *user, second *world.Person) string {
	other := second.Given
	if second.Family != first.last && second.Family != "" {
		other += " " + second.Family
	}
	return listName(first.first+" and "+other, first.last)
}
