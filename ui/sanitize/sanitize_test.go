package sanitize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The demo backend's hostile name: clear screen, red background, fake banner, carriage
// return, window title, C1 CSI cursor-up, backspaces, right-to-left override.
const hostile = "\x1b[2J\x1b[41mIMPERSONATING nobody\r\x1b]0;pwned\x07\u009b1A\b\b\u202eevil\x1b[0m"

func TestTextRemovesEverythingThatDrives(t *testing.T) {
	got := Text(hostile)
	for _, r := range got {
		if unicode.IsControl(r) || isBidiControl(r) {
			t.Fatalf("%q survives in %q", r, got)
		}
	}
	if strings.Contains(got, "\x1b") || strings.Contains(got, "pwned") {
		t.Fatalf("escape sequence survives: %q", got)
	}
	if got != "IMPERSONATING nobody 1Aevil" {
		t.Fatalf("got %q", got)
	}
}

func TestTextKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"Ada Lovelace", "山田 由紀", "أمينة الحسيني", "प्रिया शर्मा", "🦄 Ünïcörn Ädmin 🚀", "👩‍💻 dev"} {
		if got := Text(s); got != s {
			t.Errorf("%q became %q", s, got)
		}
	}
	if got := Text("a\tb\nc"); got != "a b c" {
		t.Errorf("whitespace: %q", got)
	}
	if got := Text("bad \xff byte"); !utf8.ValidString(got) || !strings.HasPrefix(got, "bad ") || !strings.HasSuffix(got, " byte") {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

func TestLineMeasuresWideCharactersAndTruncates(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"Ada Lovelace", 20, "Ada Lovelace"},
		{"Ada Lovelace", 5, "Ada …"},
		{"山田由紀さん", 7, "山田由…"},
		{hostile, 10, "IMPERSONA…"},
		{"x", 0, ""},
	}
	for _, c := range cases {
		got := Line(c.in, c.width)
		if got != c.want || Width(got) > c.width {
			t.Errorf("Line(%q, %d) = %q (%d cells), want %q", c.in, c.width, got, Width(got), c.want)
		}
	}
}

func FuzzLineIsSafeAndFits(f *testing.F) {
	f.Add(hostile, 12)
	f.Add("山田🦄\u202e\x9b", 3)
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = width%200 + 1
		if width < 1 {
			width = -width + 1
		}
		got := Line(s, width)
		if Width(got) > width {
			t.Fatalf("%q is %d cells, limit %d", got, Width(got), width)
		}
		for _, r := range got {
			if r == 0x1b || unicode.IsControl(r) || isBidiControl(r) {
				t.Fatalf("%q survives in %q", r, got)
			}
		}
	})
}
