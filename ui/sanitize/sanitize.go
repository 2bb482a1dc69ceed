// Package sanitize is the one boundary server text crosses on its way to the terminal.
// What the console draws is Safe; the only ways to make Safe from a string are Text (for
// server text: a user's name must not move the cursor, clear the screen, set the window
// title, open a link, reverse the text direction or paint a fake impersonation banner)
// and Styled (for views the console's own widgets drew). Constants convert by themselves.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Safe is text that may be drawn as it is: no escape sequence but the console's own
// styling, no control character but line breaks.
type Safe string

// maxMarks bounds the combining marks kept on one character: real scripts stack a few,
// a "zalgo" name stacks thousands to smear over neighbouring lines.
const maxMarks = 8

// placeholder stands for an invisible character that could hide or reorder text (bidi
// controls, zero-width spaces) and for bytes that are not UTF-8: it shows that something
// is there without letting it act.
const placeholder = '\uFFFD'

// Text makes server text safe: escape sequences (7-bit and C1, in UTF-8 or as raw 8-bit
// bytes) are dropped whole, parameters included; other control characters are dropped;
// line breaks and tabs become spaces so that words stay apart; bidi controls, invisible
// format characters and invalid UTF-8 become U+FFFD; combining marks are capped.
func Text(s string) Safe { return Safe(clean(s, false)) }

// Line is Text cut to at most width terminal cells, ending in "…" when cut. Wide
// characters (CJK, emoji) count as two cells.
func Line(s string, width int) Safe { return Fit(Text(s), width) }

// Styled makes a view drawn by one of the console's own widgets (a text input, the help
// bar, the user table) safe: it keeps SGR styling and line breaks, and drops everything
// else Text drops.
// Text typed or pasted into an input shows its bidi controls as U+FFFD. Never give it
// server text: Text is for that (a test holds every call to a widget's View).
func Styled(view string) Safe { return Safe(clean(view, true)) }

func clean(s string, keepSGR bool) string {
	if printableASCII(s, keepSGR) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	marks := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			n, sgr := escapeLen(s[i:])
			if keepSGR && sgr {
				b.WriteString(s[i : i+n])
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && s[i] >= 0x80 && s[i] <= 0x9f:
			i += c1Len(s[i+1:], s[i]) + 1 // a C1 control as a raw 8-bit byte
			continue
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(placeholder)
			marks = 0
		case r >= 0x80 && r <= 0x9f:
			i += c1Len(s[i+size:], byte(r)) + size
			continue
		case r == '\n' && keepSGR: // a widget's view has lines of its own
			b.WriteByte('\n')
			marks = 0
		case r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
			marks = 0
		case unicode.IsControl(r):
			// dropped
		case Invisible(r):
			b.WriteRune(placeholder)
			marks = 0
		case unicode.In(r, unicode.Mn, unicode.Me):
			if marks < maxMarks {
				b.WriteRune(r)
			}
			marks++
		default:
			b.WriteRune(r)
			marks = 0
		}
		i += size
	}
	return b.String()
}

func printableASCII(s string, lines bool) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 0x20 && !(lines && s[i] == '\n')) || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// Invisible says whether r is a character that draws nothing yet changes what text means
// or how it is ordered: bidi embeddings, overrides, isolates and marks, zero-width spaces
// and joiners used outside words, and the other format characters (Unicode category Cf).
// Zero-width joiners stay: emoji and several scripts need them.
func Invisible(r rune) bool {
	if r == '\u200d' || r == '\u200c' {
		return false
	}
	return unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' || (r >= 0xe0000 && r <= 0xe007f)
}

// escapeLen is the length of the escape sequence at the start of s (s[0] is ESC), and
// whether it is an SGR sequence (styling only).
func escapeLen(s string) (n int, sgr bool) {
	if len(s) < 2 {
		return len(s), false
	}
	switch c := s[1]; {
	case c == '[':
		n, final := csiLen(s[2:])
		return 2 + n, final == 'm' && sgrParams(s[2:2+n])
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return 2 + stringLen(s[2:], c == ']'), false
	case c >= 0x20 && c <= 0x2f: // intermediates, then one final byte (ESC ( B …)
		j := 1
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j, false
	case c >= 0x30 && c <= 0x7e: // ESC c (reset), ESC 7, ESC M …
		return 2, false
	}
	return 1, false
}

// c1Len is how much of s belongs to the C1 control c that precedes it: the parameters of
// a CSI, the payload of a string control, nothing for the others.
func c1Len(s string, c byte) int {
	switch c {
	case 0x9b: // CSI
		n, _ := csiLen(s)
		return n
	case 0x9d: // OSC
		return stringLen(s, true)
	case 0x90, 0x98, 0x9e, 0x9f: // DCS, SOS, PM, APC
		return stringLen(s, false)
	}
	return 0
}

// csiLen is the length of a CSI's parameters, intermediates and final byte; a sequence
// cut short by anything else ends there. final is 0 when there was none.
func csiLen(s string) (n int, final byte) {
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x3f {
		n++
	}
	if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
		return n + 1, s[n]
	}
	return n, 0
}

func sgrParams(s string) bool {
	if s == "" || s[len(s)-1] != 'm' {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if c := s[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// stringLen is the length of a control string's payload with its terminator: ST (ESC \,
// 0x9c, or U+009C), or BEL for OSC. An unterminated one runs to the end.
func stringLen(s string, bel bool) int {
	for i := 0; i < len(s); i++ {
		switch {
		case bel && s[i] == 0x07, s[i] == 0x9c:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}
