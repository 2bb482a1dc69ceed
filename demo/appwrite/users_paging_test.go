package appwrite

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// walkBack pages backward with cursorBefore from the user `from` and returns every id
// before it, in forward order.
func (h *harness) walkBack(sess string, pageSize int, from string, filters []string) []string {
	h.t.Helper()
	var all []string
	cursor := from
	for {
		qs := append([]string{q("limit", "", pageSize), q("cursorBefore", "", cursor)}, filters...)
		page := h.list(sess, usersPath(qs, "total", "false")).ids()
		all = append(page, all...)
		if len(page) < pageSize {
			return all
		}
		cursor = page[0]
	}
}

// walkOffset pages with offset, which Appwrite caps at 5000.
func (h *harness) walkOffset(sess string, pageSize int, filters []string) []string {
	h.t.Helper()
	var all []string
	for offset := 0; ; offset += pageSize {
		qs := append([]string{q("limit", "", pageSize), q("offset", "", offset)}, filters...)
		page := h.list(sess, usersPath(qs, "total", "false")).ids()
		all = append(all, page...)
		if len(page) < pageSize {
			return all
		}
	}
}

func TestUsersPagesLineUp(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Users: 500})
	op := h.operator()
	for name, filters := range map[string][]string{
		"all users":      nil,
		"with a filter":  {q("contains", "labels", "beta", "vip")},
		"order by name":  {q("orderAsc", "name")},
		"newest first":   {q("orderDesc", "registration")},
		"name, filtered": {q("orderDesc", "name"), q("equal", "status", true)},
	} {
		t.Run(name, func(t *testing.T) {
			forward := h.walk(op, 30, filters)
			if len(forward) < 60 { // at least two full pages
				t.Fatalf("only %d users: too few to page", len(forward))
			}
			backward := append(h.walkBack(op, 30, forward[len(forward)-1], filters), forward[len(forward)-1])
			if !slices.Equal(forward, backward) {
				t.Errorf("cursorAfter and cursorBefore walks differ, %s", firstDiff(forward, backward))
			}
			if byOffset := h.walkOffset(op, 30, filters); !slices.Equal(forward, byOffset) {
				t.Errorf("cursor and offset walks differ, %s", firstDiff(forward, byOffset))
			}
			if len(slices.Compact(slices.Sorted(slices.Values(forward)))) != len(forward) {
				t.Error("a user appears twice")
			}
		})
	}
}

func TestUsersOrderMatchesReference(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Users: 800})
	op := h.operator()
	st := h.store()
	seqs := make([]int, len(st.users))
	for i := range seqs {
		seqs[i] = i
	}
	sortedIDs := func(less func(a, b *user) int) []string {
		s := slices.Clone(seqs)
		slices.SortStableFunc(s, func(a, b int) int { return less(&st.users[a], &st.users[b]) })
		ids := make([]string, len(s))
		for i, seq := range s {
			ids[i] = st.users[seq].id
		}
		return ids
	}
	tests := []struct {
		order string
		less  func(a, b *user) int
	}{
		{q("orderAsc", "name"), func(a, b *user) int { return strings.Compare(a.name, b.name) }},
		{q("orderDesc", "name"), func(a, b *user) int { return strings.Compare(b.name, a.name) }},
		{q("orderAsc", "registration"), func(a, b *user) int { return cmp.Compare(a.registration, b.registration) }},
		{q("orderDesc", "registration"), func(a, b *user) int { return cmp.Compare(b.registration, a.registration) }},
	}
	for _, tc := range tests {
		want := sortedIDs(tc.less)
		if got := h.walk(op, 250, []string{tc.order}); !slices.Equal(got, want) {
			t.Errorf("%s: %s", tc.order, firstDiff(got, want))
		}
	}
	// The fixed accounts registered in 2019 before most seeded users; ordering really moves them.
	if asc := sortedIDs(tests[2].less); slices.Equal(asc, h.walk(op, 250, nil)) {
		t.Error("registration order equals sequence order here: the order test proves nothing")
	}
}

func TestUsersCursorOnFilteredOutUser(t *testing.T) {
	h := newHarness(t, Options{Users: 500})
	op := h.operator()
	// Like Appwrite, a cursor is a position: it may name a user the filters leave out.
	filters := []string{q("equal", "status", false)}
	blocked := h.walk(op, 1000, filters)
	if len(blocked) < 3 {
		t.Fatalf("only %d blocked users", len(blocked))
	}
	st := h.store()
	lo, hi := st.userByID(blocked[1]), st.userByID(blocked[2])
	if hi-lo < 2 {
		t.Fatalf("no user between %s and %s", blocked[1], blocked[2])
	}
	between := st.users[lo+1].id // active, so not in the filtered list
	after := h.list(op, usersPath(append([]string{q("cursorAfter", "", between), q("limit", "", 1000)}, filters...))).ids()
	if !slices.Equal(after, blocked[2:]) {
		t.Errorf("after %s: %s", between, firstDiff(after, blocked[2:]))
	}
	before := h.list(op, usersPath(append([]string{q("cursorBefore", "", between), q("limit", "", 1000)}, filters...))).ids()
	if !slices.Equal(before, blocked[:2]) {
		t.Errorf("before %s: %s", between, firstDiff(before, blocked[:2]))
	}
}
