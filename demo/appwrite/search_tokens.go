package appwrite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The demo's full-text search follows Appwrite on MariaDB/InnoDB, down to its quirks:
//   - a user's searchable text is "$id email phone name", split into words at every
//     character that is not a letter, digit, mark or underscore, compared case-insensitively;
//   - words shorter than 3 characters and InnoDB's stopwords (e.g. "com") are not indexed;
//   - a search string has @,+-*()<>~" replaced by spaces; the words are OR-ed; the last
//     word matches as a prefix ("lov" finds "Lovelace"), the others only as whole words;
//   - a search wrapped in double quotes is an exact phrase;
//   - a search left empty by that cleaning matches nothing.

const minTokenRunes = 3

var stopwords = map[string]bool{
	"a": true, "about": true, "an": true, "are": true, "as": true, "at": true, "be": true,
	"by": true, "com": true, "de": true, "en": true, "for": true, "from": true, "how": true,
	"i": true, "in": true, "is": true, "it": true, "la": true, "of": true, "on": true,
	"or": true, "that": true, "the": true, "this": true, "to": true, "was": true,
	"what": true, "when": true, "where": true, "who": true, "will": true, "with": true,
	"und": true, "www": true,
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// words calls fn with each lower-cased word of text, in order.
func words(text string, fn func(w string)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		fn(strings.ToLower(text[start:]))
	}
}

func indexable(w string) bool {
	return utf8.RuneCountInString(w) >= minTokenRunes && !stopwords[w]
}

func searchableText(u *user) string {
	return u.id + " " + u.email + " " + u.phone + " " + u.name
}

// userTokens lists the indexed words of a user, in order of appearance, repeats kept (phrase
// matching needs positions).
func userTokens(u *user) []string {
	var toks []string
	words(searchableText(u), func(w string) {
		if indexable(w) {
			toks = append(toks, w)
		}
	})
	return toks
}

// searchQuery is a parsed `search` parameter.
type searchQuery struct {
	exact  []string // whole words, OR-ed
	prefix string   // last word, matched as a prefix ("" if none)
	phrase []string // set for a quoted search: these words in a row
}

func (q searchQuery) empty() bool {
	return len(q.exact) == 0 && q.prefix == "" && len(q.phrase) == 0
}

func parseSearch(s string) searchQuery {
	quoted := len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`)
	cleaned := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`@,+-*()<>~"`, r) {
			return ' '
		}
		return r
	}, s)
	var ws []string
	words(cleaned, func(w string) { ws = append(ws, w) })
	var q searchQuery
	if quoted {
		for _, w := range ws {
			if indexable(w) {
				q.phrase = append(q.phrase, w)
			}
		}
		return q
	}
	if len(ws) == 0 {
		return q
	}
	q.prefix = ws[len(ws)-1]
	for _, w := range ws[:len(ws)-1] {
		if indexable(w) { // InnoDB drops short words and stopwords from the query too
			q.exact = append(q.exact, w)
		}
	}
	return q
}

// matches decides for one user's tokens; used for users changed after indexing.
func (q searchQuery) matches(toks []string) bool {
	if len(q.phrase) > 0 {
		return containsRun(toks, q.phrase)
	}
	for _, t := range toks {
		if q.prefix != "" && strings.HasPrefix(t, q.prefix) {
			return true
		}
		for _, w := range q.exact {
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
