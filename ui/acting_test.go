package ui

import (
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/session"
)

func writesSeenBy(w *world) int {
	n := 0
	for _, s := range w.srv.Seen() {
		if client.IsWrite(s.Method) && s.Impersonating() {
			n++
		}
	}
	return n
}

// actAsWithReason opens the dialog for Ada and starts with a reason.
func (h *harness) actAsWithReason(reason string) {
	h.t.Helper()
	h.m = update(h.m, askActAsMsg{target: adaTarget})
	h.typeText(reason)
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
}

func TestReasonIsAskedAndRequiredByTheProfile(t *testing.T) {
	w := newWorld(t)
	w.deps.Policy.RequireReason = true
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.m = update(h.m, askActAsMsg{target: adaTarget})
	if !strings.Contains(h.screen(), "Reason (required)") {
		t.Fatalf("\n%s", h.screen())
	}
	h.press(keys.ActAs.Yes)
	if !strings.Contains(h.screen(), "This profile requires a reason") || h.m.dialog == nil {
		t.Fatalf("no reason accepted:\n%s", h.screen())
	}
	h.typeText("HELP-4711")
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
	if l := bannerText(h.m); !strings.Contains(l, "READ-ONLY · HELP-4711 · operator") || !strings.HasPrefix(l, "IMPERSONATING ada@example.com (ada) “Ada Lovelace”") {
		t.Fatalf("banner: %q", l)
	}
}

func TestConsoleWriteIsRefusedWhileReadOnly(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-1")
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("PATCH")
	c.inputs[consolePath].SetValue("/account/prefs")
	c.inputs[consoleBody].SetValue(`{"prefs":{"theme":"light"}}`)
	h.press(keys.Console.Send)
	h.until("the refusal", func(Model) bool { return !c.sending && c.err != nil })
	if !strings.Contains(h.screen(), "read-only") || writesSeenBy(w) != 0 {
		t.Fatalf("%d writes sent:\n%s", writesSeenBy(w), h.screen())
	}
}

func TestElevateThenConfirmedWrite(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-2")
	h.press(keys.Global.Write)
	if !strings.Contains(h.screen(), "Allow writes as this user?") {
		t.Fatalf("\n%s", h.screen())
	}
	h.press(keys.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	if l := bannerText(h.m); !strings.Contains(l, " · WRITE · ") {
		t.Fatalf("banner: %q", l)
	}
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("PATCH")
	c.inputs[consolePath].SetValue("/account/prefs")
	c.inputs[consoleBody].SetValue(`{"prefs":{"theme":"light"}}`)
	h.press(keys.Console.Send)
	screen := h.screen()
	for _, want := range []string{"Send this write as them?", "PATCH " + w.url + "/account/prefs", "As       ada@example.com (ada)", "“Ada Lovelace”", `{"prefs":{"theme":"light"}}`} {
		if !strings.Contains(screen, want) {
			t.Fatalf("write dialog lacks %q:\n%s", want, screen)
		}
	}
	h.typeText("ada@example.co")
	h.press(keys.Write.Yes)
	if !strings.Contains(h.screen(), "nothing was sent") || writesSeenBy(w) != 0 {
		t.Fatalf("a wrongly confirmed write: %d sent\n%s", writesSeenBy(w), h.screen())
	}
	h.typeText("m")
	h.press(keys.Write.Yes)
	h.until("the answer", func(Model) bool { return !c.sending && c.resp != nil })
	if c.resp.Status != 200 || writesSeenBy(w) != 1 || !strings.Contains(h.screen(), `"theme": "light"`) {
		t.Fatalf("status %d, %d writes\n%s", c.resp.Status, writesSeenBy(w), h.screen())
	}
}

func TestReadOnlyProfileRefusesElevation(t *testing.T) {
	w := newWorld(t)
	w.deps.Policy.ReadOnly = true
	w.deps.Badge = Badge{Label: "PRODUCTION", Color: "#FF0000"}
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.press(keys.Global.Write)
	if h.m.dialog != nil || !strings.Contains(h.screen(), "this profile is read-only") {
		t.Fatalf("\n%s", h.screen())
	}
	if !strings.Contains(strings.Split(h.screen(), "\n")[1], "PRODUCTION") {
		t.Fatalf("no profile badge in the header:\n%s", h.screen())
	}
}

func TestActionsMenuReadsAsTheUser(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.untilScreen("Their")
	h.press(keys.Details.Actions)
	h.untilScreen("Request console")
	h.press(keys.Nav.Down)
	h.press(keys.Actions.Open) // Preferences
	h.until("the console answer", func(m Model) bool {
		c, ok := m.top().(*requestConsole)
		return ok && c.resp != nil
	})
	if !strings.Contains(h.screen(), "200 OK") || !strings.Contains(h.screen(), `"theme": "dark"`) {
		t.Fatalf("\n%s", h.screen())
	}
	if strings.Contains(h.screen(), "Set-Cookie") || strings.Contains(h.screen(), "X-Fallback") {
		t.Fatal("credential headers shown")
	}
}

func TestLimitStopsImpersonationAndSaysWhy(t *testing.T) {
	w := newWorld(t)
	w.deps.Policy = session.Policy{IdleTimeout: 15 * time.Minute, MaxDuration: time.Hour}
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	tick := func() { m, _ := h.m.Update(bannerTickMsg{gen: h.m.active.Gen}); h.m = m.(Model) }
	w.clock.Advance(13*time.Minute + 30*time.Second)
	tick()
	if l := bannerText(h.m); !strings.Contains(l, "ends in 01:30") {
		t.Fatalf("no countdown in the last two minutes: %q", l)
	}
	h.press(keys.Nav.Down) // the operator is active: the idle limit starts again
	w.clock.Advance(time.Second)
	tick()
	if l := bannerText(h.m); strings.Contains(l, "ends in") {
		t.Fatalf("countdown after activity: %q", l)
	}
	w.clock.Advance(16 * time.Minute)
	h.send(bannerTickMsg{}) // ignored by the harness; drive the real one:
	if h.m.active != nil {
		tick()
	}
	if h.m.active != nil || !strings.Contains(h.screen(), "idle for 15m0s (profile limit)") {
		t.Fatalf("\n%s", h.screen())
	}
	if _, ok := h.m.top().(*picker); !ok {
		t.Fatal("not back at the picker")
	}
}

// bannerText is the banner's lines as shown, joined.
func bannerText(m Model) string {
	if m.active == nil {
		return ""
	}
	n := strings.Count(string(m.bannerView()), "\n") + 1
	return strings.Join(strings.Split(plain(m), "\n")[:n], "\n")
}
