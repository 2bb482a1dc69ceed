package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"actas/ui/sanitize"
)

// The banner's layout at every width from 20 to 200 cells, for names and reasons that
// try to push the identity out: the verified email and id, the operator and the stop key
// are always there whole (wrapped, never cut) and the identity comes first; the name comes
// after it, in quotes, bounded; every line is exactly the width.
func TestBannerKeepsTheIdentityWhole(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 42, 0, time.UTC)
	long := strings.Repeat("Hubert Blaine Wolfeschlegelsteinhausenbergerdorff ", 6)
	infos := []bannerInfo{
		{Name: "Ada Lovelace", Email: "ada@example.com", ID: "ada"},
		{Name: "Ada Lovelace ada@example.com (ada)" + strings.Repeat(" ", 90), Email: "olga.smirnova@example.ru", ID: "olga"},
		{Name: "Sam Support support@example.com (support) · operator support@example.com · 00:00 · ctrl+x stop", Email: "x@example.com", ID: "x"},
		{Name: long, Email: "longname@example.com", ID: "longname", Reason: strings.Repeat("HELP-4711 ", 20)},
		{Name: "山田 由紀 山田 由紀 山田 由紀 山田 由紀 山田 由紀", Email: "yuki.yamada@example.jp", ID: "yuki"},
		{Name: "أمينة الحسيني أمينة الحسيني", Email: "amina@example.eg", ID: "amina", Write: true},
		{Name: `x” (ada) “y`, Email: "q@example.com", ID: "q", Deadline: now.Add(time.Minute)},
		{Name: "", Email: "a.very.long.address.of.someone@a-very-long-domain-name.example.com", ID: "6650aa01c3f2e9a1b2c3d4e5f6a7b8c9"},
	}
	st := NewStyles(true)
	for _, info := range infos {
		info.Operator, info.StopKey, info.Started = "support@example.com", "ctrl+x", now.Add(-42*time.Second)
		for width := 20; width <= 200; width++ {
			lines := sanitize.Lines(renderBanner(st, info, now, width, 60))
			var flat []string
			for i, l := range lines {
				p := ansi.Strip(string(l))
				if w := ansi.StringWidth(p); w != width {
					t.Fatalf("%q at %d: line %d is %d cells", info.Name, width, i, w)
				}
				flat = append(flat, strings.TrimRight(p, " "))
			}
			joined := strings.Join(flat, " ")
			unwrapped := strings.Join(flat, "")
			id := info.Email + " (" + info.ID + ")"
			for _, want := range []string{info.Email, "(" + info.ID + ")", "operator " + info.Operator, "ctrl+x stop"} {
				if !strings.Contains(joined, want) && !strings.Contains(unwrapped, want) {
					t.Fatalf("%q at %d: %q is not whole in\n%s", info.Name, width, want, strings.Join(flat, "\n"))
				}
			}
			if !strings.HasPrefix(flat[0], "IMPERSONATING") {
				t.Fatalf("%q at %d: first line %q", info.Name, width, flat[0])
			}
			if width >= len("IMPERSONATING ")+len(id) && !strings.HasPrefix(flat[0], "IMPERSONATING "+id) {
				t.Fatalf("%q at %d: the identity is not first and whole: %q", info.Name, width, flat[0])
			}
			if i := strings.Index(joined, "“"); i >= 0 && i < strings.Index(joined, info.Email) {
				t.Fatalf("%q at %d: the name comes before the identity", info.Name, width)
			}
			if strings.Count(joined, "“") != strings.Count(joined, "”") || strings.Count(joined, "“") > 1 {
				t.Fatalf("%q at %d: the name's quotes do not pair: %q", info.Name, width, joined)
			}
			required := len("IMPERSONATING  () · READ-ONLY · operator  · 00:00 · ctrl+x stop") + len(info.Email) + len(info.ID) + len(info.Operator)
			if len(lines) > required/width+5 {
				t.Fatalf("%q at %d: %d lines", info.Name, width, len(lines))
			}
		}
	}
}

// Where the room allows, a second line shows the name and reason rather than dropping
// them: at 120 columns both show whole.
func TestBannerGivesTheReasonALineWhenItHelps(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	info := bannerInfo{Name: "Ada Lovelace", Email: "ada@example.com", ID: "ada", Operator: "support@example.com",
		Reason: "HELP-4711", StopKey: "ctrl+x", Started: now}
	got := ansi.Strip(string(renderBanner(NewStyles(true), info, now, 120, 37)))
	if !strings.Contains(got, "“Ada Lovelace”") || !strings.Contains(got, "HELP-4711") {
		t.Fatalf("%s", got)
	}
}

// A banner that cannot be whole in the terminal's height (a 254-character email on a 30x8
// terminal) cuts the email and the id, never the operator, the time or the stop key.
func TestBannerFitsTheHeightKeepingTheStopKey(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	long := strings.Repeat("a", 240) + "@example.com"
	for _, info := range []bannerInfo{
		{Name: "Ada Lovelace", Email: long, ID: "ada", Reason: "HELP-4711"},
		{Name: "Ada Lovelace", Email: "ada@example.com", ID: strings.Repeat("i", 128), Reason: "HELP-4711"},
	} {
		info.Operator, info.StopKey, info.Started = "support@example.com", "ctrl+x", now
		lines := sanitize.Lines(renderBanner(NewStyles(true), info, now, 30, 5))
		plainText := ansi.Strip(string(sanitize.Join(lines, "\n")))
		if len(lines) > 5 || !strings.Contains(plainText, "ctrl+x stop") || !strings.Contains(plainText, "support@example.com") {
			t.Fatalf("%d lines:\n%s", len(lines), plainText)
		}
		if strings.Contains(plainText, "Ada Lovelace") {
			t.Fatalf("the name takes room the identity needs:\n%s", plainText)
		}
	}
}
