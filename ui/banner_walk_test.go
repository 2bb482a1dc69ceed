package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	demo "actas/demo/appwrite"
)

// checkFrame fails unless the frame fits the terminal and opens with the whole banner:
// who is acted as, the operator, the time and the stop key.
func checkFrame(t *testing.T, where string, m Model) {
	t.Helper()
	frame := plain(m)
	lines := strings.Split(frame, "\n")
	if len(lines) > m.height {
		t.Fatalf("%s: %d lines on a %d-line terminal", where, len(lines), m.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.width {
			t.Fatalf("%s: line %d is %d cells wide on a %d-cell terminal: %q", where, i, w, m.width, l)
		}
	}
	n := strings.Count(string(m.bannerView()), "\n") + 1
	if n > 3 || n > len(lines) {
		t.Fatalf("%s: a banner of %d lines", where, n)
	}
	banner := strings.Join(lines[:n], "\n")
	for _, want := range []string{"IMPERSONATING", "ctrl+x stop", "00:00"} {
		if !strings.Contains(banner, want) {
			t.Fatalf("%s: the banner lacks %q:\n%s", where, want, frame)
		}
	}
	if !strings.HasPrefix(lines[0], "IMPERSONATING ") {
		t.Fatalf("%s: the first line is not the banner: %q", where, lines[0])
	}
	if !strings.Contains(banner, "operator sup") {
		t.Fatalf("%s: the banner lacks the operator:\n%s", where, banner)
	}
	raw := m.View().Content
	if !strings.Contains(firstLine(raw), "\x1b[") {
		t.Fatalf("%s: the banner is not styled", where)
	}
}

// Every screen, dialog, overlay and error state, at three sizes, while impersonating.
func TestEveryFrameWhileImpersonatingCarriesTheBanner(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w := newWorld(t)
			h := newHarness(t, w.deps, size[0], size[1])
			h.signIn()
			h.actAs(demo.AdaID)
			step := func(where string) { t.Helper(); checkFrame(t, where, h.m) }
			step("acting as, loading")
			h.untilScreen("Their")
			step("acting as")
			h.press(keys.Global.Help)
			step("help overlay")
			h.press(keys.Nav.Down) // any key closes the help
			h.press(keys.Global.Audit)
			h.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
			step("audit")
			h.press(keys.Audit.Filter)
			h.typeText("stop")
			step("audit filter typing")
			h.press(keys.Global.Back)
			h.press(keys.Global.Back)
			step("back to acting as")
			h.press(keys.Global.Back)
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			step("picker while impersonating")
			h.press(keys.Picker.Open)
			h.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
			step("user details")
			h.press(keys.Details.Impersonate)
			h.untilScreen("Act as")
			step("confirm dialog")
			h.press(keys.Global.Back)
			h.press(keys.Global.Back)
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			h.press(keys.Picker.ImpersonateBy)
			h.until("the prompt", func(m Model) bool { _, ok := m.top().(*targetPrompt); return ok })
			step("target prompt")
			h.typeText("+1 nope")
			h.press(keys.Prompt.Submit)
			step("target prompt error")
			h.press(keys.Global.Back)
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			w.srv.Inject("/v1/users", 10, demo.Fault{Status: 500})
			h.press(keys.Picker.Search)
			h.typeText("zz")
			h.press(keys.Search.Submit)
			h.untilScreen("Search failed")
			step("search error")
			h.press(keys.Global.Stop)
			if strings.Contains(h.screen(), "IMPERSONATING ada") {
				t.Fatalf("banner after stop:\n%s", h.screen())
			}
		})
	}
}

// The demo user whose name is made of escape sequences and control characters can move
// no cursor and paint no banner.
func TestHostileNameCannotDriveTheTerminal(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.press(keys.Picker.Search)
	h.typeText("escape")
	h.press(keys.Search.Submit)
	h.until("the escape user", func(m Model) bool {
		p := m.stack[0].(*picker)
		s, ok := p.table.Selected()
		return !p.loading && ok && s.ID == demo.EscapeID
	})
	noControl := func(where string) {
		t.Helper()
		raw := h.m.View().Content
		for _, bad := range []string{"\x1b[2J", "\x1b]0;", "\r", "\b", "\a", "\u009b", "\u202e", "\x1b[41m"} {
			if strings.Contains(raw, bad) {
				t.Fatalf("%s: %q reaches the terminal", where, bad)
			}
		}
		if n := len(strings.Split(plain(h.m), "\n")); n != 40 {
			t.Fatalf("%s: %d lines", where, n)
		}
	}
	noControl("picker")
	for i, l := range strings.Split(plain(h.m), "\n") {
		if strings.HasPrefix(l, "IMPERSONATING") {
			t.Fatalf("line %d looks like the banner while nobody is impersonated: %q", i, l)
		}
	}
	h.press(keys.Picker.Open)
	h.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
	noControl("details")
	h.press(keys.Details.Impersonate)
	h.untilScreen("Act as this user?")
	noControl("confirm")
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
	h.untilScreen("Their")
	noControl("acting as")
	if l := firstLine(h.screen()); !strings.HasPrefix(l, "IMPERSONATING escape@example.com (escape) “IMPERSONATI") {
		t.Fatalf("banner: %q", l)
	}
}
