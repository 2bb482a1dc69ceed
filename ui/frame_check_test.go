package ui

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// The one frame checker of issue 7 (sections 1 and 2), shared by the hostile-backend walk
// and the banner-identity table. It reads the frame as the terminal gets it (raw, with
// SGR) and holds it to what the product promises:
//   - the frame fits: at most height lines, each at most width cells;
//   - nothing but SGR styling and line breaks reaches the terminal: no C0 control but \n,
//     no DEL, no C1 control, no raw 8-bit byte, no other escape sequence, no bidi or other
//     invisible format character (the window title is held to the same, without SGR);
//   - while impersonating the banner comes first, and says whole, in this order,
//     IMPERSONATING, the verified email, the verified id, the mode, the operator, the
//     time and the stop key; the user's name only after the identity, in one pair of
//     quotes; every cell of the banner is bold and reversed, with colour and without;
//   - nothing else looks like the banner: no other cell is bold and reversed at once, no
//     other line starts with IMPERSONATING.
// Each rule reports with a tag in brackets, so that the tests of the checker itself can
// prove each rule fires.

// frameT is the part of *testing.T the checker reports through (a recorder in the tests
// of the checker).
type frameT interface {
	Helper()
	Errorf(format string, args ...any)
}

// frame is one View as the terminal gets it, with what the checker needs of the model.
type frame struct {
	where         string
	raw           string   // View().Content
	title         string   // View().WindowTitle
	width, height int      // the terminal's size
	banner        []string // the banner's lines as bannerView draws them (nil: not impersonating)
	short         bool     // the terminal is too short for the banner with the whole identity
}

// snap takes the frame the model draws now.
func snap(where string, m Model) frame {
	v := m.View()
	f := frame{where: where, raw: v.Content, title: v.WindowTitle, width: m.width, height: m.height}
	if m.active != nil {
		for _, l := range sanitize.Lines(m.bannerView()) {
			f.banner = append(f.banner, string(l))
		}
		whole := renderBanner(m.env.styles, m.bannerInfo(), m.now, m.width, 1<<20)
		f.short = len(sanitize.Lines(whole)) > m.height-3
	}
	return f
}

// identityWant is who the banner must name: the user as the backend holds them, and the
// operator's email. A zero subject says nobody is impersonated.
type identityWant struct {
	sub      client.Subject
	operator string
	// short: the terminal has not the lines for the whole identity, so the email and id
	// may end in "…" (the operator, time and stop key still may not).
	short bool
	// noEmail: the dialect's subjects have none (tenants): the id comes first; scope is
	// where in the subject requests act ("in env_staging" after the id).
	noEmail bool
	scope   string
}

func (w identityWant) impersonating() bool { return w.sub.ID != "" || w.sub.Email != "" }

// stopKeyText is what the banner says of the stop key.
func stopKeyText() string { return DefaultKeyMap().Global.Stop.Help().Key + " stop" }

// checkSafeFrame fails the test unless the frame the model draws now keeps every promise,
// as drawn with colour and as a terminal without colour (NO_COLOR) gets it. sub is the
// user acted as, as the backend holds them (zero when nobody is).
func checkSafeFrame(t frameT, where string, m Model, sub client.Subject, operatorEmail string) bool {
	t.Helper()
	return checkTakenFrame(t, snap(where, m), identityWant{sub: sub, operator: operatorEmail})
}

// checkTakenFrame is checkSafeFrame on a frame already taken.
func checkTakenFrame(t frameT, f frame, want identityWant) bool {
	t.Helper()
	want.short = f.short
	ok := checkFrameAs(t, f, want, colorprofile.TrueColor)
	return checkFrameAs(t, f, want, colorprofile.ASCII) && ok
}

