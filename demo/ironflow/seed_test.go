package ironflow

import (
	"bytes"
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestSameSeedSameTenants(t *testing.T) {
	a, b := New(Options{Tenants: 3000, Seed: 5}), New(Options{Tenants: 3000, Seed: 5})
	if !reflect.DeepEqual(a.tenants, b.tenants) {
		t.Fatal("the same seed gave two tenant lists")
	}
	c := New(Options{Tenants: 3000, Seed: 6})
	if reflect.DeepEqual(a.tenants[len(fixedTenants):], c.tenants[len(fixedTenants):]) {
		t.Error("generated tenants do not depend on the seed")
	}
	if !reflect.DeepEqual(a.tenants[:len(fixedTenants)], c.tenants[:len(fixedTenants)]) {
		t.Error("the fixed tenants depend on the seed")
	}
	ids := map[string]bool{}
	for _, tn := range a.tenants {
		if ids[tn.id] {
			t.Fatalf("%s twice", tn.id)
		}
		ids[tn.id] = true
	}
	if New(Options{Tenants: 1}).Tenants() != len(fixedTenants) {
		t.Error("fewer tenants than the fixed ones")
	}
}

// A tenant's data is the same whichever tenants were asked for before it.
func TestTenantDataIsTheSameInAnyOrder(t *testing.T) {
	h1, h2 := newHarness(t, Options{Seed: 3}), newHarness(t, Options{Seed: 3})
	target := h1.srv.tenants[100].id
	for _, id := range []string{AcmeID, h1.srv.tenants[50].id, GlobexID} {
		h1.as(h1.srv.OperatorKey(), id, "", "/api/v1/functions").wantStatus(t, 200)
	}
	for _, path := range []string{"/api/v1/functions", "/api/v1/events?limit=200", "/api/v1/workers", "/api/v1/audit?limit=200", "/api/v1/projects"} {
		a := h1.as(h1.srv.OperatorKey(), target, "", path).wantStatus(t, http.StatusOK).body
		b := h2.as(h2.srv.OperatorKey(), target, "", path).wantStatus(t, http.StatusOK).body
		if !bytes.Equal(a, b) {
			t.Errorf("%s of %s differs between servers", path, target)
		}
	}
}

// TestSeedHundredThousandTenants is `--tenants 100000`: start-up stays fast and the picker's
// search and paging stay quick.
func TestSeedHundredThousandTenants(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 100,000 tenants; skipped under -short")
	}
	start := time.Now()
	h := newHarness(t, Options{Tenants: 100_000})
	t.Logf("seeded 100,000 tenants in %v", time.Since(start).Round(time.Millisecond))
	if h.srv.Tenants() != 100_000 {
		t.Fatalf("%d tenants", h.srv.Tenants())
	}
	start = time.Now()
	list, r := h.tenants("/api/v1/platform/tenants?search=northwind&limit=50", h.srv.OperatorKey())
	t.Logf("searched and paged in %v (%s matches)", time.Since(start).Round(time.Microsecond), r.header.Get(HeaderTotalCount))
	if len(list) != 50 || r.header.Get(HeaderNextCursor) == "" {
		t.Errorf("%d tenants, next %q", len(list), r.header.Get(HeaderNextCursor))
	}
	last := h.srv.tenants[99_999].id
	h.as(h.srv.OperatorKey(), last, "", "/api/v1/environments").wantStatus(t, http.StatusOK)
}
