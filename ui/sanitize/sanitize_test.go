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

// drives reports a rune or byte of s that a terminal would act on, if any.
func drives(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return "invalid UTF-8", true
		case r == 0x1b, unicode.IsControl(r), Invisible(r):
			return string(r), true
		}
	}
	return "", false
}

func TestTextRemovesEverythingThatDrives(t *testing.T) {
	got := Text(hostile)
	if what, bad := drives(string(got)); bad {
		t.Fatalf("%q survives in %q", what, got)
	}
	if strings.Contains(string(got), "pwned") {
		t.Fatalf("escape sequence survives: %q", got)
	}
	if got != "IMPERSONATING nobody \uFFFDevil" {
		t.Fatalf("got %q", got)
	}
}

// A C1 CSI drops with its parameters, in UTF-8 (U+009B) and as a raw 8-bit byte, like
// the 7-bit form: "1A" must not show as text.
func TestC1SequencesDropWhole(t *testing.T) {
	for in, want := range map[string]string{
		"a\u009b1Ab":            "ab",
		"a\x9b2Jb":              "ab",
		"a\x1b[1Ab":             "ab",
		"a\u009d0;title\u009cb": "ab",
		"a\x9d0;title\x9cb":     "ab",
		"a\u0090q\u009cb":       "ab",
		"a\x1b]8;;https://x\x1b\\l\x1b]8;;\x1b\\b": "alb",
		"a\x1b]52;c;cm0K\x07b":                     "ab",
		"a\x1bP+q544e\x1b\\b":                      "ab",
		"a\x1b_Gf=100\x1b\\b":                      "ab",
		"a\x1bcb":                                  "ab",
		"a\x1b(Bb":                                 "ab",
		"a\u0085b":                                 "ab",
		"unterminated \x1b]0;title":                "unterminated ",
	} {
		if got := Text(in); string(got) != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInvisibleCharactersShowAsPlaceholders(t *testing.T) {
	for _, in := range []string{"ada\u200b@example.com", "ada\u202e@example.com", "ada\u2066x", "ada\ufeffx", "ada\U000e0041x"} {
		got := Text(in)
		if !strings.Contains(string(got), "\uFFFD") || strings.ContainsFunc(string(got), Invisible) {
			t.Errorf("Text(%q) = %q: the invisible character must show", in, got)
		}
	}
}

func TestCombiningMarksAreCapped(t *testing.T) {
	got := Text("Z" + strings.Repeat("\u0301", 5000) + "ed")
	if n := strings.Count(string(got), "\u0301"); n != maxMarks || !strings.HasSuffix(string(got), "ed") {
		t.Fatalf("%d marks kept in %q", n, got)
	}
}

func TestTextKeepsOrdinaryText(t *testing.T) {
	for _, s := range []string{"Ada Lovelace", "山田 由紀", "أمينة الحسيني", "प्रिया शर्मा", "🦄 Ünïcörn Ädmin 🚀", "👩‍💻 dev", "Nguyễn Văn Ánh"} {
		if got := Text(s); string(got) != s {
			t.Errorf("%q became %q", s, got)
		}
	}
	if got := Text("a\tb\nc"); got != "a b c" {
		t.Errorf("whitespace: %q", got)
	}
	if got := Text("bad \xff byte"); got != "bad \uFFFD byte" {
		t.Errorf("invalid UTF-8: %q", got)
	}
}

// Styled keeps the widget's own colours and nothing else.
func TestStyledKeepsOnlySGR(t *testing.T) {
	in := "\x1b[1;38;2;1;2;3mhi\x1b[0m \x1b[2J\x1b]0;t\x07\u202e\u009b1Ax"
	if got := Styled(in); got != "\x1b[1;38;2;1;2;3mhi\x1b[0m \uFFFDx" {
		t.Fatalf("got %q", got)
	}
}

func TestLineMeasuresWideCharactersAndTruncates(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  Safe
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

func TestWrapCutsNothing(t *testing.T) {
	lines := Wrap("ada.lovelace.countess.of.lovelace@analytical-engine.example.com (ada)", 20)
	if got := strings.ReplaceAll(string(Join(lines, "")), " ", ""); got != "ada.lovelace.countess.of.lovelace@analytical-engine.example.com(ada)" {
		t.Fatalf("wrapped: %q", lines)
	}
	for _, l := range lines {
		if Width(l) > 20 {
			t.Fatalf("line %q is wider than 20", l)
		}
	}
}

func FuzzLineIsSafeAndFits(f *testing.F) {
	f.Add(hostile, 12)
	f.Add("山田🦄\u202e\x9b", 3)
	f.Add("\x9d\x1b\\x\xc2", 5)
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = width%200 + 1
		if width < 1 {
			width = -width + 1
		}
		got := Line(s, width)
		if Width(got) > width {
			t.Fatalf("%q is %d cells, limit %d", got, Width(got), width)
		}
		if what, bad := drives(string(got)); bad {
			t.Fatalf("%q survives in %q", what, got)
		}
	})
}

func FuzzStyledKeepsNothingButSGR(f *testing.F) {
	f.Add(hostile)
	f.Add("\x1b[1;7mx\x1b[0m\x1b[5A")
	f.Fuzz(func(t *testing.T, s string) {
		got := string(Styled(s))
		for i := 0; i < len(got); i++ {
			if got[i] != 0x1b {
				continue
			}
			n, sgr := escapeLen(got[i:])
			if !sgr {
				t.Fatalf("non-SGR escape %q survives in %q", got[i:i+n], got)
			}
			i += n - 1
		}
		if what, bad := drives(strings.Map(func(r rune) rune {
			if r == 0x1b {
				return 'E'
			}
			return r
		}, got)); bad {
			t.Fatalf("%q survives in %q", what, got)
		}
	})
}

func TestStyledKeepsLinesTextDoesNot(t *testing.T) {
	if got := Styled("a\nb\r\n"); got != "a\nb \n" {
		t.Fatalf("Styled: %q", got)
	}
	if got := Text("a\nb"); got != "a b" {
		t.Fatalf("Text: %q", got)
	}
}
