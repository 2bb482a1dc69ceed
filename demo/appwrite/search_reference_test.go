package appwrite

import (
	"slices"
	"testing"
)

// referenceSearches mix very common prefixes (thousands of words, served from the
// pre-merged lists), common words, rare words, phrases and misses.
var referenceSearches = []string{
	"a", "s", "1", "+1", "5", "ma", "ol", "gmail", "example", "1415", "+4479",
	"ada", "lov", "garcia", "smi", "müller", "yuki", "kim", "王", "maria garcia", "jones smi",
	`"ada lovelace"`, `"mary smith"`, "5c3", "zzz", "com", "@",
}

// checkSearchesAgainstReference compares, for each search, the total and the whole
// cursor-paged id list with a brute-force scan of every user's current words.
func checkSearchesAgainstReference(t *testing.T, h *harness, sess string, searches []string) {
	t.Helper()
	for _, s := range searches {
		sq := parseSearch(s)
		want := h.reference(func(u *user) bool { return sq.Matches(userTokens(u)) })
		total := h.list(sess, usersPath([]string{q("limit", "", 1)}, "search", s)).Total
		if total != min(len(want), 5000) {
			t.Errorf("search %q: total %d, reference %d", s, total, len(want))
		}
		if got := h.walk(sess, 1000, nil, "search", s); !slices.Equal(got, want) {
			t.Errorf("search %q: ids differ from the reference, %s", s, firstDiff(got, want))
		}
	}
}

func TestSearchMatchesBruteForce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Users: 4000, Seed: 7})
	op := h.operator()
	for _, p := range []string{"a", "s", "1", "5", "ma"} {
		if !h.store().search.Premerged(p) {
			t.Errorf("prefix %q has no pre-merged list: that path goes untested", p)
		}
	}
	checkSearchesAgainstReference(t, h, op, referenceSearches)
}
