package textsearch

import (
	"slices"
	"strings"
)

// A prefix that covers many words ("a", "+1", an id's first hex digit) would need a merge
// of thousands of lists per query, so the merged list of every such prefix is built once,
// up front. heavyPrefix is the number of words above which a prefix gets one.
const heavyPrefix = 64

// buildMerged walks prefix lengths 1, 2, ... bytes; a run of words that share a prefix and
// number more than heavyPrefix gets its union stored. Runs only shrink as the prefix grows,
// so each length looks only inside the previous length's heavy runs, and the walk stops
// when there are none.
func (ix *Index) buildMerged() {
	type span struct{ lo, hi int }
	runs := []span{{0, len(ix.tokens)}}
	for n := 1; len(runs) > 0; n++ {
		var heavy []span
		for _, r := range runs {
			for i := r.lo; i < r.hi; {
				if len(ix.tokens[i]) < n {
					i++
					continue
				}
				p := ix.tokens[i][:n]
				j := i + 1
				for j < r.hi && strings.HasPrefix(ix.tokens[j], p) {
					j++
				}
				if j-i > heavyPrefix {
					heavy = append(heavy, span{i, j})
					ix.merged[p] = ix.union(i, j)
				}
				i = j
			}
		}
		runs = heavy
	}
}

func (ix *Index) union(lo, hi int) []int32 {
	out := slices.Clone(ix.postings[ix.offsets[lo]:ix.offsets[hi]])
	slices.Sort(out)
	return slices.Compact(out)
}

// Premerged says whether prefix is served from a list merged up front, for tests that
// must cover that path.
func (ix *Index) Premerged(prefix string) bool {
	_, ok := ix.merged[prefix]
	return ok
}
