package textsearch

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestUnionIsSortedWithoutRepeats(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var lists [][]int32
		set := map[int32]bool{}
		for range r.IntN(8) {
			var l []int32
			for v := int32(r.IntN(5)); v < 300; v += int32(1 + r.IntN(40)) {
				l = append(l, v)
			}
			lists = append(lists, l)
		}
		after := int32(r.IntN(320)) - 10
		for _, l := range lists {
			for _, v := range l {
				if v > after {
					set[v] = true
				}
			}
		}
		var want []int32
		for v := range set {
			want = append(want, v)
		}
		slices.Sort(want)
		var got []int32
		u := NewUnion(lists, after)
		for v, ok := u.Next(); ok; v, ok = u.Next() {
			got = append(got, v)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("round %d, after %d: %v, want %v", round, after, got, want)
		}
	}
	if _, ok := (&Union{}).Next(); ok {
		t.Error("the zero Union is not empty")
	}
}
