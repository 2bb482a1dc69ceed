package textsearch

import "slices"

// Changed marks a document whose text changed since Build (a rename): searches match it
// from its current text, not from the index.
func (ix *Index) Changed(doc int32) { ix.changed[doc] = true }

// Tokens lists a document's indexed words as its text is now.
func (ix *Index) Tokens(doc int32) []string { return Tokens(ix.tok, ix.text(doc)) }

// Search walks the documents numbered above after that match q, in ascending order. An
// empty query finds nothing.
func (ix *Index) Search(q Query, after int32) *Hits {
	if q.Empty() {
		return &Hits{ix: ix, union: &Union{}}
	}
	lists, verify := ix.sources(q)
	var changed []int32
	for doc := range ix.changed {
		if doc > after && q.Matches(ix.Tokens(doc)) {
			changed = append(changed, doc)
		}
	}
	if len(changed) > 0 {
		slices.Sort(changed)
		lists = append(lists, changed)
	}
	return &Hits{ix: ix, union: NewUnion(lists, after), q: q, verify: verify}
}

// Hits are a search's results. Index candidates are checked against their current words
// when they changed since indexing, and when the query is a phrase (the index holds words,
// not their order).
type Hits struct {
	ix     *Index
	union  *Union
	q      Query
	verify bool
}

// Next returns the next matching document, or false at the end.
func (h *Hits) Next() (int32, bool) {
	for {
		v, ok := h.union.Next()
		if !ok {
			return 0, false
		}
		if (h.verify || h.ix.changed[v]) && !h.q.Matches(h.ix.Tokens(v)) {
			continue
		}
		return v, true
	}
}
