package world

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// generatePeople returns the fixed people followed by n-len(fixed) generated ones (at least
// the fixed ones). The order of random draws below is what makes a seed's people: changing
// it changes every id, name and email after the change.
func generatePeople(n int, seed uint64) []Person {
	fixed := FixedPeople()
	if n < len(fixed) {
		n = len(fixed)
	}
	people := make([]Person, 0, n)
	people = append(people, fixed...)

	g := newGenerator(seed, n)
	for _, p := range fixed {
		g.reserve(p.Email, p.Phone, p.ID)
	}
	for i := len(fixed); i < n; i++ {
		people = append(people, g.next(i, n))
	}
	return people
}

type generator struct {
	rng         *rand.Rand
	used        map[uint64]struct{} // hashes of emails and ids already taken
	reserved    map[string]bool     // phones of fixed people
	phoneSerial map[string]uint64   // per country code, for unique numbers
	totalWeight int
}

func newGenerator(seed uint64, n int) *generator {
	g := &generator{
		rng:         rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		used:        make(map[uint64]struct{}, 2*n),
		reserved:    map[string]bool{},
		phoneSerial: map[string]uint64{},
	}
	for _, l := range locales {
		g.totalWeight += l.weight
	}
	return g
}

func hashKey(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

func (g *generator) reserve(email, phone, id string) {
	g.used[hashKey("e:"+email)] = struct{}{}
	g.used[hashKey("i:"+id)] = struct{}{}
	g.reserved[phone] = true
}

// claim marks key as used and says whether it was free.
func (g *generator) claim(key string) bool {
	h := hashKey(key)
	if _, taken := g.used[h]; taken {
		return false
	}
	g.used[h] = struct{}{}
	return true
}

func (g *generator) pickLocale() *locale {
	r := g.rng.IntN(g.totalWeight)
	for i := range locales {
		if r < locales[i].weight {
			return &locales[i]
		}
		r -= locales[i].weight
	}
	return &locales[0]
}

func (g *generator) next(i, n int) Person {
	l := g.pickLocale()
	first := l.first[g.rng.IntN(len(l.first))]
	last := l.last[g.rng.IntN(len(l.last))]

	// Registration grows with the sequence: people are listed in the order they signed up.
	span := epoch.Sub(start).Milliseconds()
	now := epoch.UnixMilli()
	reg := start.UnixMilli() + span*int64(i)/int64(n) + g.rng.Int64N(60_000)
	p := Person{
		Name:          fullName(l, first, last),
		Given:         first.native,
		Family:        last.native,
		Locale:        l.tag,
		Active:        g.rng.IntN(100) >= 2,
		EmailVerified: g.rng.IntN(100) < 85,
		TwoFactor:     g.rng.IntN(100) < 8,
	}
	passwordChanged := reg
	p.ID = g.uniqueID(reg)
	p.Email = g.uniqueEmail(l, first, last)
	if g.rng.IntN(100) < 80 {
		p.Phone = g.uniquePhone(l)
		p.PhoneVerified = g.rng.IntN(100) < 60
	}
	if g.rng.IntN(100) < 35 {
		p.Tags = tagSets[g.rng.IntN(len(tagSets))]
	}
	if g.rng.IntN(100) < 90 {
		p.LastSeen = at(reg + g.rng.Int64N(now-reg+1))
	}
	if g.rng.IntN(100) < 20 {
		passwordChanged = reg + g.rng.Int64N(now-reg+1)
	}
	p.Registered, p.PasswordChanged = at(reg), at(passwordChanged)
	return p
}

func fullName(l *locale, first, last name) string {
	if l.familyFirst {
		return last.native + l.joiner + first.native
	}
	return first.native + l.joiner + last.native
}

// uniqueID is 13 hex digits of registration time, then random hex: sortable and unique,
// in the form Appwrite's ID.unique() gives, which other dialects may wrap as they need.
func (g *generator) uniqueID(regMillis int64) string {
	for {
		id := fmt.Sprintf("%08x%05x%07x", regMillis/1000, g.rng.IntN(1<<20), g.rng.IntN(1<<28))
		if g.claim("i:" + id) {
			return id
		}
	}
}

func (g *generator) uniqueEmail(l *locale, first, last name) string {
	f, s := strings.ToLower(first.latin), strings.ToLower(strings.ReplaceAll(last.latin, " ", ""))
	domain := commonDomains[g.rng.IntN(len(commonDomains))]
	if g.rng.IntN(3) == 0 {
		domain = l.domains[g.rng.IntN(len(l.domains))]
	}
	var local string
	switch g.rng.IntN(5) {
	case 0:
		local = f + "." + s
	case 1:
		local = f[:1] + s
	case 2:
		local = f + "_" + s
	case 3:
		local = s + "." + f
	default:
		local = f + s
	}
	email := local + "@" + domain
	for try := 0; !g.claim("e:" + email); try++ {
		email = fmt.Sprintf("%s%d@%s", local, g.rng.IntN(100*(try+1)*(try+1)), domain)
	}
	return email
}

// uniquePhone numbers each country's subscribers through a permutation of a serial, so
// numbers look random but never repeat.
func (g *generator) uniquePhone(l *locale) string {
	for {
		serial := g.phoneSerial[l.phoneCode]
		g.phoneSerial[l.phoneCode] = serial + 1
		areas := uint64(len(l.areas))
		const space = 10_000_000 // seven subscriber digits
		sub := ((serial/areas)*7_654_321 + 1_234_567) % space
		phone := fmt.Sprintf("%s%s%07d", l.phoneCode, l.areas[serial%areas], sub)
		if !g.reserved[phone] {
			return phone
		}
	}
}
