package ui

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

// searchesSeen lists the searches (first pages, not page loads) the backend received.
func searchesSeen(w *world) []string {
	var out []string
	for _, s := range w.srv.Seen() {
		if s.Path == "/v1/users" && !strings.Contains(s.Query, "cursorAfter") {
			q, _ := url.ParseQuery(s.Query)
			out = append(out, q.Get("search"))
		}
	}
	return out
}

// Six letters at 30 ms a key send at most two searches, and the last one is the query.
func TestTypingIsDebounced(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	w.srv.ResetSeen()
	h.press(keys.Picker.Search)
	for _, r := range "lovela" {
		h.typeText(string(r))
		h.pump(30 * time.Millisecond)
	}
	h.until("results for lovela", func(m Model) bool {
		p := m.stack[0].(*picker)
		return p.query == "lovela" && !p.loading
	})
	got := searchesSeen(w)
	if len(got) == 0 || len(got) > 2 || got[len(got)-1] != "lovela" {
		t.Fatalf("searches sent: %q", got)
	}
	if s, ok := h.m.stack[0].(*picker).table.Selected(); !ok || s.ID != demo.AdaID {
		t.Fatalf("first result %+v", s)
	}
}

// An answer to an older search never replaces the newer one's.
func TestStaleAnswerIsDropped(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	p := h.m.stack[0].(*picker)
	h.press(keys.Picker.Search)
	h.typeText("ada")
	h.press(keys.Search.Submit)
	h.until("results for ada", func(Model) bool { return p.query == "ada" && !p.loading })
	oldGen := p.gen - 1
	stale := searchDoneMsg{gen: oldGen, query: "", page: client.SubjectPage{Subjects: []client.Subject{{ID: "stale", Name: "Stale"}}, Total: 1}}
	h.send(stale)
	if s, _ := p.table.Selected(); s.ID == "stale" || p.query != "ada" {
		t.Fatal("a stale answer replaced the newer one")
	}
}

// A slow first search is cancelled by the next: one request in flight.
func TestNewSearchCancelsTheOneInFlight(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	p := h.m.stack[0].(*picker)
	w.srv.Inject("/v1/users", 1, demo.Fault{Delay: 3 * time.Second})
	h.press(keys.Picker.Search)
	h.typeText("zzz")
	h.press(keys.Search.Submit)
	h.until("the slow search to reach the server", func(Model) bool {
		return slices.Contains(searchesSeen(w), "zzz")
	})
	h.press(keys.Picker.Search)
	for range 3 {
		h.key("backspace")
	}
	h.typeText("ada")
	start := time.Now()
	h.press(keys.Search.Submit)
	h.until("results for ada", func(Model) bool { return p.query == "ada" && !p.loading })
	if time.Since(start) > 2*time.Second {
		t.Fatal("the new search waited for the old one")
	}
	if s, _ := p.table.Selected(); !strings.Contains(strings.ToLower(s.Name+s.Email), "ada") {
		t.Fatalf("shown %+v", s)
	}
}

func TestPagingLoadsAsTheCursorNearsTheEnd(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 20) // 25 rows fill a 20-line terminal: no automatic second page
	h.signIn()
	p := h.m.stack[0].(*picker)
	if p.table.Len() != pageSize {
		t.Fatalf("loaded %d", p.table.Len())
	}
	for range pageSize - 5 {
		h.press(keys.Nav.Down)
	}
	h.until("the second page", func(Model) bool { return p.table.Len() == 2*pageSize })
	if !strings.Contains(h.screen(), "1–50 of 3000") {
		t.Fatalf("\n%s", h.screen())
	}
}

func TestEmptyResultAndRetry(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 20) // one page fills it: no page load to take the fault
	h.signIn()
	h.press(keys.Picker.Search)
	h.typeText("qqqqqq")
	h.press(keys.Search.Submit)
	h.untilScreen("No users match “qqqqqq”.")
	w.srv.Inject("/v1/users", 1, demo.Fault{Status: 500})
	h.press(keys.Picker.Search)
	h.typeText("x")
	h.press(keys.Search.Submit)
	h.untilScreen("Search failed")
	if !strings.Contains(h.screen(), "r retry") {
		t.Fatalf("no retry key shown:\n%s", h.screen())
	}
	h.press(keys.Picker.Retry)
	h.untilScreen("No users match “qqqqqqx”.")
}
