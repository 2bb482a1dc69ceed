package appwrite

import (
	"slices"
	"testing"
)

func TestUsersTotalIsCappedAt5000(t *testing.T) {
	t.Parallel()
	h := newHarness(t, Options{Users: 10_000})
	op := h.operator()
	one := []string{q("limit", "", 1)}
	if got := h.list(op, usersPath(one)).Total; got != 5000 {
		t.Errorf("10,000 users: total %d, want the cap 5000", got)
	}
	if got := h.list(op, usersPath(one, "total", "false")); got.Total != 0 || len(got.Users) != 1 {
		t.Errorf("total=false: total %d with %d users, want 0 and the page", got.Total, len(got.Users))
	}
	// A filter under the cap is counted exactly; the cap applies to searches too.
	active := len(h.reference(func(u *user) bool { return u.status }))
	if got := h.list(op, usersPath(append(one, q("equal", "status", true)))).Total; got != min(active, 5000) {
		t.Errorf("active users: total %d, want %d", got, min(active, 5000))
	}
	vip := len(h.reference(func(u *user) bool { return slices.Contains(u.labels, "vip") }))
	if got := h.list(op, usersPath(append(one, q("contains", "labels", "vip")))).Total; got != vip || vip >= 5000 {
		t.Errorf("vip users: total %d, want %d (< 5000)", got, vip)
	}
	q6 := parseSearch("6")
	many := len(h.reference(func(u *user) bool { return q6.Matches(userTokens(u)) }))
	if many <= 5000 {
		t.Fatalf("search 6 matches only %d users: the cap is not exercised", many)
	}
	if got := h.list(op, usersPath(one, "search", "6")).Total; got != 5000 {
		t.Errorf("search 6 (%d matches): total %d, want 5000", many, got)
	}
	for _, bad := range []string{"maybe", "2"} {
		h.get(usersPath(one, "total", bad), op).wantError(t, 400, "general_argument_invalid")
	}
}
