package textsearch

import "strings"

// Query is a parsed search: a document matches if it holds any Exact word or a word
// starting with Prefix, or, for a phrase, the Phrase words in a row.
type Query struct {
	Exact  []string // whole words, OR-ed
	Prefix string   // matched as a prefix ("" if none)
	Phrase []string // set for a quoted search; then Exact and Prefix are unused
}

// Empty says nothing is left to match: such a query finds nothing.
func (q Query) Empty() bool {
	return len(q.Exact) == 0 && q.Prefix == "" && len(q.Phrase) == 0
}

// Matches decides for one document's tokens (see Tokens), without the index.
func (q Query) Matches(toks []string) bool {
	if len(q.Phrase) > 0 {
		return containsRun(toks, q.Phrase)
	}
	for _, t := range toks {
		if q.Prefix != "" && strings.HasPrefix(t, q.Prefix) {
			return true
		}
		for _, w := range q.Exact {
			if t == w {
				return true
			}
		}
	}
	return false
}

func containsRun(toks, run []string) bool {
outer:
	for i := 0; i+len(run) <= len(toks); i++ {
		for j, w := range run {
			if toks[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}
