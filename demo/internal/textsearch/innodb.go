package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// InnoDB follows full-text search on MariaDB/InnoDB as Appwrite uses it, down to its quirks:
//   - text splits into words at every character that is not a letter, digit, mark or
//     underscore; words compare case-insensitively;
//   - words shorter than 3 characters and InnoDB's stopwords (e.g. "com") are not indexed;
//   - a search has @,+-*()<>~" replaced by spaces; its words are OR-ed; the last word
//     matches as a prefix ("lov" finds "Lovelace"), the others only as whole words;
//   - a search wrapped in double quotes is an exact phrase;
//   - a search left empty by that cleaning matches nothing.
type InnoDB struct{}

var _ Tokenizer = InnoDB{}

// innodbMinTokenRunes is innodb_ft_min_token_size's default.
const innodbMinTokenRunes = 3

var innodbStopwords = map[string]bool{
	"a": true, "about": true, "an": true, "are": true, "as": true, "at": true, "be": true,
	"by": true, "com": true, "de": true, "en": true, "for": true, "from": true, "how": true,
	"i": true, "in": true, "is": true, "it": true, "la": true, "of": true, "on": true,
	"or": true, "that": true, "the": true, "this": true, "to": true, "was": true,
	"what": true, "when": true, "where": true, "who": true, "will": true, "with": true,
	"und": true, "www": true,
}

func isInnoDBWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Words calls fn with each lower-cased word of text, in order.
func (InnoDB) Words(text string, fn func(w string)) {
	start := -1
	for i, r := range text {
		if isInnoDBWordRune(r) {
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

// Indexed drops short words and stopwords.
func (InnoDB) Indexed(w string) bool {
	return utf8.RuneCountInString(w) >= innodbMinTokenRunes && !innodbStopwords[w]
}

// Parse reads a search in boolean mode, operators turned into spaces.
func (t InnoDB) Parse(s string) Query {
	quoted := len(s) >= 2 && strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`)
	cleaned := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`@,+-*()<>~"`, r) {
			return ' '
		}
		return r
	}, s)
	var ws []string
	t.Words(cleaned, func(w string) { ws = append(ws, w) })
	var q Query
	if quoted {
		for _, w := range ws {
			if t.Indexed(w) {
				q.Phrase = append(q.Phrase, w)
			}
		}
		return q
	}
	if len(ws) == 0 {
		return q
	}
	q.Prefix = ws[len(ws)-1]
	for _, w := range ws[:len(ws)-1] {
		if t.Indexed(w) { // InnoDB drops short words and stopwords from the query too
			q.Exact = append(q.Exact, w)
		}
	}
	return q
}
