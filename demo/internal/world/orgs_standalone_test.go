package world

import (
	"reflect"
	"testing"
	"time"
)

func TestStandaloneOrgsAreManyUniqueAndRepeatable(t *testing.T) {
	a, b := StandaloneOrgs(5_000, 7, "Acme Corp", "acme"), StandaloneOrgs(5_000, 7, "Acme Corp", "acme")
	if len(a) != 5_000 || !reflect.DeepEqual(a, b) {
		t.Fatalf("%d organizations, or the same seed gave two lists", len(a))
	}
	if reflect.DeepEqual(a, StandaloneOrgs(5_000, 8)) {
		t.Error("the seed changes nothing")
	}
	taken := map[string]bool{"Acme Corp": true, "acme": true}
	var prev time.Time
	for i, o := range a {
		if taken[o.ID] || taken[o.Name] || o.ID == "" || o.Name == "" {
			t.Fatalf("organization %d: id %q or name %q empty or taken", i, o.ID, o.Name)
		}
		taken[o.ID], taken[o.Name] = true, true
		if o.Created.Before(prev) || o.Created.Before(start) || o.Created.After(epoch) {
			t.Fatalf("organization %d created %v, after %v", i, o.Created, prev)
		}
		prev = o.Created
		if len(o.Environments) == 0 || o.Environments[0].Name != DefaultEnvironment || len(o.Members) != 0 {
			t.Fatalf("organization %d: %+v", i, o)
		}
		for _, e := range o.Environments {
			if e.OrgID != o.ID || e.Created.Before(o.Created) || e.Created.After(epoch) {
				t.Fatalf("organization %d: environment %+v", i, e)
			}
		}
	}
}

func TestStandaloneOrgsLeaveTheWorldAlone(t *testing.T) {
	before := New(3000, 42)
	_ = StandaloneOrgs(100, 42)
	if after := New(3000, 42); !reflect.DeepEqual(before.Orgs, after.Orgs) || !reflect.DeepEqual(before.People, after.People) {
		t.Fatal("the world changed")
	}
	if StandaloneOrgs(0, 1) != nil {
		t.Error("zero organizations")
	}
}
