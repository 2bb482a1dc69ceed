package ui

import (
	"strings"
	"testing"
	"time"

	demo "actas/demo/appwrite"
	"actas/session"
)

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestActAsShowsBannerAndTheirViewThenStopReturnsToTheSearch(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.press(keys.Picker.Search)
	h.typeText("ada")
	h.press(keys.Search.Submit)
	h.until("results for ada", func(m Model) bool {
		p := m.stack[0].(*picker)
		return p.query == "ada" && !p.loading
	})
	h.actAs(demo.AdaID)
	h.untilScreen("Their sessions (2)")
	if l := firstLine(h.screen()); !strings.HasPrefix(l, "IMPERSONATING ada@example.com (ada) “Ada Lovelace” · READ-ONLY · operator support@example.com · 00:00 · ctrl+x stop") {
		t.Fatalf("banner: %q", l)
	}
	w.clock.Advance(83 * time.Second)
	h.send(bannerTickMsg{}) // dropped by the harness: the banner reads the clock on ticks only
	m, _ := h.m.Update(bannerTickMsg{gen: h.m.active.Gen})
	h.m = m.(Model)
	if !strings.Contains(firstLine(h.screen()), "01:23") {
		t.Fatalf("timer: %q", firstLine(h.screen()))
	}

	w.srv.ResetSeen()
	h.press(keys.Global.Stop)
	if h.m.active != nil || strings.Contains(h.screen(), "IMPERSONATING ada") {
		t.Fatalf("still impersonating:\n%s", h.screen())
	}
	p, ok := h.m.top().(*picker)
	if !ok || p.search.Value() != "ada" || p.query != "ada" {
		t.Fatalf("not back at the search as it was: %T", h.m.top())
	}
	if !strings.Contains(h.screen(), "Stopped acting as ada@example.com (ada) after 01:23.") {
		t.Fatalf("\n%s", h.screen())
	}
	h.press(keys.Nav.Down)
	h.press(keys.Picker.Open)
	h.untilScreen("User details")
	for _, s := range w.srv.Seen() {
		if s.Impersonating() {
			t.Fatalf("after stop %s %s carried %v", s.Method, s.Path, s.Impersonation)
		}
	}
	events := ""
	got, _, _ := session.ReadJournal(w.journal)
	for _, e := range got {
		if e.Event != session.EventRequest && e.Event != session.EventResponse {
			events += e.Event + " "
		}
	}
	if events != "login impersonation.start impersonation.stop " {
		t.Fatalf("journal: %s", events)
	}
}

// ctrl+x while their view is still loading: the request is cancelled and nothing more is
// sent as them.
func TestStopMidRequest(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	w.srv.Inject("/v1/account/sessions", 1, demo.Fault{Delay: 5 * time.Second})
	h.actAs(demo.AdaID)
	h.untilScreen("Loading their view")
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	h.press(keys.Global.Stop)
	if h.m.active != nil {
		t.Fatal("still active")
	}
	mark := len(w.srv.Seen())
	h.untilScreen("Stopped acting as ada@example.com (ada)")
	time.Sleep(300 * time.Millisecond) // let anything that was queued go out
	for _, s := range w.srv.Seen()[mark:] {
		if s.Impersonating() {
			t.Fatalf("sent as the user after stop: %s %s", s.Method, s.Path)
		}
	}
	if time.Since(start) > 2*time.Second {
		t.Fatal("stop waited for the request")
	}
}

func TestQuitWhileImpersonatingStopsFirst(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	_, cmd := h.m.Update(keyPress("ctrl+c"))
	if cmd == nil {
		t.Fatal("no quit")
	}
	got, _, _ := session.ReadJournal(w.journal)
	last := got[len(got)-1]
	if last.Event != session.EventImpersonateStop || last.Why != "quit" {
		t.Fatalf("last journal line %+v", last)
	}
}

func TestRefusedImpersonationSaysWhy(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.press(keys.Picker.ImpersonateBy)
	h.until("the prompt", func(m Model) bool { _, ok := m.top().(*targetPrompt); return ok })
	h.typeText("not an email")
	h.press(keys.Prompt.Submit)
	if !strings.Contains(h.screen(), "That is not an email, a +phone or a user id.") {
		t.Fatalf("\n%s", h.screen())
	}
	for range len("not an email") {
		h.key("backspace")
	}
	h.typeText(demo.BlockedEmail)
	h.press(keys.Prompt.Submit)
	h.untilScreen("Act as this user?")
	h.press(keys.ActAs.Yes)
	h.untilScreen("Refused: that user is blocked.")
	if h.m.active != nil || strings.HasPrefix(h.screen(), "IMPERSONATING") {
		t.Fatal("a refused impersonation shows a banner")
	}
}
