package ui

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"actas/client"
	"actas/client/ironflow"
)

// synthTenants are n tenants as the Ironflow client makes them.
func synthTenants(n int) []client.Subject {
	names := []string{"Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Tyrell"}
	out := make([]client.Subject, n)
	for i := range out {
		out[i] = client.Subject{ID: fmt.Sprintf("org_%08x", i*2654435761%(1<<32)), Name: names[i%len(names)] + " " + strconv.Itoa(i),
			Registered: benchNow.Add(-time.Duration(i) * time.Hour), Facts: map[string]string{"environments": strconv.Itoa(1 + i%4)}}
	}
	return out
}

// The picker with 100,000 tenants (Ironflow's columns) against the user picker, its
// anchor, in the same run: a frame and a cursor move.
//
//	go test -run '^$' -bench TenantPicker ./ui
func BenchmarkTenantPicker(b *testing.B) {
	const n = 100_000
	tenants := benchRootOf(ironflow.Dialect{}.Describe(), synthTenants(n))
	b.Run("user_view/100000", func(b *testing.B) { benchViewOf(b, benchRoot(n), "user_view", n) })
	b.Run("tenant_view/100000", func(b *testing.B) { benchViewOf(b, tenants, "tenant_view", n) })
	b.Run("user_move/100000", func(b *testing.B) { benchMoveOf(b, benchRoot(n), "user_move", n) })
	b.Run("tenant_move/100000", func(b *testing.B) {
		benchMoveOf(b, benchRootOf(ironflow.Dialect{}.Describe(), synthTenants(n)), "tenant_move", n)
	})
	key := func(s string) float64 { return nsPerOp[s+"/100000"] }
	if key("user_view") > 0 && key("user_move") > 0 {
		fmt.Printf("100,000 tenants: frame %s ms (users %s ms, %.2fx), move %s ms (users %s ms, %.2fx)\n",
			formatMS(key("tenant_view")), formatMS(key("user_view")), key("tenant_view")/key("user_view"),
			formatMS(key("tenant_move")), formatMS(key("user_move")), key("tenant_move")/key("user_move"))
	}
}
