package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"actas/ui/sanitize"
)

// noun is the dialect's word for whom the operator acts as ("user"); nouns is its plural
// and Noun/Nouns the same with a capital, for titles.
func (e *env) noun() sanitize.Safe  { return sanitize.Text(e.deps.Description.Subject.One) }
func (e *env) nouns() sanitize.Safe { return sanitize.Text(e.deps.Description.Subject.Many) }
func (e *env) Noun() sanitize.Safe  { return sanitize.Text(capital(e.deps.Description.Subject.One)) }
func (e *env) Nouns() sanitize.Safe { return sanitize.Text(capital(e.deps.Description.Subject.Many)) }

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.Clone(s[n:])
}

// confirmBrief is what the actions menu's note asks to type ("email").
func (e *env) confirmBrief() sanitize.Safe {
	if b := e.deps.Description.Confirm.Brief; b != "" {
		return sanitize.Text(b)
	}
	return e.confirmWords()
}

// confirmWords name what confirms a write ("email or id").
func (e *env) confirmWords() sanitize.Safe {
	if w := e.deps.Description.Confirm.Words; w != "" {
		return sanitize.Text(w)
	}
	return "email or id"
}
