package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/ironflow"
	ifdemo "actas/demo/ironflow"
	"actas/keyring"
	"actas/session"
)

// tenantHostileWalk is the hostile walk for a tenant dialect (Ironflow): the demo serves
// hostile text in every tenant, environment, project, function, event and audit field;
// the walk signs in, searches, acts as a tenant, chooses an environment, reads their view
// and every action, opens the audit and stops, checking every frame at this size.
func tenantHostileWalk(t *testing.T, width, height int, hostile string) string {
	clock := newClock()
	srv := ifdemo.New(ifdemo.Options{Tenants: 200, LoginLimit: -1, Now: clock.Now})
	h := dialectConsole(t, ironflow.Dialect{}, srv, "/api/v1", LoginDefaults{Email: ifdemo.OperatorEmail}, clock.Now, width, height)
	wk := newWalker(t, nil, h)
	wk.operator = ifdemo.OperatorEmail
	k := wk.k
	wk.check("login")
	wk.typeText("login, password", ifdemo.OperatorPassword)
	wk.press("login, submitted", k.Login.Submit)
	wk.until("picker", func(m Model) bool { p, ok := m.stack[0].(*picker); return ok && !p.loading && p.table.Len() > 0 })
	srv.SetKnobs(ifdemo.Knobs{Hostile: hostile})

	wk.search("picker", "acme")
	wk.selectRow("picker, to acme", ifdemo.AcmeID)
	s, _ := pickerOf(h.m).table.Selected()
	if !strings.HasPrefix(s.Name, ifdemo.AcmeName) || s.Name == ifdemo.AcmeName {
		t.Fatalf("the backend is not hostile: %q", s.Name)
	}
	wk.target = client.Subject{ID: s.ID, Name: s.Name}
	wk.press("details", k.Picker.Open)
	wk.until("details", func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading })
	wk.press("act-as dialog", k.Details.Impersonate)
	wk.paste("act-as dialog, hostile reason", hostile)
	wk.acting = starting
	wk.confirm("act-as dialog", k.ActAs.Yes)
	wk.until("environment chooser", topIs[*scopeChooser])
	wk.acting = acting
	wk.press("environment chooser, down", k.Nav.Down)
	wk.press("environment chooser, chosen", k.Scope.Yes)
	wk.until("their view, in env_staging", func(m Model) bool {
		a, ok := m.top().(*actingAs)
		return ok && a.loaded && !a.loading && m.active.Target.Scope == "env_staging"
	})
	wk.scrollThrough("their view", k.Nav.PageDown, 100)
	wk.press("environment chooser again", k.Details.Scope)
	wk.until("environment chooser again", topIs[*scopeChooser])
	wk.press("environment chooser, kept", k.Scope.No)
	wk.until("their view", topIs[*actingAs])

	wk.actionsAuditStop(ifdemo.HeaderHostile)
	return wk.stats()
}

func TestHostileTenantWalk(t *testing.T) {
	for _, size := range [][2]int{{30, 8}, {80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			began := time.Now()
			n := tenantHostileWalk(t, size[0], size[1], ifdemo.ShortHostileString())
			t.Logf("%s in %s", n, time.Since(began).Round(time.Millisecond))
		})
	}
}

// dialectConsole is the console of dialect d on handler (its demo) over real HTTP, at
// this size, with a journal and a memory keyring; login's endpoint is the server's URL
// with path added.
func dialectConsole(t *testing.T, d client.Dialect, handler http.Handler, path string, login LoginDefaults, clock func() time.Time, width, height int) *harness {
	t.Helper()
	hs := httptest.NewServer(handler)
	t.Cleanup(hs.Close)
	j, err := session.OpenJournal(filepath.Join(t.TempDir(), "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	login.Endpoint = hs.URL + path
	deps := Deps{Clock: clock, Dialect: d.Name(), Description: d.Describe(), Keyring: keyring.NewMemory(), Journal: j,
		Open: func(endpoint, scope string) (client.Backend, error) {
			return d.Open(client.Config{Endpoint: endpoint, Scope: scope})
		},
		Login: login}
	return newHarness(t, deps, width, height)
}
