package appwrite

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"actas/demo/internal/textsearch"
)

// store is one project's data. Users never move: a user's sequence number is its index.
// Lookups by id, email and phone use sorted index slices rather than maps, so a million
// users cost a few megabytes of index instead of hundreds.
type store struct {
	mu        sync.RWMutex
	users     []user
	byID      []int32
	byEmail   []int32
	byPhone   []int32
	search    *textsearch.Index
	sessions  *sessionTable
	logs      map[int32][]logRow // audit rows keyed by the acting user
	challenge map[string]*mfaChallenge
}

func newStore(users []user) *store {
	s := &store{
		users:     users,
		sessions:  newSessionTable(),
		logs:      map[int32][]logRow{},
		challenge: map[string]*mfaChallenge{},
	}
	// The four indexes are independent; building them side by side halves start-up with a
	// million users on two cores.
	var wg sync.WaitGroup
	wg.Go(func() { s.byID = sortedBy(users, func(u *user) string { return u.id }) })
	wg.Go(func() { s.byEmail = sortedBy(users, func(u *user) string { return u.email }) })
	wg.Go(func() { s.byPhone = sortedBy(users, func(u *user) string { return u.phone }) })
	wg.Go(func() { s.search = buildSearchIndex(users) })
	wg.Wait()
	return s
}

// sortedBy lists the users with a non-empty key, ordered by key then sequence.
func sortedBy(users []user, key func(*user) string) []int32 {
	type entry struct {
		key string
		seq int32
	}
	entries := make([]entry, 0, len(users))
	for i := range users {
		if k := key(&users[i]); k != "" {
			entries = append(entries, entry{k, int32(i)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		return int(a.seq - b.seq)
	})
	idx := make([]int32, len(entries))
	for i, e := range entries {
		idx[i] = e.seq
	}
	return idx
}

// find returns the first user (lowest sequence) whose key equals value, or -1.
func (s *store) find(idx []int32, key func(*user) string, value string) int32 {
	if value == "" {
		return -1
	}
	i := sort.Search(len(idx), func(i int) bool { return key(&s.users[idx[i]]) >= value })
	if i < len(idx) && key(&s.users[idx[i]]) == value {
		return idx[i]
	}
	return -1
}

func (s *store) userByID(id string) int32 {
	return s.find(s.byID, func(u *user) string { return u.id }, id)
}

// userByEmail matches like Appwrite: the value is lower-cased, stored emails are lower case.
func (s *store) userByEmail(email string) int32 {
	return s.find(s.byEmail, func(u *user) string { return u.email }, strings.ToLower(email))
}

func (s *store) userByPhone(phone string) int32 {
	return s.find(s.byPhone, func(u *user) string { return u.phone }, phone)
}

// markChanged keeps search results right after a write without rebuilding the index.
func (s *store) markChanged(seq int32) { s.search.Changed(seq) }
