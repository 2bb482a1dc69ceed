package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/ui/sanitize"
)

// action is one thing an operator can look at as the user.
type action struct {
	label, method, path string
}

// actionsMenu lists what the dialect reads as the subject, and the request console.
// Every entry goes through the impersonating session.
func actionsMenu(e *env) []action {
	var menu []action
	for _, a := range e.deps.Description.Actions {
		menu = append(menu, action{a.Label, a.Method, a.Path})
	}
	return append(menu, action{"Request console", "", ""})
}

type actionsScreen struct {
	env    *env
	menu   []action
	cursor int
}

func newActions(e *env) *actionsScreen { return &actionsScreen{env: e, menu: actionsMenu(e)} }

func (a *actionsScreen) Title() sanitize.Safe { return "Actions as " + a.env.noun() }
func (a *actionsScreen) Capturing() bool      { return false }
func (a *actionsScreen) SetSize(w, h int)     {}
func (a *actionsScreen) Help() []key.Binding {
	k := a.env.keys
	return []key.Binding{k.Actions.Open, k.Nav.Up, k.Nav.Down, k.Global.Back}
}

func (a *actionsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	msg2, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return a, nil
	}
	k := a.env.keys
	switch {
	case key.Matches(msg2, k.Nav.Up):
		a.cursor = max(0, a.cursor-1)
	case key.Matches(msg2, k.Nav.Down):
		a.cursor = min(len(a.menu)-1, a.cursor+1)
	case key.Matches(msg2, k.Global.Back):
		a.env.post(popMsg{})
	case key.Matches(msg2, k.Actions.Open):
		act := a.menu[a.cursor]
		a.env.post(openConsoleMsg{method: act.method, path: act.path})
	}
	return a, nil
}

func (a *actionsScreen) View(w, h int) sanitize.Safe {
	st := a.env.styles
	lines := []sanitize.Safe{st.Title.Render("Act as the " + a.env.noun()), ""}
	for i, act := range a.menu {
		label, request := sanitize.Text(act.label), sanitize.Text(act.method+" "+act.path)
		line := "  " + label
		if act.path != "" {
			line += "  " + st.Muted.Render(request)
		}
		if i == a.cursor {
			line = st.Selected.Render("› " + label)
			if act.path != "" {
				line += "  " + request
			}
		}
		lines = append(lines, sanitize.Fit(line, w))
	}
	note := "Reads are sent at once. Writes (POST, PUT, PATCH, DELETE) need writes allowed (w) and their " + a.env.confirmBrief() + " typed."
	if a.env.policy().ReadOnly {
		note = "Reads are sent at once. This profile is read-only: writes are never sent."
	}
	lines = append(lines, "", st.Muted.Render(sanitize.Fit(note, w)))
	return sanitize.Join(lines, "\n")
}