// checkFrameAs checks a frame as a terminal with this colour profile gets it (TrueColor:
// as drawn; ASCII: downsampled as Bubble Tea does under NO_COLOR).
func checkFrameAs(t frameT, f frame, want identityWant, profile colorprofile.Profile) bool {
	t.Helper()
	raw, banner := f.raw, f.banner
	if profile != colorprofile.TrueColor {
		raw = downsample(raw, profile)
		banner = nil
		for _, l := range f.banner {
			banner = append(banner, downsample(l, profile))
		}
	}
	var problems []string
	if want.impersonating() != (f.banner != nil) {
		problems = append(problems, fmt.Sprintf("[state] impersonating %v, but the model's banner has %d lines", want.impersonating(), len(f.banner)))
	}
	problems = append(problems, frameProblems(raw, f.width, f.height, len(f.banner), want)...)
	problems = append(problems, bannerLineProblems(raw, banner)...)
	problems = append(problems, titleProblems(f.title)...)
	if len(problems) == 0 {
		return true
	}
	const most = 8
	more := ""
	if len(problems) > most {
		more = fmt.Sprintf("\n  … and %d more", len(problems)-most)
		problems = problems[:most]
	}
	t.Errorf("%s at %dx%d (%s): %d problem(s):\n  %s%s\nframe (plain):\n%s", f.where, f.width, f.height, profile,
		len(problems), strings.Join(problems, "\n  "), more, ansi.Strip(raw))
	return false
}

// downsample is the frame as Bubble Tea writes it to a terminal with this profile.
func downsample(s string, profile colorprofile.Profile) string {
	var out bytes.Buffer
	w := &colorprofile.Writer{Forward: &out, Profile: profile}
	_, _ = w.WriteString(s)
	return out.String()
}

// sgrSequence is the only escape sequence a frame may hold.
var sgrSequence = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// frameProblems checks a raw frame on a width × height terminal whose first bannerLines
// lines are the banner (0: nobody is impersonated).
func frameProblems(raw string, width, height, bannerLines int, want identityWant) []string {
	var out []string
	lines := strings.Split(raw, "\n")
	if len(lines) > height {
		out = append(out, fmt.Sprintf("[height] %d lines on a %d-line terminal", len(lines), height))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			out = append(out, fmt.Sprintf("[width] line %d is %d cells on a %d-cell terminal: %q", i, w, width, ansi.Strip(l)))
		}
	}
	out = append(out, controlProblems(sgrSequence.ReplaceAllString(raw, ""), true)...)
	cells := styledCells(raw)
	for i := range lines {
		inBanner := i < bannerLines
		for _, c := range cells[i] {
			if c.r == ' ' {
				continue
			}
			if bold := c.bold && c.reverse; bold && !inBanner {
				out = append(out, fmt.Sprintf("[bold+reverse] line %d draws %q bold and reversed, like the banner: %q", i, c.r, ansi.Strip(lines[i])))
				break
			} else if !bold && inBanner {
				out = append(out, fmt.Sprintf("[banner-style] banner line %d draws %q without bold and reverse: %q", i, c.r, ansi.Strip(lines[i])))
				break
			}
		}
		if !inBanner && strings.HasPrefix(ansi.Strip(lines[i]), "IMPERSONATING") {
			out = append(out, fmt.Sprintf("[forged-line] line %d, outside the banner, starts like it: %q", i, ansi.Strip(lines[i])))
		}
	}
	if want.impersonating() {
		if bannerLines == 0 {
			return append(out, "[banner-lines] no banner while impersonating")
		}
		if bannerLines > len(lines) {
			out = append(out, fmt.Sprintf("[banner-lines] a banner of %d lines in a frame of %d: its end is cut off", bannerLines, len(lines)))
		}
		var plainBanner []string
		for _, l := range lines[:min(bannerLines, len(lines))] {
			plainBanner = append(plainBanner, ansi.Strip(l))
		}
		out = append(out, bannerProblems(plainBanner, width, want)...)
	}
	return out
}

// controlProblems reports what a terminal would act on in s (SGR already removed): any
// byte below 0x20 but a line break (when lines), DEL, C1 controls, raw 8-bit bytes and
// invalid UTF-8, ESC, and bidi or other invisible format characters.
func controlProblems(s string, lines bool) []string {
	var out []string
	seen := map[string]bool{}
	add := func(tag string, i int, what string) {
		if seen[tag] {
			return
		}
		seen[tag] = true
		lo, hi := max(0, i-20), min(len(s), i+20)
		out = append(out, fmt.Sprintf("[%s] %s at byte %d: …%q…", tag, what, i, s[lo:hi]))
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			add("utf8", i, fmt.Sprintf("raw byte %#x (not UTF-8)", s[i]))
		case r == 0x1b:
			add("escape", i, "an escape sequence other than SGR")
		case r == '\n' && lines:
		case r < 0x20 || r == 0x7f:
			add("control", i, fmt.Sprintf("control character %U", r))
		case r >= 0x80 && r <= 0x9f:
			add("c1", i, fmt.Sprintf("C1 control %U", r))
		case sanitize.Invisible(r):
			add("invisible", i, fmt.Sprintf("invisible format character %U", r))
		}
		i += size
	}
	return out
}

