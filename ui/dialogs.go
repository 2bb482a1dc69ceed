package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// dialog is a modal box over the body: it takes every key but ctrl+c and ctrl+x, and the
// banner stays above it. A dialog that asks to confirm something must be seen whole to be
// confirmed: too small a terminal gets a smaller layout, or a refusal to confirm.
type dialog interface {
	update(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool)
	paste(content string) tea.Cmd
	view(width, height int) sanitize.Safe
	help() []key.Binding
}

// dialogInner is the text width inside a dialog's border and padding.
func dialogInner(width int) int { return max(10, min(64, width-4)) }

// dialogFrame is what a dialog's border and padding add around its lines.
const dialogFrame = 2

// fitDialog is the first layout whose every line fits in inner cells and which fits in
// height lines with the dialog's frame, and true; or, when none does, the refusal to
// confirm (tooSmall) and false. A line that would be cut counts as not seen.
func fitDialog(height, inner int, refusal []sanitize.Safe, layouts ...[]sanitize.Safe) ([]sanitize.Safe, bool) {
next:
	for _, l := range layouts {
		if len(l)+dialogFrame > height {
			continue
		}
		for _, line := range l {
			if sanitize.Width(line) > inner {
				continue next
			}
		}
		return l, true
	}
	return refusal, false
}

// errorLines is a dialog's error, wrapped to the dialog.
func errorLines(st Styles, err sanitize.Safe, inner int) []sanitize.Safe {
	var out []sanitize.Safe
	for _, l := range sanitize.Wrap(err, inner) {
		out = append(out, st.Error.Render(l))
	}
	return out
}

// tooSmall is a dialog that cannot be shown whole: it says so and confirms nothing.
func tooSmall(what sanitize.Safe, inner int) []sanitize.Safe {
	return sanitize.Wrap("The terminal is too small to show "+what+" whole: enlarge it, or esc to cancel. Nothing is done until it fits.", inner)
}

func dialogBox(st Styles, inner int, lines []sanitize.Safe) sanitize.Safe {
	out := make([]sanitize.Safe, len(lines))
	for i, l := range lines {
		out[i] = sanitize.Fit(l, inner)
	}
	return st.Dialog.Render(sanitize.Join(out, "\n"))
}

// identityLines name a user the way every dialog does: the email and id first, whole
// (wrapped, never cut), then the user's own name in quotes, cut to the line.
func identityLines(e *env, s client.Subject, inner int) []sanitize.Safe {
	lines := sanitize.Wrap(e.identity(s), inner)
	if n := quotedFit(s.Name, inner); n != "" {
		lines = append(lines, n)
	}
	return lines
}

// actAsDialog asks for the reason and confirms before an impersonation starts.
type actAsDialog struct {
	env    *env
	target client.Target
	who    client.Subject
	reason textinput.Model
	err    sanitize.Safe
	fits   bool
}

func newActAsDialog(e *env, msg askActAsMsg) *actAsDialog {
	d := &actAsDialog{env: e, target: msg.target, who: msg.who, reason: newInput(e, "ticket id or note, e.g. HELP-4711", limitReason), fits: true}
	d.reason.SetWidth(40)
	d.reason.Focus()
	return d
}

func (d *actAsDialog) help() []key.Binding {
	return []key.Binding{d.env.keys.ActAs.Yes, d.env.keys.ActAs.No}
}

