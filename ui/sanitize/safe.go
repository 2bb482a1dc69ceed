package sanitize

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Fit cuts safe text to width cells with an ellipsis.
func Fit(s Safe, width int) Safe {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(string(s)) <= width {
		return s
	}
	return Safe(ansi.Truncate(string(s), width, "…"))
}

// Width is the number of terminal cells s takes.
func Width(s Safe) int { return ansi.StringWidth(string(s)) }

// Pad fills s with spaces to exactly width cells, cutting it if longer.
func Pad(s Safe, width int) Safe {
	s = Fit(s, width)
	if w := Width(s); w < width {
		s += Spaces(width - w)
	}
	return s
}

// Spaces is n blanks.
func Spaces(n int) Safe { return Safe(strings.Repeat(" ", max(0, n))) }

// Join concatenates parts with sep between them.
func Join(parts []Safe, sep Safe) Safe {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(p))
	}
	return Safe(b.String())
}

// Lines splits s at line breaks.
func Lines(s Safe) []Safe {
	parts := strings.Split(string(s), "\n")
	out := make([]Safe, len(parts))
	for i, p := range parts {
		out[i] = Safe(p)
	}
	return out
}

// Wrap breaks s into lines of at most width cells, at spaces where it can and inside
// words where it must: nothing is cut.
func Wrap(s Safe, width int) []Safe {
	if width <= 0 {
		return nil
	}
	return Lines(Safe(ansi.Hardwrap(ansi.Wordwrap(string(s), width, ""), width, true)))
}

// TrimSpace is strings.TrimSpace for safe text.
func TrimSpace(s Safe) Safe { return Safe(strings.TrimSpace(string(s))) }

// TrimSuffix is strings.TrimSuffix for safe text.
func TrimSuffix(s, suffix Safe) Safe { return Safe(strings.TrimSuffix(string(s), string(suffix))) }

// Short is Text for a field that is drawn on one line: at most 4 KB of s is read and the
// result is cut to 512 cells, enough for any terminal, so that a hostile 40 KB value
// costs each frame no more than a long line.
func Short(s string) Safe {
	const readAtMost, cells = 4 << 10, 512
	if len(s) > readAtMost {
		cut := readAtMost
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return Fit(Text(s), cells)
}

// Split cuts s after n cells: the head of at most n cells, and the rest.
func Split(s Safe, n int) (head, tail Safe) {
	return Safe(ansi.Truncate(string(s), n, "")), Safe(ansi.TruncateLeft(string(s), n, ""))
}