// titleProblems holds the window title (an OSC the terminal reads to its end) to the
// same rules, without SGR.
func titleProblems(title string) []string {
	var out []string
	for _, p := range controlProblems(title, false) {
		out = append(out, "[title] "+p)
	}
	return out
}

// bannerLineProblems checks that the frame opens with the banner exactly as bannerView
// drew it: no line of it cut, dropped or restyled on the way.
func bannerLineProblems(raw string, banner []string) []string {
	lines := strings.Split(raw, "\n")
	for i, want := range banner {
		if i >= len(lines) {
			return []string{fmt.Sprintf("[banner-lines] the frame has %d lines; the banner has %d", len(lines), len(banner))}
		}
		if lines[i] != want {
			return []string{fmt.Sprintf("[banner-lines] line %d is not the banner's line %d:\n    got  %q\n    want %q", i, i, ansi.Strip(lines[i]), ansi.Strip(want))}
		}
	}
	return nil
}

// cell is one rune as drawn, with the SGR attributes in force.
type cell struct {
	r             rune
	bold, reverse bool
}

// styledCells are the runes of each line with the bold and reverse attributes in force,
// as a terminal keeps them: across line breaks, until reset.
func styledCells(raw string) [][]cell {
	var out [][]cell
	var line []cell
	var bold, reverse bool
	for i := 0; i < len(raw); {
		if raw[i] == 0x1b {
			loc := sgrSequence.FindStringIndex(raw[i:])
			if loc == nil || loc[0] != 0 {
				i++ // not SGR: controlProblems reports it
				continue
			}
			bold, reverse = applySGR(raw[i+2:i+loc[1]-1], bold, reverse)
			i += loc[1]
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		if r == '\n' {
			out = append(out, line)
			line = nil
			continue
		}
		line = append(line, cell{r: r, bold: bold, reverse: reverse})
	}
	return append(out, line)
}

// applySGR applies one SGR's parameters to the bold and reverse attributes: empty or 0
// resets, 1 sets bold and 22 clears it, 7 sets reverse and 27 clears it. The arguments
// of extended colours (38/48/58;5;n and 38/48/58;2;r;g;b) are skipped, so a colour
// component of 1 or 7 is not read as bold or reverse; a colon sub-parameter list
// (38:2::r:g:b, 4:3) is one attribute that is neither.
func applySGR(params string, bold, reverse bool) (bool, bool) {
	if params == "" {
		return false, false
	}
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		if strings.Contains(ps[i], ":") {
			continue
		}
		n := 0
		if ps[i] != "" {
			var err error
			if n, err = strconv.Atoi(ps[i]); err != nil {
				continue
			}
		}
		switch n {
		case 0:
			bold, reverse = false, false
		case 1:
			bold = true
		case 22:
			bold = false
		case 7:
			reverse = true
		case 27:
			reverse = false
		case 38, 48, 58:
			if i+1 < len(ps) {
				switch ps[i+1] {
				case "5":
					i += 2
				case "2":
					i += 4
				}
			}
		}
	}
	return bold, reverse
}

// shownText is server text as the banner shows it.
func shownText(s string) string { return string(sanitize.Text(s)) }

// squeeze drops the blanks: wrapping breaks lines at spaces and may drop them there.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' {
			return -1
		}
		return r
	}, s)
}

// nameSegment finds the user's name in squeezed banner text: from the opening “ to its
// closing ” or to the ellipsis that cut it.
func nameSegment(s string) (start, end int, ok bool) {
	start = strings.Index(s, "“")
	if start < 0 {
		return 0, 0, false
	}
	rest := s[start+len("“"):]
	cl, el := strings.Index(rest, "”"), strings.Index(rest, "…")
	switch {
	case cl >= 0 && (el < 0 || cl < el):
		end = start + len("“") + cl + len("”")
	case el >= 0:
		end = start + len("“") + el + len("…")
	default:
		end = len(s)
	}
	return start, end, true
}

var bannerClock = regexp.MustCompile(`\d+:\d\d`)

