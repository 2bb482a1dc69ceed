// Package sanitize makes server text safe to draw: a user's name must not be able to
// move the cursor, clear the screen, set the window title, reverse the text direction or
// paint a fake impersonation banner.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Text removes escape sequences, then every control character that survives them
// (ansi.Strip keeps \r, \b, \a and C1 controls such as U+009B), bidirectional overrides
// and invalid UTF-8. Line breaks and tabs become spaces so that words stay apart.
func Text(s string) string {
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && isInvalidAt(s, i):
			b.WriteRune('\uFFFD')
		case r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case unicode.IsControl(r), isBidiControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isInvalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size <= 1
}

// isBidiControl covers the embedding, override and isolate controls and the marks: they
// can reorder what the terminal shows.
func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Line is Text cut to at most width terminal cells, ending in "…" when cut. Wide
// characters (CJK, emoji) count as two cells.
func Line(s string, width int) string {
	return Fit(Text(s), width)
}

// Fit cuts already-safe text to width cells with an ellipsis.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// Width is the number of terminal cells s takes.
func Width(s string) int { return ansi.StringWidth(s) }
