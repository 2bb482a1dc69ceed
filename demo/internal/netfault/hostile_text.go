package netfault

import "strings"

// HostileText is the text hostile mode appends to every string a demo serves, with banner
// as the forged impersonation banner. It holds one of everything a terminal must never
// receive from server text: every C0 control and DEL; C1 controls as UTF-8 code points and
// as raw 8-bit bytes; CSI, OSC (title, hyperlink, clipboard), DCS, APC and RIS sequences;
// bidi controls; the forged banner; marks combining marks on one letter; wide wide
// characters; and invalid UTF-8.
func HostileText(banner string, marks, wide int) string {
	var b strings.Builder
	// Clear the screen, go home and paint the forged banner in the console's own style.
	b.WriteString("\x1b[2J\x1b[H\x1b[1;7m" + banner + "\x1b[0m")
	b.WriteString("\x1b[41m\x1b[5A")
	// Every C0 control (NUL, BEL, BS, TAB, LF, VT, FF, CR, ESC...), then DEL.
	for c := byte(0); c < 0x20; c++ {
		b.WriteByte(c)
	}
	b.WriteByte(0x7f)
	// C1 controls as code points (U+0080–U+009F, two bytes each), then CSI and OSC used.
	for r := rune(0x80); r <= 0x9f; r++ {
		b.WriteRune(r)
	}
	b.WriteString("\u009b1A\u009d0;pwned\u009c")
	// The same as raw 8-bit bytes: not UTF-8, but what an 8-bit terminal obeys.
	b.WriteString("\x9b2J\x9d0;x\x9c")
	// OSC 0 window title, OSC 8 hyperlink, OSC 52 clipboard write ("rm -rf /").
	b.WriteString("\x1b]0;pwned\x07")
	b.WriteString("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\")
	b.WriteString("\x1b]52;c;cm0gLXJmIC8K\x07")
	// DCS (terminfo query), APC (kitty graphics), RIS (full reset).
	b.WriteString("\x1bP+q544e\x1b\\\x1b_Gf=100;AAAA\x1b\\\x1bc")
	// Bidi: RLO, LRO, LRI, RLI, FSI, PDI, LRM, RLM, ALM.
	b.WriteString("\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
	// One letter under a pile of combining acute accents, then a wall of wide characters.
	b.WriteString("e" + strings.Repeat("\u0301", marks))
	b.WriteString(strings.Repeat("全", wide))
	// Invalid UTF-8: two bytes never used, a lone lead byte, an overlong "/".
	b.WriteString("\xff\xfe\xc3(\xc0\xaf")
	return b.String()
}
