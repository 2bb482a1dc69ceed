package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
	var lines []string
	title := "actas"
	if m.active != nil {
		lines = append(lines, strings.Split(m.bannerView(), "\n")...)
		title = "actas · IMPERSONATING " + sanitize.Line(m.active.Subject.Name, 40)
	}
	lines = append(lines, m.headerView())
	bw, bh := m.bodySize()
	lines = append(lines, fitLines(m.bodyView(bw, bh), bw, bh, m.bodyFits())...)
	lines = append(lines, m.statusView(), fitLine(m.helpView(), m.width))
	if len(lines) > m.height {
		lines = lines[:m.height] // the banner is on top, so it is what remains
	}
	v := tea.NewView(strings.Join(lines, "\n"))
	v.AltScreen = true
	v.WindowTitle = title
	return v
}

func (m Model) bodyView(w, h int) string {
	switch {
	case m.fullHelp:
		return m.fullHelpView(w)
	case m.dialog != nil:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, m.dialog.view(w))
	}
	return m.top().View(w, h)
}

// bodyFits says whether the body already keeps every line within the width (the picker
// does, by construction), so a frame need not measure its lines again.
func (m Model) bodyFits() bool {
	if m.fullHelp || m.dialog != nil {
		return false
	}
	f, ok := m.top().(interface{ fitsWidth() bool })
	return ok && f.fitsWidth()
}

// fitLines makes s exactly h lines of at most w cells.
func fitLines(s string, w, h int, fits bool) []string {
	if h <= 0 {
		return nil
	}
	lines := strings.Split(s, "\n")
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
func fitLine(l string, w int) string {
	if len(l) <= w || sanitize.Width(l) <= w {
		return l
	}
	return sanitize.Fit(l, w)
}

// badge is the profile's label in its colour, like a cluster name in k9s: without colour
// it stays readable as reversed text.
func (m Model) badge() string {
	b := m.env.deps.Badge
	if b.Label == "" {
		return ""
	}
	style := lipgloss.NewStyle().Bold(true).Reverse(true)
	if b.Color != "" {
		style = style.Foreground(lipgloss.Color(b.Color))
	}
	return style.Render(" "+sanitize.Text(b.Label)+" ") + " "
}

func (m Model) headerView() string {
	st := m.env.styles
	badge := m.badge()
	left := "actas"
	if op := m.env.operator; op.Email != "" {
		left += " · " + sanitize.Text(op.Email)
	}
	if p := m.env.profile; p.Endpoint != "" {
		left += " · " + p.Endpoint + " (" + p.Project + ")"
	}
	right := m.top().Title()
	if m.fullHelp {
		right = "Help"
	}
	bw := sanitize.Width(badge)
	room := m.width - bw - sanitize.Width(right) - 1
	if room < 10 {
		return fitLine(badge+st.Header.Render(sanitize.Fit(left, max(1, m.width-bw))), m.width)
	}
	left = sanitize.Fit(left, room)
	gap := strings.Repeat(" ", max(1, m.width-bw-sanitize.Width(left)-sanitize.Width(right)))
	return badge + st.Header.Render(left) + gap + st.Title.Render(right)
}

func (m Model) statusView() string {
	if m.status == "" {
		return ""
	}
	style := m.env.styles.Notice
	if m.statusErr {
		style = m.env.styles.Error
	}
	return style.Render(sanitize.Line(m.status, m.width))
}

func (m Model) helpBindings() []key.Binding {
	g := m.env.keys.Global
	var b []key.Binding
	if m.active != nil {
		b = append(b, g.Stop)
	}
	if m.dialog != nil {
		return append(b, m.env.keys.Confirm.Yes, m.env.keys.Confirm.No)
	}
	b = append(b, m.top().Help()...)
	if m.top().Capturing() { // typed keys go to the input: only ctrl+c quits here
		return append(b, g.ForceQuit)
	}
	if m.env.sess != nil {
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

func (m Model) helpView() string {
	bindings := m.helpBindings()
	var key strings.Builder
	fmt.Fprintf(&key, "%d|%v", m.width, m.env.styles.IsDark)
	for _, b := range bindings {
		key.WriteString("|" + b.Help().Key + " " + b.Help().Desc)
	}
	return m.env.help.get(key.String(), func() string { return m.newHelp().ShortHelpView(bindings) })
}

func (m Model) fullHelpView(w int) string {
	k := m.env.keys
	groups := [][]key.Binding{m.top().Help(),
		{k.Nav.Up, k.Nav.Down, k.Nav.PageUp, k.Nav.PageDown, k.Nav.Top, k.Nav.Bottom},
		{k.Global.Stop, k.Global.Audit, k.Global.Back, k.Global.Help, k.Global.Quit, k.Global.ForceQuit}}
	intro := m.env.styles.Title.Render("Keys") + "  " + m.env.styles.Muted.Render("(any key closes this help)")
	return intro + "\n\n" + m.newHelp().FullHelpView(groups)
}
