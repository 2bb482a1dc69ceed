package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/mpdx"
	mdemo "actas/demo/mpdx"
)

// memberHostileWalk is the hostile walk for MPDX: members, their lists, contacts and
// donations served with hostile text in every field; a search, the details, acting as a
// member with a hostile reason, their view, every action, the audit (the journal alone)
// and stop, every frame checked at this size.
func memberHostileWalk(t *testing.T, width, height int, hostile string) string {
	clock := newClock()
	srv := mdemo.New(mdemo.Options{Members: 200, LoginLimit: -1, Now: clock.Now})
	h := dialectConsole(t, mpdx.Dialect{}, srv, "/api/v2", LoginDefaults{Project: mdemo.CruDemoID}, clock.Now, width, height)
	wk := newWalker(t, nil, h)
	wk.operator = mdemo.OrgAdminEmail
	k := wk.k
	wk.check("login")
	wk.typeText("login, token", srv.OperatorToken())
	wk.press("login, submitted", k.Login.Submit)
	wk.until("picker", func(m Model) bool { p, ok := m.stack[0].(*picker); return ok && !p.loading && p.table.Len() > 0 })
	srv.SetKnobs(mdemo.Knobs{Hostile: hostile})

	wk.search("picker", "lovelace")
	wk.selectRow("picker, to ada", mdemo.AdaUserID)
	s, _ := pickerOf(h.m).table.Selected()
	if !strings.HasPrefix(s.Name, "Ada") || !strings.Contains(s.Name, "\uFFFD") {
		t.Fatalf("the backend is not hostile: %q", s.Name)
	}
	wk.target = client.Subject{ID: s.ID, Email: s.Email, Name: s.Name}
	wk.press("details", k.Picker.Open)
	wk.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
	wk.press("act-as dialog", k.Details.Impersonate)
	wk.paste("act-as dialog, hostile reason", hostile)
	wk.acting = starting
	wk.confirm("act-as dialog", k.ActAs.Yes)
	wk.until("their view", func(m Model) bool { a, ok := m.top().(*actingAs); return ok && a.loaded && !a.loading })
	wk.acting = acting
	wk.scrollThrough("their view", k.Nav.PageDown, 100)

	wk.actionsAuditStop(mdemo.HeaderHostile)
	return wk.stats()
}

func TestHostileMemberWalk(t *testing.T) {
	for _, size := range [][2]int{{30, 8}, {80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			began := time.Now()
			n := memberHostileWalk(t, size[0], size[1], mdemo.ShortHostileString())
			t.Logf("%s in %s", n, time.Since(began).Round(time.Millisecond))
		})
	}
}

// actionsAuditStop walks, from their view, every action of the menu (each answer hostile,
// scrolled through), the audit screen, and the stop.
func (wk *walker) actionsAuditStop(hostileHeader string) {
	wk.t.Helper()
	h, k, t := wk.h, wk.k, wk.t
	wk.press("actions menu", k.Details.Actions)
	wk.until("actions menu", topIs[*actionsScreen])
	for i, act := range actionsMenu(h.m.env) {
		if act.path == "" {
			break
		}
		if i > 0 {
			wk.press("actions menu, next", k.Nav.Down)
		}
		where := "console: " + act.label
		wk.press(where, k.Actions.Open)
		wk.until(where, topIs[*requestConsole])
		c := h.m.top().(*requestConsole)
		wk.until(where+", answer", func(Model) bool { return !c.sending })
		if c.resp == nil || c.resp.Header.Get(hostileHeader) == "" {
			t.Errorf("%s: no hostile answer (%v)", where, c.err)
		}
		if c.focus != consoleResponse {
			wk.press(where+", to the answer", k.Console.Answer)
		}
		wk.scrollThrough(where+", scrolled", k.Nav.PageDown, 5000)
		wk.press("actions menu, back", k.Global.Back)
		wk.until("actions menu", topIs[*actionsScreen])
	}
	wk.press("their view, back", k.Global.Back)
	wk.until("their view", topIs[*actingAs])
	wk.press("audit", k.Global.Audit)
	wk.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
	wk.scrollThrough("audit, scrolled", k.Nav.Down, 400)
	wk.press("audit, back", k.Global.Back)
	wk.until("their view", topIs[*actingAs])
	wk.acting = notActing
	wk.press("stopped", k.Global.Stop)
	if h.m.active != nil || !strings.Contains(string(h.m.status.text), "Stopped acting as") {
		t.Errorf("not stopped:\n%s", h.screen())
	}
}
