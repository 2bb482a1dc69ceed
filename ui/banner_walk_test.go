package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"actas/demo"
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
			h.key("?")
			step("help overlay")
			h.key("x")
			h.key("a")
			h.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
			step("audit")
			h.key("/")
			h.typeText("stop")
			step("audit filter typing")
			h.key("esc")
			h.key("esc")
			step("back to acting as")
			h.key("esc")
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			step("picker while impersonating")
			h.key("enter")
			h.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
			step("user details")
			h.key("i")
			h.untilScreen("Act as")
			step("confirm dialog")
			h.key("esc")
			h.key("esc")
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			h.key("p")
			h.until("the prompt", func(m Model) bool { _, ok := m.top().(*targetPrompt); return ok })
			step("target prompt")
			h.typeText("+1 nope")
			h.key("enter")
			step("target prompt error")
			h.key("esc")
			h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
			w.srv.Inject("/v1/users", 10, demo.Fault{Status: 500})
			h.key("/")
			h.typeText("zz")
			h.key("enter")
			h.untilScreen("Search failed")
			step("search error")
			h.key("ctrl+x")
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
	h.key("/")
	h.typeText("escape")
	h.key("enter")
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
	h.key("enter")
	h.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
	noControl("details")
	h.key("i")
	h.untilScreen("Act as this user?")
	noControl("confirm")
	h.key("enter")
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
	h.untilScreen("Their")
	noControl("acting as")
	if l := firstLine(h.screen()); !strings.HasPrefix(l, "IMPERSONATING escape@example.com (escape) “IMPERSONATI") {
		t.Fatalf("banner: %q", l)
	}
}
