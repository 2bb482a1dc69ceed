package world

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// StandaloneOrgs returns n generated organizations without members, for a dialect whose
// tenants list no people (Ironflow) and that needs as many as it is asked for, independent
// of the number of people (a tenant picker is measured at 100,000). They are drawn from a
// stream of seed of their own, so World's people and organizations are unchanged; ids and
// names in reserved (a dialect's fixed tenants) are never generated. The organizations are
// in order of creation, from start to the epoch.
func StandaloneOrgs(n int, seed uint64, reserved ...string) []Org {
	if n <= 0 {
		return nil
	}
	g := standaloneGenerator{
		rng:   rand.New(rand.NewPCG(seed^0x74656e616e747321, seed+3)), // "tenants!"
		taken: make(map[string]bool, 2*n+len(reserved)),
		bases: map[string]int{},
	}
	for _, r := range reserved {
		g.taken[r] = true
	}
	orgs := make([]Org, n)
	span := epoch.Sub(start).Milliseconds()
	for i := range orgs {
		// Evenly spread with some jitter, so that creation order is index order.
		created := at(start.UnixMilli() + span*int64(i)/int64(n) + g.rng.Int64N(max(span/int64(n), 1)))
		orgs[i] = g.next(created)
	}
	return orgs
}

type standaloneGenerator struct {
	rng   *rand.Rand
	taken map[string]bool // ids and names used
	bases map[string]int  // how many names were made from each base, for the next number
}

func (g *standaloneGenerator) next(created time.Time) Org {
	id := fmt.Sprintf("%08x", g.rng.Uint32())
	for g.taken[id] {
		id = fmt.Sprintf("%08x", g.rng.Uint32())
	}
	g.taken[id] = true
	base := orgNameFirst[g.rng.IntN(len(orgNameFirst))] + " " + orgNameSecond[g.rng.IntN(len(orgNameSecond))]
	name := base
	for g.taken[name] {
		g.bases[base]++
		name = fmt.Sprintf("%s %d", base, g.bases[base]+1)
	}
	g.taken[name] = true

	o := Org{ID: id, Name: name, Created: created,
		Environments: []Environment{newEnvironment(id, DefaultEnvironment, created)}}
	for _, e := range []struct {
		name    string
		percent int
	}{{"staging", 60}, {"production", 50}, {"development", 25}} {
		if g.rng.IntN(100) < e.percent {
			made := created.Add(time.Duration(g.rng.IntN(30*24)) * time.Hour)
			if made.After(epoch) {
				made = epoch
			}
			o.Environments = append(o.Environments, newEnvironment(id, e.name, made))
		}
	}
	return o
}