// bannerProblems checks the banner's plain lines: IMPERSONATING first, then, whole and in
// order, the verified email, the verified id, the mode, the operator, the time and the
// stop key; the user's name only after the identity and in one pair of quotes. A part as
// wide as the terminal or narrower sits whole on one line; a wider one is wrapped, never
// cut (the lines are read joined, blanks dropped).
func bannerProblems(lines []string, width int, want identityWant) []string {
	var out []string
	if !strings.HasPrefix(lines[0], "IMPERSONATING") {
		out = append(out, fmt.Sprintf("[banner-first] the first line does not start with IMPERSONATING: %q", lines[0]))
	}
	joined := squeeze(strings.Join(lines, ""))
	email := shownText(want.sub.Email)
	if email == "" {
		email = "(no email)"
	}
	id := "(" + shownText(want.sub.ID) + ")"
	if want.noEmail { // a tenant: its id first, then where in it
		email, id = shownText(want.sub.ID), ""
	}
	if want.scope != "" {
		id = strings.TrimSpace(id + " in " + shownText(want.scope))
	}
	operator := "operator " + shownText(want.operator)
	stop := stopKeyText()
	whole := func(tag, part string) {
		if sanitize.Width(sanitize.Safe(part)) > width {
			return
		}
		for _, l := range lines {
			if strings.Contains(l, part) {
				return
			}
		}
		out = append(out, fmt.Sprintf("[%s] %q fits in %d cells but no banner line shows it whole", tag, part, width))
	}
	if want.short { // the identity is cut to what the height holds: its start is what shows
		email = string([]rune(email)[:min(8, utf8.RuneCountInString(email))])
		id = string([]rune(id)[:min(6, utf8.RuneCountInString(id))])
	} else {
		whole("banner-email", email)
		whole("banner-id", id)
	}
	whole("banner-operator", operator)
	whole("banner-stop", stop)

	// The identity comes before the user's own words, and only text outside the name's
	// quotes counts as a required part.
	text, nameAt := joined, -1
	if s, e, ok := nameSegment(joined); ok {
		text, nameAt = joined[:s]+joined[e:], s
	}
	if n := strings.Count(joined, "“"); n > 1 || strings.Count(joined, "”") > 1 {
		out = append(out, fmt.Sprintf("[banner-quotes] the banner has %d “ and %d ”: the name must sit in one pair", n, strings.Count(joined, "”")))
	}
	pos := 0
	if strings.HasPrefix(text, "IMPERSONATING") {
		pos = len("IMPERSONATING")
	}
	ei := strings.Index(text[pos:], squeeze(email))
	if ei < 0 {
		return append(out, fmt.Sprintf("[banner-email] the verified email %q is not in the banner (outside the user's name)", email))
	}
	if nm := squeeze(strings.NewReplacer("“", "'", "”", "'", `"`, "'").Replace(shownText(want.sub.Name))); utf8.RuneCountInString(nm) >= 3 {
		prefix := string([]rune(nm)[:min(6, utf8.RuneCountInString(nm))])
		if at := strings.Index(text[pos:], prefix); at >= 0 && at < ei {
			out = append(out, fmt.Sprintf("[banner-order] the user's name (%q) shows before the verified email: %q", prefix, joined))
		}
	}
	pos += ei + len(squeeze(email))
	ii := strings.Index(text[pos:], squeeze(id))
	if ii < 0 {
		return append(out, fmt.Sprintf("[banner-id] the verified id %q is not in the banner after the email (outside the user's name)", id))
	}
	pos += ii + len(squeeze(id))
	if nameAt >= 0 && nameAt < pos {
		out = append(out, fmt.Sprintf("[banner-order] the user's name starts before the end of the verified identity: %q", joined))
	}
	rest := text[pos:]
	for _, p := range []struct{ tag, text string }{{"banner-mode", ""}, {"banner-operator", operator}, {"banner-clock", ""}, {"banner-stop", stop}} {
		switch p.tag {
		case "banner-mode":
			ri, wi := strings.Index(rest, "READ-ONLY"), strings.Index(rest, "WRITE")
			switch {
			case ri < 0 && wi < 0:
				out = append(out, "[banner-mode] neither READ-ONLY nor WRITE after the identity")
				return out
			case ri >= 0 && (wi < 0 || ri < wi):
				rest = rest[ri+len("READ-ONLY"):]
			default:
				rest = rest[wi+len("WRITE"):]
			}
		case "banner-clock":
			loc := bannerClock.FindStringIndex(rest)
			if loc == nil {
				out = append(out, "[banner-clock] no mm:ss after the operator")
				return out
			}
			rest = rest[loc[1]:]
		default:
			i := strings.Index(rest, squeeze(p.text))
			if i < 0 {
				out = append(out, fmt.Sprintf("[%s] %q is not in the banner in its place (outside the user's name)", p.tag, p.text))
				return out
			}
			rest = rest[i+len(squeeze(p.text)):]
		}
	}
	return out
}

