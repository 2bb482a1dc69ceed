package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/backendtest"
	"actas/session"
)

// tenantWorld is the console of a dialect whose subjects have environments.
func tenantWorld(t *testing.T) *world {
	w := newWorld(t)
	w.deps.Description.TargetScope = client.Field{Label: "Environment"}
	open := w.deps.Open
	w.deps.Open = func(endpoint, scope string) (client.Backend, error) {
		b, err := open(endpoint, scope)
		return backendtest.WithPlaces(b, client.Choice{ID: "env_default", Name: "Default"},
			client.Choice{ID: "env_staging", Name: "Staging\x1b[2J"}, client.Choice{ID: "env_production", Name: "Production"}), err
	}
	return w
}

// Acting as a subject with places asks where, from their own list; the move is checked,
// journaled, and the banner names the place from then on; e switches again.
func TestActingAsASubjectWithPlacesAsksWhere(t *testing.T) {
	w := tenantWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-7")
	h.untilScreen("Which environment of")
	if strings.Contains(h.screen(), "\x1b[2J") || !strings.Contains(h.screen(), "in env_default") {
		t.Fatalf("chooser:\n%s", h.screen())
	}
	h.press(keys.Nav.Down)
	h.press(keys.Scope.Yes)
	h.untilScreen("Acting in env_staging now.")
	if !strings.Contains(h.screen(), "in env_staging") || h.m.active.Target.Scope != "env_staging" {
		t.Fatalf("banner:\n%s", h.screen())
	}
	if _, top := h.m.top().(*actingAs); !top {
		t.Fatalf("top %T", h.m.top())
	}
	h.press(keys.Details.Scope)
	h.untilScreen("Which environment of")
	h.press(keys.Scope.No)
	h.until("their view", func(m Model) bool { _, ok := m.top().(*actingAs); return ok })
	if h.m.active.Target.Scope != "env_staging" {
		t.Fatalf("esc moved it: %q", h.m.active.Target.Scope)
	}
	entries, _, err := session.ReadJournal(w.journal)
	if err != nil {
		t.Fatal(err)
	}
	moves := 0
	for _, e := range entries {
		if e.Event == session.EventScope {
			moves++
			if e.Scope != "env_staging" || e.Detail != "from env_default" {
				t.Fatalf("move journaled as %+v", e)
			}
		}
	}
	if moves != 1 {
		t.Fatalf("%d moves journaled", moves)
	}
}

// A target that names its place is not asked again.
func TestATargetThatNamesItsPlaceIsNotAsked(t *testing.T) {
	w := tenantWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	target := adaTarget
	target.Scope = "env_default"
	h.m = update(h.m, askActAsMsg{target: target})
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
	h.until("their view", func(m Model) bool { _, ok := m.top().(*actingAs); return ok })
}

// A screen underneath another still gets its answers: their view, covered by the actions
// menu before it loaded, shows what was read once the menu closes.
func TestAnAnswerReachesACoveredScreen(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.m = update(h.m, askActAsMsg{target: adaTarget})
	h.press(keys.ActAs.Yes)
	h.until("their view on top", func(m Model) bool { _, ok := m.top().(*actingAs); return ok })
	view := h.m.top().(*actingAs)
	h.press(keys.Details.Actions) // before the overview's answer is handled
	h.until("the actions menu", func(m Model) bool { _, ok := m.top().(*actionsScreen); return ok })
	h.until("their view loaded underneath", func(Model) bool { return view.loaded })
	h.press(keys.Global.Back)
	h.untilScreen("Their sessions")
}

// A backend session that lapses (an Ironflow token's exp): the header counts down to it,
// and at it the console ends the session and asks for a new sign-in, stopping any
// impersonation first.
func TestALapsingSessionAsksForANewSignIn(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-9")
	lapses := h.m.env.sess.Lapses()
	if lapses.IsZero() {
		t.Fatal("the demo's session says no expiry")
	}
	w.clock.Advance(lapses.Add(-10 * time.Minute).Sub(w.clock.Now()))
	h.send(sessionTickMsg{})
	if !strings.Contains(h.screen(), "session ends in 10:00") || h.m.active == nil {
		t.Fatalf("no countdown:\n%s", h.screen())
	}
	w.clock.Advance(lapses.Sub(w.clock.Now()))
	h.send(sessionTickMsg{})
	if h.m.active != nil || !strings.Contains(h.screen(), "lapses at") || !topIs[*loginScreen](h.m) {
		t.Fatalf("not signed out:\n%s", h.screen())
	}
	if entries, _, _ := session.ReadJournal(w.journal); entries[len(entries)-1].Event != session.EventSessionEnded {
		t.Fatalf("journal ends with %+v", entries[len(entries)-1])
	}
}

// A backend role for the impersonation shows in the banner; a read-only one refuses w at
// once, nothing asked, nothing sent.
func TestABackendRoleIsShownAndARestrictedOneCannotWrite(t *testing.T) {
	w := newWorld(t)
	open := w.deps.Open
	w.deps.Open = func(endpoint, scope string) (client.Backend, error) {
		b, err := open(endpoint, scope)
		return backendtest.WithRole(b, "mpd_leader", true), err
	}
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-3")
	if first := strings.SplitN(h.screen(), "\n", 2)[0] + strings.SplitN(h.screen(), "\n", 3)[1]; !strings.Contains(first, "READ-ONLY · role mpd_leader") {
		t.Fatalf("banner:\n%s", h.screen())
	}
	h.press(keys.Global.Write)
	if h.m.dialog != nil || !strings.Contains(string(h.m.status.text), "may not write") {
		t.Fatalf("dialog %T, status %q", h.m.dialog, h.m.status.text)
	}
	if _, err := h.m.env.sess.Elevate(h.m.active.Gen); !errors.Is(err, session.ErrRoleReadOnly) {
		t.Fatalf("elevate: %v", err)
	}
}
