package textsearch

import (
	"slices"
	"sort"
	"strings"
)

// Index is an inverted index from words to the documents (ascending numbers) that hold
// them. It is built once; documents whose text changes later are marked Changed and then
// matched from their current text. Changed must not run while a Search is read: callers
// that write and search concurrently hold their own lock, as they do for the documents.
type Index struct {
	tokens   []string // sorted, unique
	offsets  []int32  // postings of tokens[i] are postings[offsets[i]:offsets[i+1]]
	postings []int32
	merged   map[string][]int32 // heavy prefix -> union of its words' postings (see premerge.go)

	tok     Tokenizer
	text    func(doc int32) string // a document's current text
	changed map[int32]bool         // documents changed since Build
}

// Build indexes documents 0 to n-1; text gives a document's searchable text, now and after
// later changes.
func Build(n int, text func(doc int32) string, tok Tokenizer) *Index {
	lists := make(map[string][]int32, n*2)
	var seen []string
	for i := range int32(n) {
		seen = seen[:0]
		tok.Words(text(i), func(w string) {
			if !tok.Indexed(w) || slices.Contains(seen, w) {
				return
			}
			seen = append(seen, w)
			lists[w] = append(lists[w], i)
		})
	}
	ix := &Index{tokens: make([]string, 0, len(lists)), merged: map[string][]int32{},
		tok: tok, text: text, changed: map[int32]bool{}}
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

func (ix *Index) postingsOf(i int) []int32 {
	return ix.postings[ix.offsets[i]:ix.offsets[i+1]]
}

// prefixRange is the run of words that start with p.
func (ix *Index) prefixRange(p string) (lo, hi int) {
	lo = sort.SearchStrings(ix.tokens, p)
	hi = lo + sort.Search(len(ix.tokens)-lo, func(k int) bool {
		return !strings.HasPrefix(ix.tokens[lo+k], p)
	})
	return lo, hi
}

func (ix *Index) word(w string) []int32 {
	i := sort.SearchStrings(ix.tokens, w)
	if i < len(ix.tokens) && ix.tokens[i] == w {
		return ix.postingsOf(i)
	}
	return nil
}

// sources returns sorted lists whose union is every indexed document the query matches,
// as built. For a phrase it returns a superset (documents holding its rarest word); the
// caller verifies those.
func (ix *Index) sources(q Query) (lists [][]int32, verify bool) {
	if len(q.Phrase) > 0 {
		best := ix.word(q.Phrase[0])
		for _, w := range q.Phrase[1:] {
			if l := ix.word(w); len(l) < len(best) {
				best = l
			}
		}
		return [][]int32{best}, true
	}
	for _, w := range q.Exact {
		if l := ix.word(w); len(l) > 0 {
			lists = append(lists, l)
		}
	}
	if q.Prefix != "" {
		if m, ok := ix.merged[q.Prefix]; ok {
			lists = append(lists, m)
		} else {
			lo, hi := ix.prefixRange(q.Prefix)
			for i := lo; i < hi; i++ {
				lists = append(lists, ix.postingsOf(i))
			}
		}
	}
	return lists, false
}