// ---- The checker's own tests: every rule fires on a frame crafted to break it. ----

// frameRecorder stands in for *testing.T.
type frameRecorder struct{ errs []string }

func (r *frameRecorder) Helper() {}
func (r *frameRecorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

const (
	bannerOn  = "\x1b[1;7;38;2;255;95;95;48;2;255;255;255m"
	bannerOff = "\x1b[m"
)

// goodBanner is a banner as renderBanner draws it, one line, padded to width.
func goodBanner(width int, text string) string {
	return bannerOn + string(sanitize.Pad(sanitize.Safe(text), width)) + bannerOff
}

var craftedWant = identityWant{
	sub:      client.Subject{ID: "olga", Email: "olga.smirnova@example.ru", Name: "Ada Lovelace ada@example.com (ada)"},
	operator: "support@example.com",
}

const craftedBanner = "IMPERSONATING olga.smirnova@example.ru (olga) “Ada Lovelace ada@exam…” · READ-ONLY · HELP-1 · operator support@example.com · 00:00 · ctrl+x stop"

func craftedFrame(body ...string) string {
	return strings.Join(append([]string{goodBanner(160, craftedBanner), "actas · support@example.com"}, body...), "\n")
}

func tags(problems []string) []string {
	var out []string
	for _, p := range problems {
		if i := strings.IndexByte(p, ']'); strings.HasPrefix(p, "[") && i > 0 {
			out = append(out, p[:i+1])
		}
	}
	return out
}

func TestFrameCheckPassesAGoodFrame(t *testing.T) {
	raw := craftedFrame(
		"  \x1b[38;2;1;7;7mcolour components of 1 and 7 are no attributes\x1b[0m",
		"  \x1b[7;38;2;1;1;1mreversed only\x1b[m and \x1b[1;38:2::7:7:7mbold only\x1b[22m",
		"  \x1b[1;7m\x1b[22mx reverse stays, bold cleared: "+"\x1b[27m"+"plain",
		"\x1b[1m\x1b[7m \x1b[0m a bold reversed blank is not text",
		"  IMPERSONATING after a gutter is not at the start",
		"山田 由紀 · 🦄 · é\u0301 · \uFFFD shows what was dropped")
	if p := frameProblems(raw, 160, 10, 1, craftedWant); len(p) != 0 {
		t.Fatalf("a good frame fails:\n%s", strings.Join(p, "\n"))
	}
	// Nobody impersonated: no banner wanted, and none may be drawn.
	if p := frameProblems("actas\n  body", 80, 5, 0, identityWant{}); len(p) != 0 {
		t.Fatalf("a good frame without banner fails: %v", p)
	}
	// A banner wrapped onto several lines, with an email wider than the terminal.
	long := identityWant{sub: client.Subject{ID: "u1", Email: "a.very.long.address.indeed@example.com", Name: "Zoë"}, operator: "support@example.com"}
	wrapped := strings.Join([]string{
		goodBanner(30, "IMPERSONATING"), goodBanner(30, "a.very.long.address.indeed@ex"), goodBanner(30, "ample.com (u1) “Zoë”"),
		goodBanner(30, "READ-ONLY"), goodBanner(30, "operator support@example.com"), goodBanner(30, "01:02 · ctrl+x stop"), "actas"}, "\n")
	if p := frameProblems(wrapped, 30, 8, 6, long); len(p) != 0 {
		t.Fatalf("a good wrapped banner fails:\n%s", strings.Join(p, "\n"))
	}
}

func TestFrameCheckRulesFire(t *testing.T) {
	body := func(lines ...string) string { return craftedFrame(lines...) }
	withBanner := func(text string) string { return goodBanner(160, text) + "\nactas" }
	cases := []struct {
		name, raw string
		width     int
		height    int
		banner    int
		want      identityWant
		tag       string
	}{
		{"too many lines", body("a", "b", "c"), 160, 4, 1, craftedWant, "[height]"},
		{"too wide", body(strings.Repeat("x", 161)), 160, 10, 1, craftedWant, "[width]"},
		{"wide characters too wide", body(strings.Repeat("全", 81)), 160, 10, 1, craftedWant, "[width]"},
		{"carriage return", body("a\rb"), 160, 10, 1, craftedWant, "[control]"},
		{"NUL", body("a\x00b"), 160, 10, 1, craftedWant, "[control]"},
		{"BEL", body("a\ab"), 160, 10, 1, craftedWant, "[control]"},
		{"tab", body("a\tb"), 160, 10, 1, craftedWant, "[control]"},
		{"DEL", body("a\x7fb"), 160, 10, 1, craftedWant, "[control]"},
		{"C1 CSI as a code point", body("a\u009b1Ab"), 160, 10, 1, craftedWant, "[c1]"},
		{"C1 NEL", body("a\u0085b"), 160, 10, 1, craftedWant, "[c1]"},
		{"raw 8-bit CSI", body("a\x9b2Jb"), 160, 10, 1, craftedWant, "[utf8]"},
		{"invalid UTF-8", body("a\xc3(b"), 160, 10, 1, craftedWant, "[utf8]"},
		{"cursor movement", body("a\x1b[5Ab"), 160, 10, 1, craftedWant, "[escape]"},
		{"clear screen", body("\x1b[2J"), 160, 10, 1, craftedWant, "[escape]"},
		{"window title", body("\x1b]0;pwned\a"), 160, 10, 1, craftedWant, "[escape]"},
		{"hyperlink", body("\x1b]8;;https://evil\x1b\\x\x1b]8;;\x1b\\"), 160, 10, 1, craftedWant, "[escape]"},
		{"reset", body("\x1bc"), 160, 10, 1, craftedWant, "[escape]"},
		{"SGR with a private marker", body("\x1b[?1mx"), 160, 10, 1, craftedWant, "[escape]"},
		{"right-to-left override", body("a\u202eb"), 160, 10, 1, craftedWant, "[invisible]"},
		{"zero-width space", body("a\u200bb"), 160, 10, 1, craftedWant, "[invisible]"},
		{"isolate", body("a\u2066b"), 160, 10, 1, craftedWant, "[invisible]"},
		{"bold+reverse in one SGR", body("  \x1b[1;7;38;2;1;2;3mIMPOSTOR\x1b[0m"), 160, 10, 1, craftedWant, "[bold+reverse]"},
		{"bold+reverse in two SGRs", body("  \x1b[1mx\x1b[7my\x1b[0m"), 160, 10, 1, craftedWant, "[bold+reverse]"},
		{"bold+reverse after a colour", body("  \x1b[38;5;1;7;1mx\x1b[0m"), 160, 10, 1, craftedWant, "[bold+reverse]"},
		{"bold+reverse reset only in part", body("  \x1b[1;7mx\x1b[27m\x1b[7my"), 160, 10, 1, craftedWant, "[bold+reverse]"},
		{"bold+reverse carried over a line break", body("\x1b[1;7mx", "y\x1b[0m"), 160, 10, 1, craftedWant, "[bold+reverse]"},
		{"bold+reverse without a banner", "\x1b[1;7mIMPOSTOR\x1b[m\nactas", 80, 5, 0, identityWant{}, "[bold+reverse]"},
		{"a line that starts like the banner", body("IMPERSONATING nobody"), 160, 10, 1, craftedWant, "[forged-line]"},
		{"a banner-like line without a banner", "actas\nIMPERSONATING ada@example.com (ada)", 80, 5, 0, identityWant{}, "[forged-line]"},
		{"banner not first", "actas\n" + goodBanner(160, craftedBanner), 160, 10, 1, craftedWant, "[banner-first]"},
		{"banner unstyled", "IMPERSONATING" + strings.TrimPrefix(craftedBanner, "IMPERSONATING") + "\nactas", 160, 10, 1, craftedWant, "[banner-style]"},
		{"banner reversed, not bold", "\x1b[7m" + craftedBanner + "\x1b[m\nactas", 160, 10, 1, craftedWant, "[banner-style]"},
		{"banner missing", "actas", 160, 10, 0, craftedWant, "[banner-lines]"},
		{"banner cut off at the bottom", goodBanner(30, "IMPERSONATING") + "\n" + goodBanner(30, "olga.smirnova@example.ru"), 30, 2, 5, craftedWant, "[banner-lines]"},
		{"stop key cut off at the bottom", goodBanner(30, "IMPERSONATING") + "\n" + goodBanner(30, "olga.smirnova@example.ru") + "\n" + goodBanner(30, "(olga) · READ-ONLY") + "\n" + goodBanner(30, "operator support@example.com"), 30, 4, 5, craftedWant, "[banner-clock]"},
		{"email missing", withBanner("IMPERSONATING (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-email]"},
		{"someone else's email", withBanner("IMPERSONATING ada@example.com (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-email]"},
		{"email cut", withBanner("IMPERSONATING olga.smirnova@exa… (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-email]"},
		{"email wrapped though it fits", goodBanner(30, "IMPERSONATING olga.smirnova@") + "\n" + goodBanner(30, "example.ru (olga) · READ-ONLY") + "\n" + goodBanner(30, "operator support@example.com") + "\n" + goodBanner(30, "00:00 · ctrl+x stop") + "\nactas", 30, 8, 4, craftedWant, "[banner-email]"},
		{"id missing", withBanner("IMPERSONATING olga.smirnova@example.ru · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-id]"},
		{"id only in the name", withBanner("IMPERSONATING olga.smirnova@example.ru “x (olga)” · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-id]"},
		{"name before the identity", withBanner("IMPERSONATING “Ada” olga.smirnova@example.ru (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-order]"},
		{"name before the email, unquoted", withBanner("IMPERSONATING Ada Lovelace olga.smirnova@example.ru (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-order]"},
		{"name closes its quotes", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) “Eve” ada@example.com (ada) “x” · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-quotes]"},
		{"mode missing", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · operator support@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-mode]"},
		{"operator missing", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-operator]"},
		{"operator only in the name", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) “Sam · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop” · READ-ONLY · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-operator]"},
		{"another operator", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · operator eve@example.com · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-operator]"},
		{"operator cut", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · operator support@exa… · 00:00 · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-operator]"},
		{"clock missing", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · operator support@example.com · ctrl+x stop"), 160, 10, 1, craftedWant, "[banner-clock]"},
		{"stop key missing", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · operator support@example.com · 00:00"), 160, 10, 1, craftedWant, "[banner-stop]"},
		{"stop key cut", withBanner("IMPERSONATING olga.smirnova@example.ru (olga) · READ-ONLY · operator support@example.com · 00:00 · ctrl+x st…"), 160, 10, 1, craftedWant, "[banner-stop]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := tags(frameProblems(c.raw, c.width, c.height, c.banner, c.want))
			if !strings.Contains(strings.Join(got, " "), c.tag) {
				t.Fatalf("the rule %s did not fire (got %v) on %q", c.tag, got, c.raw)
			}
		})
	}
}

func TestFrameCheckTitleAndBannerLines(t *testing.T) {
	if got := tags(titleProblems("actas · IMPERSONATING a@b (c)\x1b]0;x\a")); !strings.Contains(strings.Join(got, ""), "[title]") {
		t.Fatalf("a title with an escape passes: %v", got)
	}
	if got := titleProblems("actas · IMPERSONATING 山田 (yuki)"); len(got) != 0 {
		t.Fatalf("a good title fails: %v", got)
	}
	// The frame's first lines must be the banner as drawn: not cut, not restyled.
	line := goodBanner(40, "IMPERSONATING a@b (c) · READ-ONLY")
	if got := bannerLineProblems(line+"\nactas", []string{line}); len(got) != 0 {
		t.Fatalf("%v", got)
	}
	if got := tags(bannerLineProblems(line[:len(line)-10]+"\nactas", []string{line})); len(got) != 1 || got[0] != "[banner-lines]" {
		t.Fatalf("a cut banner line passes: %v", got)
	}
	if got := tags(bannerLineProblems(line, []string{line, line})); len(got) != 1 || got[0] != "[banner-lines]" {
		t.Fatalf("a dropped banner line passes: %v", got)
	}
}

// Without colour the same rules hold on the frame as Bubble Tea downsamples it: bold and
// reverse survive, and so does a forgery made of them.
func TestFrameCheckNoColorVariant(t *testing.T) {
	forged := craftedFrame("  \x1b[38;2;1;2;3;1;48;5;9;7mIMPOSTOR\x1b[0m")
	down := downsample(forged, colorprofile.ASCII)
	if strings.Contains(down, "38;2") || strings.Contains(down, "48;5") {
		t.Fatalf("colours survive downsampling: %q", down)
	}
	if got := tags(frameProblems(down, 160, 10, 1, craftedWant)); !strings.Contains(strings.Join(got, ""), "[bold+reverse]") {
		t.Fatalf("a forged bold+reverse line passes without colour: %v\n%q", got, down)
	}
	// A banner told apart by colour alone loses its look without colour.
	colourOnly := "\x1b[38;2;255;255;255;48;2;176;0;32m" + craftedBanner + "\x1b[m\nactas"
	if got := tags(frameProblems(downsample(colourOnly, colorprofile.ASCII), 160, 10, 1, craftedWant)); !strings.Contains(strings.Join(got, ""), "[banner-style]") {
		t.Fatalf("a colour-only banner passes without colour: %v", got)
	}
	if got := frameProblems(downsample(craftedFrame("body"), colorprofile.ASCII), 160, 10, 1, craftedWant); len(got) != 0 {
		t.Fatalf("a good frame fails without colour: %v", got)
	}
}

// fixedScreen draws whatever a test gives it: the only way to put bytes on screen that
// no real screen would draw.
type fixedScreen struct{ view sanitize.Safe }

func (s fixedScreen) Update(tea.Msg) (screen, tea.Cmd) { return s, nil }
func (s fixedScreen) View(int, int) sanitize.Safe      { return s.view }
func (s fixedScreen) SetSize(int, int)                 {}
func (s fixedScreen) Help() []key.Binding              { return nil }
func (s fixedScreen) Capturing() bool                  { return false }
func (s fixedScreen) Title() sanitize.Safe             { return "Fixed" }

// The checker reads the frame the real View draws: a screen that put raw bytes or the
// banner's look on screen fails it, and a good frame passes.
func TestFrameCheckReadsTheModelsFrame(t *testing.T) {
	sub := client.Subject{ID: "olga", Email: "olga.smirnova@example.ru", Name: "Ольга Смирнова"}
	model := func(view sanitize.Safe, active bool) Model {
		m := signedInModel(t)
		m.stack = append(m.stack, fixedScreen{view})
		if active {
			act := session.Active{Subject: sub, Started: m.env.now(), Gen: 1}
			m.set(&act)
			m.now = m.env.now()
		}
		m.layout()
		return m
	}
	op := "op@example.com"
	for _, c := range []struct {
		name   string
		view   sanitize.Safe
		active bool
		sub    client.Subject
		tag    string
	}{
		{"good, impersonating", "  their view", true, sub, ""},
		{"good, nobody", "  users", false, client.Subject{}, ""},
		{"raw escape", "\x1b[2Jboom", true, sub, "[escape]"},
		{"raw bidi", "a\u202eb", false, client.Subject{}, "[invisible]"},
		{"banner look", "\x1b[1;7mIMPOSTOR\x1b[0m", true, sub, "[bold+reverse]"},
		{"banner look, nobody", "\x1b[7;1mIMPOSTOR\x1b[0m", false, client.Subject{}, "[bold+reverse]"},
		{"banner words", "IMPERSONATING someone", false, client.Subject{}, "[forged-line]"},
		{"someone else", "  x", true, client.Subject{ID: "ada", Email: "ada@example.com"}, "[banner-email]"},
		{"banner while nobody is", "  x", true, client.Subject{}, "[state]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := &frameRecorder{}
			ok := checkSafeFrame(rec, c.name, model(c.view, c.active), c.sub, op)
			all := strings.Join(rec.errs, "\n")
			switch {
			case c.tag == "" && (!ok || len(rec.errs) > 0):
				t.Fatalf("a good frame fails:\n%s", all)
			case c.tag != "" && (ok || !strings.Contains(all, c.tag)):
				t.Fatalf("the rule %s did not fire:\n%s", c.tag, all)
			case c.tag != "" && !strings.Contains(all, "("+colorprofile.ASCII.String()+")"):
				t.Fatalf("the no-colour variant did not check the frame:\n%s", all)
			}
		})
	}
}

// press (harness_test.go) builds, for the first key of every binding in the keymap, a
// key press that matches the binding: the walks press keys by their bindings.
func TestFrameCheckPressMatchesEveryBinding(t *testing.T) {
	n := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		if b, ok := v.Interface().(key.Binding); ok {
			n++
			if msg := keyPress(b.Keys()[0]); !key.Matches(msg, b) {
				t.Errorf("%s: the key press built for %q reads as %q and does not match", path, b.Keys()[0], msg.String())
			}
			return
		}
		if v.Kind() == reflect.Struct {
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	}
	walk(reflect.ValueOf(DefaultKeyMap()), "KeyMap")
	if n < 40 {
		t.Fatalf("only %d bindings found", n)
	}
}
