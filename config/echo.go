package config

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// echoCells bounds a value (or a key or profile name) echoed in an error, so that a
// pasted blob still gives one short line.
const echoCells = 60

// quoteValue quotes s for an error, cut to echoCells with the rest counted:
// "aaaa…" (99940 more characters).
func quoteValue(s string) string {
	shown, rest := cutEscaped(s, echoCells)
	if rest == 0 {
		return `"` + shown + `"`
	}
	more := " more characters"
	if rest == 1 {
		more = " more character"
	}
	return `"` + shown + `…" (` + strconv.Itoa(rest) + more + ")"
}

// cutEscaped is s escaped as inside a Go string literal (control characters and
// invalid bytes spelled out, so they cannot drive a terminal or break the line), cut
// to at most cells cells and cells runes (a run of zero-width marks is not free),
// and how many runes of s were left out.
func cutEscaped(s string, cells int) (shown string, rest int) {
	var b strings.Builder
	used, runes := 0, 0
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		q := strconv.Quote(s[i : i+size])
		q = q[1 : len(q)-1]
		w := ansi.StringWidth(q)
		if used+w > cells || runes == cells {
			return b.String(), utf8.RuneCountInString(s[i:])
		}
		b.WriteString(q)
		used, runes, i = used+w, runes+1, i+size
	}
	return b.String(), 0
}

// listNames writes names for an error, within about echoCells in all: the first
// (cut if need be), then as many more as fit, then how many were left out.
func listNames(names []string) string {
	var shown []string
	budget := echoCells
	for i, n := range names {
		s, rest := cutEscaped(n, budget)
		if i > 0 && rest > 0 {
			shown = append(shown, "and "+strconv.Itoa(len(names)-i)+" more")
			break
		}
		if rest > 0 {
			s += "…"
		}
		shown = append(shown, s)
		budget = max(budget-ansi.StringWidth(s)-len(", "), 0)
	}
	return strings.Join(shown, ", ")
}
