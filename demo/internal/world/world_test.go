package world

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestSameSeedSameWorld(t *testing.T) {
	a, b := New(3000, 42), New(3000, 42)
	if !reflect.DeepEqual(a.People, b.People) || !reflect.DeepEqual(a.Orgs, b.Orgs) {
		t.Fatal("the same seed built two different worlds")
	}
	c := New(3000, 43)
	fixed := len(FixedPeople())
	if !reflect.DeepEqual(a.People[:fixed], c.People[:fixed]) {
		t.Error("the fixed people depend on the seed")
	}
	same := 0
	for i := fixed; i < len(a.People); i++ {
		if a.People[i].ID == c.People[i].ID || a.People[i].Email == c.People[i].Email {
			same++
		}
	}
	if same > 5 {
		t.Errorf("seeds 42 and 43 share %d generated people", same)
	}
	if reflect.DeepEqual(a.Orgs[len(fixedOrgs):], c.Orgs[len(fixedOrgs):]) {
		t.Error("generated organizations do not depend on the seed")
	}
}

// The people are what the Appwrite demo has always seeded: tests and golden files
// elsewhere hold their exact values.
func TestPeopleAreWhatTheSeedAlwaysGave(t *testing.T) {
	p := New(50_000, 1).People
	got := p[len(FixedPeople())]
	if got.ID != "5c2c1c756a6848c4ada6" || got.Name != "Michał Wiśniewski" || got.Email != "michal_wisniewski@proton.me" ||
		got.Phone != "+48501234567" || got.Registered.UnixMilli() != 1546394741420 ||
		!got.PasswordChanged.Equal(got.Registered) || got.LastSeen.UnixMilli() != 1560654551275 ||
		!got.Active || !got.EmailVerified || !got.PhoneVerified || got.TwoFactor || got.Tags != nil {
		t.Errorf("first generated person of seed 1 changed: %+v", got)
	}
	if got.Given != "Michał" || got.Family != "Wiśniewski" || got.Locale != "pl-PL" {
		t.Errorf("name parts or locale: %+v", got)
	}
}

func TestFewerPeopleThanFixedGivesTheFixed(t *testing.T) {
	w := New(1, 1)
	if len(w.People) != len(FixedPeople()) {
		t.Fatalf("%d people", len(w.People))
	}
	if len(w.Orgs) != len(fixedOrgs) {
		t.Errorf("%d organizations without generated people, want the %d fixed", len(w.Orgs), len(fixedOrgs))
	}
	checkWorld(t, w)
}

var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

func TestPeopleAreUniqueAndWellFormed(t *testing.T) {
	t.Parallel()
	w := New(20_000, 3)
	ids, emails, phones := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i, p := range w.People {
		if ids[p.ID] || emails[p.Email] || p.Phone != "" && phones[p.Phone] {
			t.Fatalf("person %d: id, email or phone taken: %+v", i, p)
		}
		ids[p.ID], emails[p.Email], phones[p.Phone] = true, true, true
		if p.ID == "" || p.Name == "" || p.Given == "" || p.Locale == "" || p.Registered.IsZero() {
			t.Fatalf("person %d lacks something: %+v", i, p)
		}
		if p.Email != strings.ToLower(p.Email) || strings.Count(p.Email, "@") != 1 {
			t.Fatalf("person %d: email %q", i, p.Email)
		}
		if p.Phone != "" && !e164.MatchString(p.Phone) {
			t.Fatalf("person %d: phone %q", i, p.Phone)
		}
		if p.PasswordChanged.Before(p.Registered) || !p.LastSeen.IsZero() && p.LastSeen.Before(p.Registered) ||
			p.Registered.After(epoch) || p.LastSeen.After(epoch) {
			t.Fatalf("person %d: times out of order: %+v", i, p)
		}
	}
	for i := len(FixedPeople()) + 1; i < len(w.People); i++ {
		if w.People[i].Registered.UnixMilli()/60_000 < w.People[i-1].Registered.UnixMilli()/60_000-1 {
			t.Fatalf("person %d registered well before person %d", i, i-1)
		}
	}
	checkWorld(t, w)
}

func TestOrganizationsHoldTogether(t *testing.T) {
	t.Parallel()
	for _, n := range []int{100, 10_000, 200_000} {
		w := New(n, 9)
		want := min(max((n-len(FixedPeople()))/peoplePerOrg, 1), maxGeneratedOrgs) + len(fixedOrgs)
		if len(w.Orgs) != want {
			t.Errorf("%d people: %d organizations, want %d", n, len(w.Orgs), want)
		}
		checkWorld(t, w)
	}
}

// checkWorld holds the invariants every dialect builds on: unique ids and names, a default
// environment first, one owner first, and every membership pointing at a person and an
// organization that exist, with sensible times.
func checkWorld(t *testing.T, w *World) {
	t.Helper()
	people := make(map[string]*Person, len(w.People))
	for i := range w.People {
		people[w.People[i].ID] = &w.People[i]
	}
	orgIDs, names, envIDs, memberships := map[string]bool{}, map[string]bool{}, map[string]bool{}, 0
	for _, o := range w.Orgs {
		if o.ID == "" || o.Name == "" || orgIDs[o.ID] || names[o.Name] {
			t.Fatalf("organization id %q or name %q empty or taken", o.ID, o.Name)
		}
		orgIDs[o.ID], names[o.Name] = true, true
		if got, ok := w.Org(o.ID); !ok || got.ID != o.ID {
			t.Errorf("Org(%q) = %v, %v", o.ID, got.ID, ok)
		}
		if len(o.Environments) == 0 || o.Environments[0].Name != DefaultEnvironment {
			t.Errorf("%s: environments %v, want %q first", o.ID, o.Environments, DefaultEnvironment)
		}
		for _, e := range o.Environments {
			if e.OrgID != o.ID || envIDs[e.ID] || e.Created.Before(o.Created) || e.Created.After(epoch) {
				t.Errorf("%s: environment %+v", o.ID, e)
			}
			envIDs[e.ID] = true
		}
		if len(o.Members) == 0 || o.Members[0].Role != RoleOwner {
			t.Fatalf("%s: members %v, want the owner first", o.ID, o.Members)
		}
		seen := map[string]bool{}
		for i, m := range o.Members {
			p, ok := people[m.PersonID]
			if !ok || m.OrgID != o.ID || !orgIDs[m.OrgID] {
				t.Fatalf("%s: membership %+v points at nobody", o.ID, m)
			}
			if seen[m.PersonID] || (m.Role == RoleOwner) != (i == 0) {
				t.Errorf("%s: %s twice, or a second owner", o.ID, m.PersonID)
			}
			seen[m.PersonID] = true
			if m.Joined.Before(o.Created) || m.Joined.Before(p.Registered) || m.Joined.After(epoch) {
				t.Errorf("%s: %s joined %v (org %v, registered %v)", o.ID, m.PersonID, m.Joined, o.Created, p.Registered)
			}
			if !containsMembership(w.MembershipsOf(m.PersonID), m) {
				t.Errorf("MembershipsOf(%s) misses %s", m.PersonID, o.ID)
			}
			memberships++
		}
	}
	indexed := 0
	for id := range people {
		indexed += len(w.MembershipsOf(id))
	}
	if indexed != memberships {
		t.Errorf("MembershipsOf lists %d memberships, the organizations %d", indexed, memberships)
	}
	if _, ok := w.Org("nosuch"); ok {
		t.Error("Org found an organization that does not exist")
	}
}

func containsMembership(ms []Membership, m Membership) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}
