package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// dialog is a modal box over the body: it takes every key but ctrl+c and ctrl+x, and the
// banner stays above it.
type dialog interface {
	update(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool)
	view(width int) string
}

func dialogBox(st Styles, width int, lines ...string) string {
	inner := max(10, min(64, width-4))
	for i, l := range lines {
		lines[i] = sanitize.Fit(l, inner)
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

// actAsDialog asks for the reason and confirms before an impersonation starts.
type actAsDialog struct {
	env    *env
	target client.Target
	label  string
	reason textinput.Model
	err    string
}

func newActAsDialog(e *env, msg askActAsMsg) *actAsDialog {
	d := &actAsDialog{env: e, target: msg.target, label: msg.label, reason: newInput(e, "ticket id or note, e.g. HELP-4711", 200)}
	d.reason.SetWidth(40)
	d.reason.Focus()
	return d
}

func (d *actAsDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := d.env.keys.Confirm
	switch {
	case key.Matches(msg, k.Yes):
		reason := strings.TrimSpace(d.reason.Value())
		if reason == "" && d.env.policy().RequireReason {
			d.err = "This profile requires a reason: a ticket id or a short note."
			return nil, false
		}
		d.env.post(actAsConfirmedMsg{target: d.target, reason: reason})
		return nil, true
	case key.Matches(msg, k.No):
		return status("Not started.", false), true
	}
	var cmd tea.Cmd
	d.reason, cmd = d.reason.Update(msg)
	d.err = ""
	return cmd, false
}

func (d *actAsDialog) view(width int) string {
	st := d.env.styles
	need := "optional"
	if d.env.policy().RequireReason {
		need = "required"
	}
	lines := []string{st.Title.Render("Act as this user?"), "", sanitize.Text(d.label), "",
		"Reason (" + need + "): " + d.reason.View()}
	if d.err != "" {
		lines = append(lines, st.Error.Render(d.err))
	}
	return dialogBox(st, width, append(lines, "",
		"It starts read-only. Everything is sent as them and recorded.",
		"enter: start · esc: cancel")...)
}

// elevateDialog confirms allowing writes for the rest of impersonation gen.
type elevateDialog struct {
	env *env
	who string
	gen int
}

func (d *elevateDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, d.env.keys.Confirm.Yes), msg.String() == "y":
		sess, gen := d.env.sess, d.gen
		return func() tea.Msg {
			act, err := sess.Elevate(gen)
			return elevatedMsg{active: act, err: err}
		}, true
	case key.Matches(msg, d.env.keys.Confirm.No), msg.String() == "n":
		return status("Still read-only.", false), true
	}
	return nil, false
}

func (d *elevateDialog) view(width int) string {
	st := d.env.styles
	return dialogBox(st, width, st.Error.Render("Allow writes as this user?"), "", d.who, "",
		"For the rest of this impersonation, requests that change",
		"things may be sent as them. Each one still shows what it",
		"does and needs their email or id typed to go out.",
		"", "enter: allow writes · esc: stay read-only")
}

// writeDialog shows a write before it is sent and asks for the user's email or id.
type writeDialog struct {
	env   *env
	req   client.Request
	user  client.Subject
	typed textinput.Model
	err   string
}

func newWriteDialog(e *env, req client.Request, user client.Subject) *writeDialog {
	d := &writeDialog{env: e, req: req, user: user, typed: newInput(e, "their email or id", 320)}
	d.typed.SetWidth(36)
	d.typed.Focus()
	return d
}

func (d *writeDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, d.env.keys.Confirm.Yes):
		typed := d.typed.Value()
		if !session.Confirms(typed, d.user) {
			d.err = "That is not their email or id: nothing was sent."
			return nil, false
		}
		d.env.post(sendConfirmedMsg{req: d.req, typed: typed})
		return nil, true
	case key.Matches(msg, d.env.keys.Confirm.No):
		return status("Not sent.", false), true
	}
	var cmd tea.Cmd
	d.typed, cmd = d.typed.Update(msg)
	d.err = ""
	return cmd, false
}

// view shows the write in full: the method and URL as they will be sent, the effective
// user and the whole body, wrapped, never cut.
func (d *writeDialog) view(width int) string {
	st := d.env.styles
	inner := max(10, width-4)
	body := strings.TrimSpace(string(d.req.Body))
	if body == "" {
		body = "(no body)"
	}
	wrap := func(label, text string) []string {
		var out []string
		for i, l := range strings.Split(ansi.Hardwrap(sanitize.Text(text), max(1, inner-9), true), "\n") {
			if i == 0 {
				out = append(out, st.Label.Render(label)+l)
			} else {
				out = append(out, "         "+l)
			}
		}
		return out
	}
	lines := []string{st.Error.Render("Send this write as them?"), ""}
	lines = append(lines, wrap("Request  ", strings.ToUpper(d.req.Method)+" "+d.env.profile.Endpoint+sentPath(d.req.Path))...)
	lines = append(lines, wrap("As       ", d.user.Name+" <"+d.user.Email+"> ("+d.user.ID+")")...)
	lines = append(lines, wrap("Body     ", body)...)
	lines = append(lines, "", "Type their email or id to send: "+d.typed.View())
	if d.err != "" {
		lines = append(lines, st.Error.Render(d.err))
	}
	lines = append(lines, "", "enter: send · esc: cancel")
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

// sentPath is the path as the client sends it: relative to the endpoint, which already
// ends in /v1, so a path written from the server root loses its /v1.
func sentPath(p string) string {
	if strings.HasPrefix(p, "/v1/") {
		return strings.TrimPrefix(p, "/v1")
	}
	return p
}