func (d *actAsDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := d.env.keys.ActAs
	switch {
	case key.Matches(msg, k.Yes):
		if !d.fits {
			return nil, false
		}
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

func (d *actAsDialog) paste(content string) tea.Cmd {
	pasteInto(d.env, &d.reason, content)
	return nil
}

func (d *actAsDialog) view(width, height int) sanitize.Safe {
	st := d.env.styles
	inner := dialogInner(width)
	d.reason.SetWidth(max(8, inner-22))
	need := sanitize.Safe("optional")
	if d.env.policy().RequireReason {
		need = "required"
	}
	who := identityLines(d.env, d.who, inner)
	if d.who.ID == "" {
		who = sanitize.Wrap(sanitize.Text(d.target.String()), inner)
	}
	label := "Reason (" + need + "):"
	field := label + " " + inputView(d.reason)
	d.reason.SetWidth(max(8, inner-sanitize.Width(label)-2))
	var errLine []sanitize.Safe
	if d.err != "" {
		errLine = errorLines(st, d.err, inner)
	}
	full := append(append(append([]sanitize.Safe{st.Title.Render("Act as this " + d.env.noun() + "?"), ""}, who...), "", field), errLine...)
	full = append(full, "")
	full = append(full, sanitize.Wrap("It starts read-only. Everything is sent as them and recorded.", inner)...)
	full = append(full, "enter: start · esc: cancel")
	// Narrower: the field on a line of its own, as wide as the dialog.
	narrow := d.reason
	narrow.SetWidth(max(1, inner-1))
	stacked := []sanitize.Safe{label, inputView(narrow)}
	compact := append(append(append([]sanitize.Safe{st.Title.Render("Act as?")}, who...), stacked...), errLine...)
	compact = append(compact, "enter: start · esc: cancel")
	what := d.env.identity(d.who)
	if d.who.ID == "" {
		what = sanitize.Text(d.target.String())
	}
	least := append(append(sanitize.Wrap("Act as "+what+"?", inner), stacked...), errLine...)
	least = append(least, "enter: start · esc: cancel")
	lines, fits := fitDialog(height, inner, tooSmall("who you would act as", inner), full, compact, least)
	d.fits = fits
	return dialogBox(st, inner, lines)
}

// elevateDialog confirms allowing writes for the rest of impersonation gen.
type elevateDialog struct {
	env  *env
	who  client.Subject
	gen  int
	fits bool
}

func (d *elevateDialog) help() []key.Binding {
	return []key.Binding{d.env.keys.Elevate.Yes, d.env.keys.Elevate.No}
}

func (d *elevateDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, d.env.keys.Elevate.Yes):
		if !d.fits {
			return nil, false
		}
		sess, gen := d.env.sess, d.gen
		return func() tea.Msg {
			act, err := sess.Elevate(gen)
			return elevatedMsg{active: act, err: err}
		}, true
	case key.Matches(msg, d.env.keys.Elevate.No):
		return status("Still read-only.", false), true
	}
	return nil, false
}

func (d *elevateDialog) paste(string) tea.Cmd { return nil }

func (d *elevateDialog) view(width, height int) sanitize.Safe {
	st := d.env.styles
	inner := dialogInner(width)
	who := identityLines(d.env, d.who, inner)
	full := append(append([]sanitize.Safe{st.Error.Render("Allow writes as this " + d.env.noun() + "?"), ""}, who...), "")
	full = append(full, sanitize.Wrap("For the rest of this impersonation, requests that change things may be sent as them. Each one still shows what it does and needs their "+d.env.confirmWords()+" typed to go out.", inner)...)
	full = append(full, "", "enter: allow writes · esc: stay read-only")
	compact := append(append([]sanitize.Safe{st.Error.Render("Allow writes as:")}, who...), "enter: allow · esc: stay read-only")
	least := append(sanitize.Wrap("Allow writes as "+d.env.identity(d.who)+"?", inner), "enter: allow · esc: no")
	lines, fits := fitDialog(height, inner, tooSmall("whom writes would be allowed as", inner), full, compact, least)
	d.fits = fits
	return dialogBox(st, inner, lines)
}

// writeDialog shows a write before it is sent and asks for the user's email or id.
type writeDialog struct {
	env   *env
	req   client.Request
	user  client.Subject
	typed textinput.Model
	err   sanitize.Safe
	fits  bool
}

