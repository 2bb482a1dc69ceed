package mpdx

import (
	"bytes"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSameSeedSameMembers(t *testing.T) {
	a, b := New(Options{Members: 3000, Seed: 5}), New(Options{Members: 3000, Seed: 5})
	if !reflect.DeepEqual(a.store, b.store) {
		t.Fatal("the same seed gave two stores")
	}
	c := New(Options{Members: 3000, Seed: 6})
	fixed := staffCount + fixedMemberCount()
	if reflect.DeepEqual(a.store.users[fixed:], c.store.users[fixed:]) {
		t.Error("generated members do not depend on the seed")
	}
	if !reflect.DeepEqual(a.store.users[:fixed], c.store.users[:fixed]) {
		t.Error("the fixed users depend on the seed")
	}
	if a.Members() != 3000 || New(Options{Members: 1}).Members() != fixedMemberCount() {
		t.Errorf("members %d", a.Members())
	}
	seen := map[string]bool{}
	for _, u := range a.store.users {
		for _, id := range append([]string{u.id}, u.emails[0].id) {
			if seen[id] || !isUUID(id) {
				t.Fatalf("%q twice or not a uuid", id)
			}
			seen[id] = true
		}
	}
	for _, l := range a.store.lists {
		if seen[l.id] || len(l.users) == 0 || l.name == "" {
			t.Fatalf("list %+v", l)
		}
		seen[l.id] = true
	}
}

// Same seed, same answers, whichever account lists were read before.
func TestAnswersAreDeterministic(t *testing.T) {
	h1, h2 := newHarness(t, Options{Seed: 3}), newHarness(t, Options{Seed: 3})
	h1.get(h1.impersonationToken(EscapeUserID), "/api/v2/account_lists/"+h1.listOf(EscapeUserID)+"/contacts").wantStatus(t, 200)
	paths := []string{"/api/v2/account_lists/" + h1.listOf(AdaUserID) + "/contacts?per_page=100",
		"/api/v2/account_lists/" + h1.listOf(AdaUserID) + "/donations?per_page=100", "/api/v2/user?include=email_addresses,account_lists"}
	t1, t2 := h1.impersonationToken(AdaUserID), h2.impersonationToken(AdaUserID)
	for _, p := range paths {
		if a, b := h1.get(t1, p).body, h2.get(t2, p).body; !bytes.Equal(a, b) {
			t.Errorf("%s differs:\n%s\n%s", p, truncate(string(a)), truncate(string(b)))
		}
	}
	s := searchPath(map[string]string{"filter[wildcard_search]": "a", "per_page": "100", "page": "2"})
	if a, b := h1.get(h1.srv.OperatorToken(), s).body, h2.get(h2.srv.OperatorToken(), s).body; !bytes.Equal(a, b) {
		t.Error("search differs")
	}
}

func TestFixedMembers(t *testing.T) {
	s := New(Options{Members: 1}).store
	long, _ := s.user(LongNameUserID)
	if n := utf8.RuneCountInString(long.first + " " + long.last); n != 300 || strings.HasSuffix(long.first, " ") {
		t.Errorf("long name: %d characters", n)
	}
	esc, _ := s.user(EscapeUserID)
	for _, want := range []string{"\x1b[2J", "\x1b]0;", "\x1b]8;;", "\u009b", "\u202e", "\x00", "\x07", "\x7f", "\b", "\r"} {
		if !strings.Contains(esc.first+esc.last, want) {
			t.Errorf("escape name lacks %q", want)
		}
	}
	if s.email[SharedEmail] != s.userBy[SharedFirstUserID] {
		t.Error("the shared email does not find the first")
	}
	out, _ := s.user(OutsiderUserID)
	if s.inOrg(out, s.orgBy[CruDemoID]) || !s.inOrg(out, s.orgBy[ElsewhereOrgID]) {
		t.Error("outsider")
	}
	for _, id := range []string{OrgAdminUserID, MemberUserID} {
		if u, _ := s.user(id); !u.staff || s.inOrg(u, s.orgBy[CruDemoID]) {
			t.Errorf("%s is a member of Cru Demo", id)
		}
	}
}

// TestSeedHundredThousandMembers is --members 100000: start-up stays fast and the member
// search stays quick.
func TestSeedHundredThousandMembers(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 100,000 members; skipped under -short")
	}
	start := time.Now()
	h := newHarness(t, Options{Members: 100_000})
	t.Logf("seeded 100,000 members (%d account lists) in %v", len(h.srv.store.lists), time.Since(start).Round(time.Millisecond))
	if h.srv.Members() != 100_000 {
		t.Fatalf("%d members", h.srv.Members())
	}
	op := h.srv.OperatorToken()
	start = time.Now()
	res := h.search(map[string]string{"filter[organization_id]": CruDemoID, "filter[wildcard_search]": "ann", "page": "3"})
	t.Logf("searched and paged in %v (%d matches)", time.Since(start).Round(time.Microsecond), res.Meta.Pagination.TotalCount)
	if len(res.Data) != 25 || res.Meta.Pagination.TotalPages < 3 {
		t.Errorf("%d lists, %+v", len(res.Data), res.Meta.Pagination)
	}
	// The last member seeded in Cru Demo is found by email.
	users := h.srv.store.users
	last := &users[len(users)-1]
	for i := len(users) - 1; !h.srv.store.inOrg(last, h.srv.store.orgBy[CruDemoID]); i-- {
		last = &users[i-1]
	}
	var out impersonation
	h.impersonate(op, CruDemoID, last.primaryEmail()).wantStatus(t, http.StatusOK).decode(t, &out)
	if out.Data.ID != last.id {
		t.Errorf("impersonated %s, want %s", out.Data.ID, last.id)
	}
}
