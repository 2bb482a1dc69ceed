// Package textsearch is the demo's full-text search, shared by the dialects: an inverted
// index over documents numbered 0 to n-1, the union of its sorted posting lists, and the
// Tokenizer each dialect plugs in for its server's rules (InnoDB for Appwrite). It knows no
// dialect's documents: a document is whatever text its dialect gives for it.
package textsearch

// Tokenizer is a search engine's idea of words: how text splits, which words are indexed,
// and how a typed search reads.
type Tokenizer interface {
	// Words calls fn with each word of text, in order, as the index compares them.
	Words(text string, fn func(word string))
	// Indexed says whether a word goes into the index.
	Indexed(word string) bool
	// Parse reads a search as the engine's users type it.
	Parse(search string) Query
}

// Tokens lists the indexed words of text in order of appearance, repeats kept (phrase
// matching needs positions).
func Tokens(tok Tokenizer, text string) []string {
	var toks []string
	tok.Words(text, func(w string) {
		if tok.Indexed(w) {
			toks = append(toks, w)
		}
	})
	return toks
}