func newWriteDialog(e *env, req client.Request, user client.Subject) *writeDialog {
	d := &writeDialog{env: e, req: req, user: user, typed: newInput(e, "their "+string(e.confirmWords()), limitTarget), fits: true}
	d.typed.SetWidth(36)
	d.typed.Focus()
	return d
}

func (d *writeDialog) help() []key.Binding {
	return []key.Binding{d.env.keys.Write.Yes, d.env.keys.Write.No}
}

func (d *writeDialog) update(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, d.env.keys.Write.Yes):
		if !d.fits {
			d.err = "Nothing was sent: the write cannot be shown whole at this size."
			return nil, false
		}
		typed := d.typed.Value()
		if !session.Confirms(typed, d.user, d.env.deps.Description.Confirm.Fields...) {
			d.err = "That is not their " + d.env.confirmWords() + ": nothing was sent."
			return nil, false
		}
		d.env.post(sendConfirmedMsg{req: d.req, typed: typed})
		return nil, true
	case key.Matches(msg, d.env.keys.Write.No):
		return status("Not sent.", false), true
	}
	var cmd tea.Cmd
	d.typed, cmd = d.typed.Update(msg)
	d.err = ""
	return cmd, false
}

func (d *writeDialog) paste(content string) tea.Cmd {
	pasteInto(d.env, &d.typed, content)
	return nil
}

// view shows the write in full: the method and URL as they will be sent, the effective
// user and the whole body, wrapped, never cut; and the field to confirm it. When all of
// that cannot be seen at once, it refuses to confirm and says to enlarge the terminal.
func (d *writeDialog) view(width, height int) sanitize.Safe {
	st := d.env.styles
	inner := max(10, width-4)
	d.typed.SetWidth(max(1, min(36, inner-1)))
	body := strings.TrimSpace(string(d.req.Body))
	if body == "" {
		body = "(no body)"
	}
	wrap := func(label sanitize.Safe, text sanitize.Safe) []sanitize.Safe {
		var out []sanitize.Safe
		for i, l := range sanitize.Wrap(text, max(1, inner-9)) {
			if i == 0 {
				out = append(out, st.Label.Render(label)+l)
			} else {
				out = append(out, "         "+l)
			}
		}
		return out
	}
	lines := []sanitize.Safe{st.Error.Render("Send this write as them?"), ""}
	lines = append(lines, wrap("Request  ", sanitize.Text(strings.ToUpper(d.req.Method)+" "+d.env.profile.Endpoint+sentPath(d.req.Path, d.env.deps.Description.BasePath)))...)
	lines = append(lines, wrap("As       ", d.env.identity(d.user))...)
	if n := quotedFit(d.user.Name, inner-9); n != "" {
		lines = append(lines, "         "+n)
	}
	lines = append(lines, wrap("Body     ", sanitize.Text(body))...)
	// The field has a line of its own: what is typed into it is always seen.
	lines = append(lines, "", "Type their "+d.env.confirmWords()+" to send:", inputView(d.typed))
	if d.err != "" {
		lines = append(lines, errorLines(st, d.err, inner)...)
	}
	lines = append(lines, "", "enter: send · esc: cancel")
	compact := append([]sanitize.Safe(nil), lines[2:]...)
	compact = compact[:len(compact)-2]
	compact = append(compact, "enter: send · esc: cancel")
	shown, fits := fitDialog(height, inner, tooSmall("the write and its confirmation", inner), lines, compact)
	d.fits = fits
	return dialogBox(st, inner, shown)
}

// sentPath is the path as the client sends it: dot-segments resolved and relative to the
// endpoint, which already ends in base ("/v1"), so a path written from the server root
// loses base.
func sentPath(p, base string) string {
	if clean, err := client.CleanPath(p); err == nil {
		p = clean
	}
	if base != "" && strings.HasPrefix(p, base+"/") {
		return strings.TrimPrefix(p, base)
	}
	return p
}
