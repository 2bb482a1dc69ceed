package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/ui/sanitize"
)

// View stacks banner, header, body, status and help. The total never exceeds the
// terminal's height (a taller view loses its top inline or its bottom in the alt
// screen), and the banner, when impersonating, is always the first thing drawn.
func (m Model) View() tea.View {
	if m.width <= 0 || m.height <= 0 {
		v := tea.NewView("starting…")
		v.AltScreen = true
		return v
	}
	var lines []sanitize.Safe
	title := sanitize.Safe("actas")
	if m.active != nil {
		lines = append(lines, sanitize.Lines(m.bannerView())...)
		title = "actas · IMPERSONATING " + m.env.identity(m.active.Subject)
	}
	lines = append(lines, m.headerView())
	bw, bh := m.bodySize()
	lines = append(lines, fitLines(m.bodyView(bw, bh), bw, bh, m.bodyFits())...)
	lines = append(lines, m.statusView(), fitLine(m.helpView(), m.width))
	if len(lines) > m.height {
		lines = lines[:m.height] // the banner is on top, so it is what remains
	}
	v := tea.NewView(string(sanitize.Join(lines, "\n")))
	v.AltScreen = true
	v.WindowTitle = string(sanitize.Fit(title, 120))
	return v
}

func (m Model) bodyView(w, h int) sanitize.Safe {
	switch {
	case m.overlay == helpOverlay:
		return m.fullHelpView(w)
	case m.overlay == whyOverlay:
		return m.whyView(w)
	case m.dialog != nil:
		return sanitize.Place(w, h, m.dialog.view(w, h))
	}
	return m.top().View(w, h)
}

// bodyFits says whether the body already keeps every line within the width (the picker
// does, by construction), so a frame need not measure its lines again.
func (m Model) bodyFits() bool {
	if m.overlay != noOverlay || m.dialog != nil {
		return false
	}
	f, ok := m.top().(interface{ fitsWidth() bool })
	return ok && f.fitsWidth()
}

