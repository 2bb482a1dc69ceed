package ironflow

import (
	"fmt"
	"strings"
	"testing"

	"github.com/junegunn/fzf/src/algo"
	"github.com/junegunn/fzf/src/util"
)

// benchTenants is a platform's worth of tenants: names from a few words, like real ones.
func benchTenants(n int) []tenant {
	words := []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Corp", "Labs", "GmbH", "Systems"}
	out := make([]tenant, n)
	for i := range out {
		name := words[i%len(words)] + " " + words[(i/7)%len(words)] + " " + fmt.Sprint(i)
		out[i] = tenant{ID: fmt.Sprintf("org_%08x", i*2654435761%(1<<32)), Name: name}
	}
	return out
}

// keystrokes are what an operator types into the picker's search, one key at a time.
var keystrokes = []string{"a", "ac", "acm", "acme", "acme ", "acme c", "acme co", "acme cor", "acme corp"}

// The local filter of a server that ignores search, per keystroke at 100,000 tenants,
// beside fzf's FuzzyMatchV2 and a plain lowering substring scan over the same data.
func BenchmarkTenantFilter100k(b *testing.B) {
	all := benchTenants(100_000)
	b.Run("actas", func(b *testing.B) {
		tc := &tenantCache{}
		tc.fill(all)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			q := keystrokes[i%len(keystrokes)]
			if q == keystrokes[0] {
				tc.matches = nil // a new search starts from the whole list
			}
			tc.match(q)
		}
	})
	b.Run("actas-unnarrowed", func(b *testing.B) { // every keystroke scans the whole list
		tc := &tenantCache{}
		tc.fill(all)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			tc.matches = nil
			tc.match(keystrokes[i%len(keystrokes)])
		}
	})
	b.Run("substring", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			q := keystrokes[i%len(keystrokes)]
			n := 0
			for _, t := range all {
				if strings.Contains(strings.ToLower(t.ID+" "+t.Name), q) {
					n++
				}
			}
		}
	})
	b.Run("fzf", func(b *testing.B) {
		chars := make([]util.Chars, len(all))
		for i, t := range all {
			chars[i] = util.ToChars([]byte(t.ID + " " + t.Name))
		}
		slab := util.MakeSlab(100*1024, 2048)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			pattern := []rune(keystrokes[i%len(keystrokes)])
			for j := range chars {
				algo.FuzzyMatchV2(false, false, true, &chars[j], pattern, false, slab)
			}
		}
	})
}

// The filter agrees with a plain scan on every keystroke, narrowing or not.
func TestTheLocalFilterAgreesWithAPlainScan(t *testing.T) {
	all := benchTenants(5000)
	tc := &tenantCache{}
	tc.fill(all)
	for _, seq := range [][]string{keystrokes, {"corp", "cor", "acme", "ACME 1", ""}} {
		for _, q := range seq {
			got := tc.match(q)
			var want []int32
			for i, x := range all {
				if strings.Contains(strings.ToLower(x.ID+" "+x.Name), strings.ToLower(strings.TrimSpace(q))) {
					want = append(want, int32(i))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%q: %d matches, want %d", q, len(got), len(want))
			}
		}
	}
}
