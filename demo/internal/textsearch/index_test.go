package textsearch

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// corpus makes documents from a small alphabet, so that short prefixes cover hundreds of
// words (served from pre-merged lists) and words repeat across documents.
func corpus(n int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 7))
	docs := make([]string, n)
	for i := range docs {
		var words []string
		for range 1 + r.IntN(6) {
			var b strings.Builder
			for range 1 + r.IntN(6) {
				b.WriteByte("abcdefg12"[r.IntN(9)])
			}
			words = append(words, b.String())
		}
		docs[i] = strings.Join(words, " ") + fmt.Sprintf(" doc%d", i)
	}
	return docs
}

func collect(h *Hits) []int32 {
	var out []int32
	for v, ok := h.Next(); ok; v, ok = h.Next() {
		out = append(out, v)
	}
	return out
}

// bruteForce is what a search must find: every document whose current words match.
func bruteForce(docs []string, tok Tokenizer, q Query, after int32) []int32 {
	var out []int32
	for i := int32(after + 1); i < int32(len(docs)); i++ {
		if !q.Empty() && q.Matches(Tokens(tok, docs[i])) {
			out = append(out, i)
		}
	}
	return out
}

var corpusSearches = []string{"a", "b", "1", "ab", "abc", "gg", "fa1", "doc1", "doc17", "abc b", "aaa gfe",
	`"abc abd"`, `"doc5"`, "zzz", "@", "abcdefg"}

func checkAgainstBruteForce(t *testing.T, ix *Index, docs []string) {
	t.Helper()
	for _, s := range corpusSearches {
		q := InnoDB{}.Parse(s)
		for _, after := range []int32{-1, 0, 999, 2500} {
			got, want := collect(ix.Search(q, after)), bruteForce(docs, InnoDB{}, q, after)
			if !slices.Equal(got, want) {
				t.Errorf("search %q after %d: %d hits, brute force %d", s, after, len(got), len(want))
			}
		}
	}
}

func TestIndexMatchesBruteForce(t *testing.T) {
	docs := corpus(3000, 1)
	ix := Build(len(docs), func(i int32) string { return docs[i] }, InnoDB{})
	for _, p := range []string{"a", "b", "1", "ab"} {
		if !ix.Premerged(p) {
			t.Errorf("prefix %q has no pre-merged list: that path goes untested", p)
		}
	}
	if ix.Premerged("abcdef") {
		t.Error("a rare prefix was pre-merged")
	}
	checkAgainstBruteForce(t, ix, docs)
}

// Documents renamed after Build are found by their new words only.
func TestIndexFollowsChangedDocuments(t *testing.T) {
	docs := corpus(3000, 2)
	ix := Build(len(docs), func(i int32) string { return docs[i] }, InnoDB{})
	for i, text := range []string{"abc abd", "zzz", "", "gg fa1 abc", "doc1"} {
		doc := int32(10 + i*313)
		docs[doc] = text
		ix.Changed(doc)
	}
	docs[10] = "aaa gfe" // a document changed twice
	ix.Changed(10)
	checkAgainstBruteForce(t, ix, docs)
	if got := collect(ix.Search(InnoDB{}.Parse("zzz"), -1)); !slices.Equal(got, []int32{10 + 313}) {
		t.Errorf("zzz found %v", got)
	}
}

// whitespace is a tokenizer with other rules than InnoDB's: words split at spaces only,
// case kept, every word indexed, the whole search one prefix.
type whitespace struct{}

func (whitespace) Words(text string, fn func(string)) {
	for _, w := range strings.Fields(text) {
		fn(w)
	}
}
func (whitespace) Indexed(string) bool  { return true }
func (whitespace) Parse(s string) Query { return Query{Prefix: s} }

func TestIndexUsesItsTokenizer(t *testing.T) {
	docs := []string{"a.b X", "a.c", "ab", "A.b"}
	ix := Build(len(docs), func(i int32) string { return docs[i] }, whitespace{})
	for s, want := range map[string][]int32{"a.": {0, 1}, "X": {0}, "x": nil, "A": {3}, "a": {0, 1, 2}} {
		if got := collect(ix.Search(whitespace{}.Parse(s), -1)); !slices.Equal(got, want) {
			t.Errorf("%q found %v, want %v", s, got, want)
		}
	}
}