// fitLines makes s exactly h lines of at most w cells.
func fitLines(s sanitize.Safe, w, h int, fits bool) []sanitize.Safe {
	if h <= 0 {
		return nil
	}
	lines := sanitize.Lines(s)
	if len(lines) > h {
		lines = lines[:h]
	}
	if !fits {
		for i, l := range lines {
			lines[i] = fitLine(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// fitLine cuts a line to w cells. A line of at most w bytes fits already: no character
// takes more cells than it has bytes.
func fitLine(l sanitize.Safe, w int) sanitize.Safe {
	if len(l) <= w || sanitize.Width(l) <= w {
		return l
	}
	return sanitize.Fit(l, w)
}

// badge is the profile's label in its colour, like a cluster name in k9s (reversed, never
// bold: only the banner is both), and INSECURE when the profile allows plain http.
func (m Model) badge() sanitize.Safe {
	var out sanitize.Safe
	if b := m.env.deps.Badge; b.Label != "" {
		out = m.env.styles.badgeStyle(b.Color).Render(" "+sanitize.Text(b.Label)+" ") + " "
	}
	if m.env.deps.Insecure {
		out += m.env.styles.Error.Render("INSECURE") + " "
	}
	return out
}

// lapseWarning is how long before the backend's session lapses the header counts down to
// it, so that the operator signs in again before it ends their work.
const lapseWarning = 15 * time.Minute

func (m Model) headerView() sanitize.Safe {
	st := m.env.styles
	badge := m.badge()
	left := sanitize.Safe("actas")
	if op := m.env.operator; op.Email != "" {
		left += " · " + sanitize.Text(op.Email)
	}
	if sess := m.env.sess; sess != nil {
		if at := sess.Lapses(); !at.IsZero() && at.Sub(m.env.now()) < lapseWarning {
			left += " · session ends in " + sanitize.Text(elapsed(at.Sub(m.env.now())))
		}
	}
	if p := m.env.profile; p.Endpoint != "" {
		left += " · " + sanitize.Text(p.Endpoint)
		if p.Project != "" {
			left += " (" + sanitize.Text(p.Project) + ")"
		}
	}
	right := m.top().Title()
	switch m.overlay {
	case helpOverlay:
		right = "Help"
	case whyOverlay:
		right = "Message"
	}
	bw := sanitize.Width(badge)
	room := m.width - bw - sanitize.Width(right) - 1
	if room < 10 {
		return fitLine(badge+st.Header.Render(sanitize.Fit(left, max(1, m.width-bw))), m.width)
	}
	left = sanitize.Fit(left, room)
	gap := sanitize.Spaces(max(1, m.width-bw-sanitize.Width(left)-sanitize.Width(right)))
	return badge + st.Header.Render(left) + gap + st.Title.Render(right)
}

func (m Model) statusView() sanitize.Safe {
	s := m.status
	if s.text == "" || s.owner != m.top() {
		return ""
	}
	style := m.env.styles.Notice
	if s.isErr {
		style = m.env.styles.Error
	}
	text := s.text
	if s.full != "" || sanitize.Width(text) > m.width {
		hint := " (" + sanitize.Text(m.env.keys.Global.Why.Help().Key) + ": all of it)"
		text = sanitize.Fit(text, max(1, m.width-sanitize.Width(hint))) + hint
	}
	return style.Render(sanitize.Fit(text, m.width))
}

// helpBindings are the keys of what has focus: the dialog's own, or the top screen's,
// then the global ones that apply there.
func (m Model) helpBindings() []key.Binding {
	g := m.env.keys.Global
	var b []key.Binding
	if m.active != nil || m.attempt != nil {
		b = append(b, g.Stop)
	}
	if m.dialog != nil {
		return append(b, m.dialog.help()...)
	}
	if m.overlay != noOverlay {
		return append(b, g.Quit)
	}
	b = append(b, m.top().Help()...)
	if m.status.full != "" && m.status.owner == m.top() {
		b = append(b, g.Why)
	}
	if m.top().Capturing() { // typed keys go to the input: only ctrl+c quits here
		return append(b, g.ForceQuit)
	}
	if m.active != nil && !m.active.Write && !m.env.policy().ReadOnly {
		b = append(b, g.Write)
	}
	if _, onAudit := m.top().(*auditScreen); m.env.sess != nil && !onAudit {
		b = append(b, g.Audit)
	}
	return append(b, g.Help, g.Quit)
}

func (m Model) newHelp() help.Model {
	h := help.New()
	h.SetWidth(m.width)
	h.Styles = help.DefaultStyles(m.env.styles.IsDark)
	return h
}

func (m Model) helpView() sanitize.Safe {
	bindings := m.helpBindings()
	var k strings.Builder
	k.WriteString(itoa(m.width) + "|" + boolStr(m.env.styles.IsDark))
	for _, b := range bindings {
		k.WriteString("|" + b.Help().Key + " " + b.Help().Desc)
	}
	return m.env.help.get(k.String(), func() sanitize.Safe {
		h := m.newHelp()
		return sanitize.Styled(h.ShortHelpView(bindings))
	})
}

func (m Model) fullHelpView(w int) sanitize.Safe {
	k := m.env.keys
	groups := [][]key.Binding{m.top().Help(),
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Global.Stop, k.Global.Audit, k.Global.Back, k.Global.Why, k.Global.Help, k.Global.Quit, k.Global.ForceQuit}}
	intro := m.env.styles.Title.Render("Keys") + "  " + m.env.styles.Muted.Render("(any key closes this help)")
	h := m.newHelp()
	return intro + "\n\n" + sanitize.Styled(h.FullHelpView(groups))
}

// whyView is the whole of the last message, wrapped: the status line says it short.
func (m Model) whyView(w int) sanitize.Safe {
	st := m.env.styles
	lines := []sanitize.Safe{st.Title.Render("The whole message") + "  " + st.Muted.Render("(any key closes it)"), ""}
	for _, l := range sanitize.Wrap(m.status.full, max(1, w-2)) {
		lines = append(lines, "  "+l) // indented: server text never starts a line
	}
	return sanitize.Join(lines, "\n")
}

func itoa(n int) string { return strconv.Itoa(n) }

func boolStr(b bool) string { return strconv.FormatBool(b) }
