package subjecttable

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"actas/client"
)

const hostileName = "\x1b[2J\x1b[41mIMPERSONATING nobody\r…"

func hostile() []client.Subject {
	return []client.Subject{
		{Name: "alice", Email: "alice@example.com"},
		{
			Name:   hostileName,
			Email:  "\u009b2J\u009b31mmallory@example.com\x1b]0;owned\x07",
			Phone:  "\r\n+1\b\b\b555\u202e0100",
			Labels: []string{"\x1b[5mblink", "\u2066iso\u2069", "\u200fmark"},
		},
		{Name: "bob", Email: "bob@example.com"},
	}
}

// unsafe returns the first character of s that could control the terminal, other than
// the line breaks between lines.
func unsafe(s string) (rune, bool) {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || r == '\u202e' || r == '\u202d' || (r >= '\u2066' && r <= '\u2069') || r == '\u200f' || r == '\u200e' {
			return r, true
		}
	}
	return 0, false
}

func TestHostileTextIsSanitized(t *testing.T) {
	for _, width := range []int{40, 80, 120, 200} {
		for _, cursor := range []int{0, 1} { // the hostile row selected or not
			m := newTable(t, width, 6, hostile())
			m.SetCursor(cursor)
			v := withoutCursor(m.View()) // plain styles: no other escape sequences of our own
			if r, bad := unsafe(v); bad {
				t.Fatalf("%d: %U in the output: %q", width, r, v)
			}
			if n := strings.Count(v, "\n"); n != 5 {
				t.Fatalf("%d: %d line breaks, want 5", width, n)
			}
			if !strings.Contains(v, "IMPERSONATING n") { // cut to 16 cells at width 40
				t.Fatalf("%d: the name's text is gone: %q", width, v)
			}
			checkLines(t, v, width, 6)
		}
	}
}

// With real styles the only escape sequences in the output are the table's own SGR.
func TestHostileTextWithStyles(t *testing.T) {
	m := New(DefaultStyles(true), fixedNow)
	m.SetSize(120, 6)
	m.SetRows(hostile())
	m.SetCursor(1)
	v := sgr.ReplaceAllString(m.View(), "")
	if r, bad := unsafe(v); bad {
		t.Fatalf("%U in the output: %q", r, v)
	}
	if strings.Contains(v, "owned") && strings.Contains(v, "]0;") {
		t.Fatalf("title sequence survived: %q", v)
	}
	if got := lines(m.View()); len(got) != 6 || !strings.HasPrefix(got[2], "IMPERSONATING nobody") {
		t.Fatalf("lines %q", got)
	}
}

// The guard in appendCell: text that is wider than its cell is cut, never overflows.
func TestAppendCellNeverOverflows(t *testing.T) {
	for _, s := range []string{"abcdef", "山田太郎", "👩‍💻👩‍💻", ""} {
		for w := 0; w <= 6; w++ {
			if got := ansi.StringWidth(string(appendCell(nil, s, ansi.StringWidth(s), w))); got != w {
				t.Errorf("appendCell(%q, %d) is %d cells", s, w, got)
			}
		}
	}
}
