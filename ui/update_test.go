package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// Plain Update tests: no backend, no commands run.

func signedInModel(t *testing.T) Model {
	t.Helper()
	m := New(Deps{Clock: newClock().Now})
	m.env.operator = client.Operator{ID: "op", Email: "op@example.com", Can: client.CanRead | client.CanWrite | client.CanAudit}
	m.stack = []screen{newPicker(m.env)}
	model, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return model.(Model)
}

func update(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		model, _ := m.Update(msg)
		m = model.(Model)
	}
	return m
}

func TestQIsTypedIntoAFocusedInputButQuitsOtherwise(t *testing.T) {
	m := signedInModel(t)
	m = update(m, keyPress("/"))
	model, cmd := m.Update(keyPress("q"))
	m = model.(Model)
	if p := m.top().(*picker); p.search.Value() != "q" {
		t.Fatalf("search %q", p.search.Value())
	}
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q in the search box quit")
		}
	}
	m = update(m, keyPress("esc"))
	_, cmd = m.Update(keyPress("q"))
	if cmd == nil {
		t.Fatal("q outside inputs did not quit")
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q outside inputs did not quit")
	}
}

func TestHelpOpensAndAnyKeyClosesIt(t *testing.T) {
	m := update(signedInModel(t), keyPress("?"))
	if !(m.overlay == helpOverlay) {
		t.Fatal("help not shown")
	}
	if m = update(m, keyPress("j")); m.overlay == helpOverlay {
		t.Fatal("help not closed")
	}
}

func TestConfirmDialogCancels(t *testing.T) {
	m := update(signedInModel(t), askActAsMsg{target: client.Target{Value: "ada"}})
	if m.dialog == nil {
		t.Fatal("no dialog")
	}
	m = update(m, keyPress("esc"))
	if m.dialog != nil || m.active != nil {
		t.Fatal("cancel did not close the dialog")
	}
}

func TestStopKeyWithoutImpersonationDoesNothing(t *testing.T) {
	m := signedInModel(t)
	before := m.top()
	m = update(m, keyPress("ctrl+x"))
	if m.top() != before || m.status.text != "" {
		t.Fatalf("status %q", m.status.text)
	}
}

func TestBannerTickOfAnEndedImpersonationIsDropped(t *testing.T) {
	m := signedInModel(t)
	_, cmd := m.Update(bannerTickMsg{gen: 7})
	if cmd != nil {
		t.Fatal("a stale tick keeps ticking")
	}
}

func TestRefusalIsShownAndNothingStarts(t *testing.T) {
	m := signedInModel(t)
	m.attempt = &session.Attempt{} // the answer to the attempt being verified
	m = update(m, actAsDoneMsg{err: client.ErrNotHonoured})
	if m.active != nil || !m.status.isErr || m.status.text == "" {
		t.Fatalf("active %v status %q", m.active, m.status.text)
	}
	if strings.HasPrefix(firstLine(plain(m)), "IMPERSONATING") {
		t.Fatal("banner without a verified impersonation")
	}
	m.attempt = &session.Attempt{}
	if m = update(m, actAsDoneMsg{err: client.ErrStopped}); m.status.text != "Impersonation cancelled." || m.status.isErr {
		t.Fatalf("status %q", m.status.text)
	}
}

func TestLightBackgroundRebuildsStyles(t *testing.T) {
	m := signedInModel(t)
	if !m.env.styles.IsDark {
		t.Fatal("dark is the default until the terminal answers")
	}
	m = update(m, tea.BackgroundColorMsg{Color: color.White})
	if m.env.styles.IsDark {
		t.Fatal("a white background kept the dark styles")
	}
}

func TestNothingRealBeforeTheFirstSize(t *testing.T) {
	m := New(Deps{Clock: newClock().Now})
	if got := m.View().Content; got != "starting…" {
		t.Fatalf("%q", got)
	}
}

// Scrolling far past the end on a tiny terminal must not panic (a View slices its rows).
func TestScrollingPastTheEndOnATinyTerminal(t *testing.T) {
	m := signedInModel(t)
	m = update(m, tea.WindowSizeMsg{Width: 40, Height: 5})
	a := newAudit(m.env)
	a.rows = []auditRow{{event: "login"}, {event: "logout"}}
	c := newConsole(m.env, "GET", "/account")
	c.lines = []sanitize.Safe{"a", "b", "c"}
	ov := newActingAs(m.env, session.Active{})
	for _, s := range []screen{a, c, ov} {
		for range 20 {
			s.Update(keyPress("j"))
		}
		for h := 0; h < 6; h++ {
			_ = s.View(40, h)
		}
	}
}
