package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	demo "actas/demo/appwrite"
)

func helpEntries(m Model) string {
	var out []string
	for _, b := range m.helpBindings() {
		out = append(out, b.Help().Key+" "+b.Help().Desc)
	}
	return strings.Join(out, " · ")
}

// Every screen's help bar is its own keys from the keymap, and says what they do there:
// no "enter sign in" in a search box. The walk presses keys by their bindings.
func TestHelpBarsAreTheScreensOwn(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 200, 50)
	step := func(where, want string) {
		t.Helper()
		if got := helpEntries(h.m); got != want {
			t.Fatalf("%s:\n got %s\nwant %s", where, got, want)
		}
		if !strings.Contains(lastLine(h.screen()), strings.SplitN(want, " · ", 2)[0]) {
			t.Fatalf("%s: the help bar is not drawn: %q", where, lastLine(h.screen()))
		}
	}
	const (
		browse = "a audit · ? help · q quit"
		stop   = "ctrl+x stop impersonating · "
	)
	step("login", "enter sign in · tab next field · shift+tab previous field · ctrl+c quit")
	h.signIn()
	step("picker", "/ search · enter details · i act as · p act as email/phone · "+browse)
	h.press(keys.Picker.Search)
	step("typing a search", "enter show results · esc stop typing · ctrl+c quit")
	h.press(keys.Search.Leave)
	h.press(keys.Picker.ImpersonateBy)
	step("the target prompt", "enter look up · esc back · ctrl+c quit")
	h.press(keys.Prompt.Leave)
	h.press(keys.Picker.Open)
	h.until("details", func(m Model) bool { _, ok := m.top().(*detailsScreen); return ok })
	step("details", "i act as · r refresh · esc back · "+browse)
	h.press(keys.Details.Impersonate)
	step("the act-as dialog", "enter start · esc cancel")
	h.press(keys.ActAs.No)
	h.press(keys.Global.Back)
	h.actAs(demo.AdaID)
	step("acting as", stop+"m actions · r refresh · ↓/j down · esc back · w allow writes · "+browse)
	h.press(keys.Details.Actions)
	step("actions", stop+"enter open · ↑/k up · ↓/j down · esc back · w allow writes · "+browse)
	h.press(keys.Nav.Bottom)
	for range len(actionsMenu(h.m.env)) {
		h.press(keys.Nav.Down)
	}
	h.press(keys.Actions.Open)
	step("the request console, typing", stop+"enter send · tab next field · esc to the answer · ctrl+c quit")
	h.press(keys.Console.Answer)
	step("the request console, its answer", stop+"enter send · tab next field · ↓/j down · esc back · w allow writes · "+browse)
	h.press(keys.Global.Write)
	step("the elevation dialog", stop+"enter allow writes · esc stay read-only")
	h.press(keys.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("PATCH")
	h.press(keys.Console.Send)
	step("the write dialog", stop+"enter send · esc cancel")
	h.press(keys.Write.No)
	h.press(keys.Global.Audit)
	h.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
	step("audit", stop+"/ filter · r refresh · ↓/j down · esc back · ? help · q quit")
	h.press(keys.Audit.Filter)
	step("typing the audit filter", stop+"enter apply filter · esc stop typing · ctrl+c quit")
	h.press(keys.Filter.Leave)
	h.press(keys.Global.Help)
	step("the help overlay", stop+"q quit")
}

// Every binding in the keymap has keys and words, and no two bindings of one screen's
// group share a key.
func TestKeymapIsWhole(t *testing.T) {
	groups := map[string][]key.Binding{
		"picker":  {keys.Picker.Search, keys.Picker.Open, keys.Picker.Impersonate, keys.Picker.ImpersonateBy, keys.Picker.Retry},
		"details": {keys.Details.Impersonate, keys.Details.Refresh, keys.Details.Actions},
		"console": {keys.Console.Send, keys.Console.Next, keys.Console.Prev, keys.Console.Copy},
		"global":  {keys.Global.Stop, keys.Global.Quit, keys.Global.ForceQuit, keys.Global.Help, keys.Global.Audit, keys.Global.Back, keys.Global.Write, keys.Global.Why},
	}
	for name, bs := range groups {
		seen := map[string]string{}
		for _, b := range bs {
			if len(b.Keys()) == 0 || b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: a binding without keys or words: %+v", name, b.Help())
			}
			for _, k := range b.Keys() {
				if other, dup := seen[k]; dup {
					t.Errorf("%s: %q is both %s and %s", name, k, other, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
}
