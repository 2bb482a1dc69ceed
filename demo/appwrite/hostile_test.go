package appwrite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHostileStringHoldsEveryKind(t *testing.T) {
	kinds := map[string]string{
		"NUL":             "\x00",
		"BEL":             "\a",
		"BS":              "\b",
		"TAB":             "\t",
		"LF":              "\n",
		"VT":              "\v",
		"FF":              "\f",
		"CR":              "\r",
		"DEL":             "\x7f",
		"C1 U+0080":       "\u0080",
		"C1 U+009F":       "\u009f",
		"C1 CSI as UTF-8": "\u009b1A",
		"C1 OSC as UTF-8": "\u009d",
		"raw 8-bit CSI":   "\x9b2J",
		"raw 8-bit OSC":   "\x9d0;x\x9c",
		"clear":           "\x1b[2J",
		"home":            "\x1b[H",
		"bold reverse":    "\x1b[1;7m",
		"red background":  "\x1b[41m",
		"cursor up":       "\x1b[5A",
		"OSC 0 title":     "\x1b]0;pwned\x07",
		"OSC 8 link":      "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
		"OSC 52 clip":     "\x1b]52;c;cm0gLXJmIC8K\x07",
		"DCS":             "\x1bP+q544e\x1b\\",
		"APC":             "\x1b_Gf=100;AAAA\x1b\\",
		"RIS":             "\x1bc",
		"RLO":             "\u202e",
		"LRO":             "\u202d",
		"LRI":             "\u2066",
		"RLI":             "\u2067",
		"FSI":             "\u2068",
		"PDI":             "\u2069",
		"LRM":             "\u200e",
		"RLM":             "\u200f",
		"ALM":             "\u061c",
		"forged banner":   "IMPERSONATING ada@example.com (ada) · operator support@example.com · ctrl+x stop",
		"bad bytes":       "\xff\xfe",
		"lone lead byte":  "\xc3(",
		"overlong":        "\xc0\xaf",
	}
	for name, s := range map[string]string{"full": HostileString(), "short": ShortHostileString()} {
		for kind, want := range kinds {
			if !strings.Contains(s, want) {
				t.Errorf("%s hostile string lacks %s %q", name, kind, want)
			}
		}
		for c := byte(0); c < 0x20; c++ {
			if strings.IndexByte(s, c) < 0 {
				t.Errorf("%s hostile string lacks C0 byte %#x", name, c)
			}
		}
		if utf8.ValidString(s) {
			t.Errorf("%s hostile string is valid UTF-8", name)
		}
	}
	for name, c := range map[string]struct {
		s           string
		marks, wide int
	}{"full": {HostileString(), 5_000, 10_000}, "short": {ShortHostileString(), 50, 100}} {
		if !strings.Contains(c.s, "e"+strings.Repeat("\u0301", c.marks)) || strings.Count(c.s, "\u0301") != c.marks {
			t.Errorf("%s: %d combining marks, want %d on one letter", name, strings.Count(c.s, "\u0301"), c.marks)
		}
		if n := strings.Count(c.s, "全"); n != c.wide {
			t.Errorf("%s: %d wide characters, want %d", name, n, c.wide)
		}
	}
}
