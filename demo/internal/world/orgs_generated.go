package world

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// Generated organizations: about one per 200 generated people, at most maxGeneratedOrgs,
// each with an owner and up to maxExtraMembers others.
const (
	peoplePerOrg     = 200
	maxGeneratedOrgs = 500
	maxExtraMembers  = 24
)

var (
	orgNameFirst = []string{"Northwind", "Blue Harbor", "Copperleaf", "Silverline", "Redwood", "Lumen", "Quarry",
		"Atlas", "Juniper", "Summit", "Meridian", "Pioneer", "Brightwater", "Ironbridge", "Foxglove", "Starling",
		"Cobalt", "Granite", "Willow", "Nordlicht", "Solstice", "Kestrel", "Tidewater", "Oakridge"}
	orgNameSecond = []string{"Labs", "Logistics", "Health", "Foods", "Analytics", "Studios", "Systems", "Partners",
		"Energy", "Robotics", "Media", "Bank", "Ventures", "Games", "Freight", "Software"}
)

// generateOrgs builds the fixed organizations, then generated ones whose members are
// generated people. It draws from its own stream of seed, so people are the same with or
// without organizations.
func generateOrgs(people []Person, seed uint64) []Org {
	registered := make(map[string]time.Time, fixedCount)
	for _, p := range people[:fixedCount] {
		registered[p.ID] = p.Registered
	}
	orgs := make([]Org, 0, len(fixedOrgs))
	taken := map[string]bool{}
	for _, f := range fixedOrgs {
		o := buildFixedOrg(f, registered)
		taken[o.ID], taken[o.Name] = true, true
		orgs = append(orgs, o)
	}

	generated := people[fixedCount:]
	count := min(max(len(generated)/peoplePerOrg, 1), maxGeneratedOrgs)
	if len(generated) == 0 {
		count = 0
	}
	og := &orgGenerator{
		rng:    rand.New(rand.NewPCG(seed^0x6f7267616e697a65, seed+1)), // "organize"
		people: generated, taken: taken,
	}
	for range count {
		orgs = append(orgs, og.next())
	}
	return orgs
}

// fixedCount is how many fixed people come before the generated ones.
var fixedCount = len(FixedPeople())

type orgGenerator struct {
	rng    *rand.Rand
	people []Person        // the generated people, members are drawn from them
	taken  map[string]bool // ids and names already used
}

func (g *orgGenerator) next() Org {
	id := fmt.Sprintf("%08x", g.rng.Uint32())
	for g.taken[id] {
		id = fmt.Sprintf("%08x", g.rng.Uint32())
	}
	g.taken[id] = true
	base := orgNameFirst[g.rng.IntN(len(orgNameFirst))] + " " + orgNameSecond[g.rng.IntN(len(orgNameSecond))]
	name := base
	for i := 2; g.taken[name]; i++ {
		name = fmt.Sprintf("%s %d", base, i)
	}
	g.taken[name] = true

	owner := &g.people[g.rng.IntN(len(g.people))]
	created := g.after(owner.Registered, 90*24*time.Hour)
	o := Org{ID: id, Name: name, Created: created,
		Environments: []Environment{newEnvironment(id, DefaultEnvironment, created)}}
	if g.rng.IntN(100) < 60 {
		o.Environments = append(o.Environments, newEnvironment(id, "staging", g.after(created, 0)))
	}
	if g.rng.IntN(100) < 25 {
		o.Environments = append(o.Environments, newEnvironment(id, "development", g.after(created, 0)))
	}

	o.Members = []Membership{{OrgID: id, PersonID: owner.ID, Role: RoleOwner, Joined: created}}
	in := map[string]bool{owner.ID: true}
	extra := g.rng.IntN(min(maxExtraMembers+1, len(g.people)))
	for len(o.Members) < extra+1 {
		p := &g.people[g.rng.IntN(len(g.people))]
		if in[p.ID] {
			continue
		}
		in[p.ID] = true
		role := RoleMember
		if g.rng.IntN(100) < 15 {
			role = RoleAdmin
		}
		o.Members = append(o.Members, Membership{OrgID: id, PersonID: p.ID, Role: role,
			Joined: g.after(later(created, p.Registered), 0)})
	}
	slices.SortStableFunc(o.Members[1:], func(a, b Membership) int { return a.Joined.Compare(b.Joined) })
	return o
}

// after is a random time from t to t+within (to the epoch when within is 0), never past
// the epoch, to the millisecond.
func (g *orgGenerator) after(t time.Time, within time.Duration) time.Time {
	span := epoch.Sub(t)
	if within > 0 {
		span = min(span, within)
	}
	return at(t.UnixMilli() + g.rng.Int64N(span.Milliseconds()+1))
}
