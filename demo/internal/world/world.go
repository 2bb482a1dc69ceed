// Package world is the demo's shared cast: deterministic people, organizations with
// environments, and who belongs to which organization. Every dialect's demo builds its own
// accounts, tenants or account lists from the same World, so one seed means the same people
// whichever protocol serves them. It knows no dialect: Appwrite's password hashes, Ironflow's
// "org_" ids or MPDX's UUIDs are each dialect's own.
package world

import "time"

// epoch is "now" for seeded data: every seeded time is before it, so the same seed always
// gives the same world.
var epoch = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Epoch is "now" for seeded data: every seeded time is before it. A dialect that seeds
// more (Ironflow's events) places it before the epoch too.
func Epoch() time.Time { return epoch }

// start is when the first generated person registered.
var start = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// World is everything seeded. Treat it as read-only: dialects copy what they change.
type World struct {
	People []Person // the fixed people first, then generated ones in order of registration
	Orgs   []Org    // the fixed organizations first

	orgIndex map[string]int
	byPerson map[string][]Membership
}

// New builds a world of people people (at least the fixed ones) from seed. The people are
// exactly what earlier versions of the demo seeded; organizations come from a separate
// stream of the same seed, so adding them changed no person.
func New(people int, seed uint64) *World {
	w := &World{People: generatePeople(people, seed)}
	w.Orgs = generateOrgs(w.People, seed)
	w.orgIndex = make(map[string]int, len(w.Orgs))
	w.byPerson = map[string][]Membership{}
	for i := range w.Orgs {
		w.orgIndex[w.Orgs[i].ID] = i
		for _, m := range w.Orgs[i].Members {
			w.byPerson[m.PersonID] = append(w.byPerson[m.PersonID], m)
		}
	}
	return w
}

// Org finds an organization by id.
func (w *World) Org(id string) (Org, bool) {
	i, ok := w.orgIndex[id]
	if !ok {
		return Org{}, false
	}
	return w.Orgs[i], true
}

// MembershipsOf lists the organizations a person belongs to, in the order of w.Orgs.
func (w *World) MembershipsOf(personID string) []Membership {
	return w.byPerson[personID]
}
