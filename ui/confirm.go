package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
)

// confirmDialog asks before impersonation starts.
type confirmDialog struct {
	env    *env
	target client.Target
	label  string
}

func newConfirmDialog(e *env, msg askActAsMsg) *confirmDialog {
	return &confirmDialog{env: e, target: msg.target, label: msg.label}
}

// update answers a key: done closes the dialog.
func (c *confirmDialog) update(msg tea.KeyPressMsg) (*confirmDialog, tea.Cmd, bool) {
	k := c.env.keys.Confirm
	switch {
	case key.Matches(msg, k.Yes):
		t := c.target
		return c, func() tea.Msg { return actAsConfirmedMsg{target: t} }, true
	case key.Matches(msg, k.No), key.Matches(msg, c.env.keys.Global.Back):
		return c, status("Not started.", false), true
	}
	return c, nil, false
}

func (c *confirmDialog) view(width int) string {
	st := c.env.styles
	inner := max(10, min(60, width-4))
	lines := []string{
		st.Title.Render("Act as this user?"),
		"",
		sanitize.Line(c.label, inner),
		"",
		sanitize.Fit("Everything you do is sent as them and recorded.", inner),
		sanitize.Fit("y or enter: start · n or esc: cancel", inner),
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}
