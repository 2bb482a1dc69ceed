package appwrite

import (
	"slices"
	"sort"
	"strings"
)

// searchIndex is an inverted index from words to the users (sequence numbers, ascending)
// that contain them. A prefix that covers many words ("a", "+1", an id's first hex digit)
// would need a merge of thousands of lists per query, so the merged list of every such
// prefix is built once, up front.
type searchIndex struct {
	tokens   []string // sorted, unique
	offsets  []int32  // postings of tokens[i] are postings[offsets[i]:offsets[i+1]]
	postings []int32
	merged   map[string][]int32 // prefix -> union of its words' postings
}

// heavyPrefix is the number of words above which a prefix gets a pre-merged list.
const heavyPrefix = 64

func buildSearchIndex(users []user) *searchIndex {
	lists := make(map[string][]int32, len(users)*2)
	var seen []string
	for i := range users {
		seen = seen[:0]
		words(searchableText(&users[i]), func(w string) {
			if !indexable(w) || slices.Contains(seen, w) {
				return
			}
			seen = append(seen, w)
			lists[w] = append(lists[w], int32(i))
		})
	}
	ix := &searchIndex{tokens: make([]string, 0, len(lists)), merged: map[string][]int32{}}
	total := 0
	for t, l := range lists {
		ix.tokens = append(ix.tokens, t)
		total += len(l)
	}
	sort.Strings(ix.tokens)
	ix.offsets = make([]int32, 0, len(ix.tokens)+1)
	ix.postings = make([]int32, 0, total)
	for _, t := range ix.tokens {
		ix.offsets = append(ix.offsets, int32(len(ix.postings)))
		ix.postings = append(ix.postings, lists[t]...)
	}
	ix.offsets = append(ix.offsets, int32(len(ix.postings)))
	ix.buildMerged()
	return ix
}

// buildMerged walks prefix lengths 1, 2, ... bytes; a run of words that share a prefix and
// number more than heavyPrefix gets its union stored. Runs only shrink as the prefix grows,
// so each length looks only inside the previous length's heavy runs, and the walk stops
// when there are none.
func (ix *searchIndex) buildMerged() {
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

func (ix *searchIndex) postingsOf(i int) []int32 {
	return ix.postings[ix.offsets[i]:ix.offsets[i+1]]
}

func (ix *searchIndex) union(lo, hi int) []int32 {
	out := slices.Clone(ix.postings[ix.offsets[lo]:ix.offsets[hi]])
	slices.Sort(out)
	return slices.Compact(out)
}

// prefixRange is the run of words that start with p.
func (ix *searchIndex) prefixRange(p string) (lo, hi int) {
	lo = sort.SearchStrings(ix.tokens, p)
	hi = lo + sort.Search(len(ix.tokens)-lo, func(k int) bool {
		return !strings.HasPrefix(ix.tokens[lo+k], p)
	})
	return lo, hi
}

func (ix *searchIndex) word(w string) []int32 {
	i := sort.SearchStrings(ix.tokens, w)
	if i < len(ix.tokens) && ix.tokens[i] == w {
		return ix.postingsOf(i)
	}
	return nil
}

// sources returns sorted lists whose union is every indexed user the query matches. For a
// phrase it returns a superset (users holding the first word); callers verify those.
func (ix *searchIndex) sources(q searchQuery) (lists [][]int32, verify bool) {
	if len(q.phrase) > 0 {
		best := ix.word(q.phrase[0])
		for _, w := range q.phrase[1:] {
			if l := ix.word(w); len(l) < len(best) {
				best = l
			}
		}
		return [][]int32{best}, true
	}
	for _, w := range q.exact {
		if l := ix.word(w); len(l) > 0 {
			lists = append(lists, l)
		}
	}
	if q.prefix != "" {
		lo, hi := ix.prefixRange(q.prefix)
		if m, ok := ix.merged[q.prefix]; ok {
			lists = append(lists, m)
		} else {
			for i := lo; i < hi; i++ {
				lists = append(lists, ix.postingsOf(i))
			}
		}
	}
	return lists, false
}
