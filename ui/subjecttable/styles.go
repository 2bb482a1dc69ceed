package subjecttable

import "charm.land/lipgloss/v2"

// Styles are the table's looks. Selected must stay visible without colour (NO_COLOR):
// use Reverse or Bold, not a colour alone; a Selected with neither gets Reverse. It
// must not be both: bold reverse video is the impersonation banner's alone. Blocked users are also marked in text ("⊘ "
// before the name, "blocked" in STATUS), so Blocked may be colour only.
type Styles struct {
	Header, Row, Selected, Blocked, Muted lipgloss.Style
}

// DefaultStyles are the console's styles for a dark or a light background.
func DefaultStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	return Styles{
		Header:   lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#4A47C4"), lipgloss.Color("#A6A3FF"))),
		Row:      lipgloss.NewStyle(),
		Selected: lipgloss.NewStyle().Reverse(true), // never bold too: that is the banner's look
		Blocked:  lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7B72"))),
		Muted:    lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#767676"), lipgloss.Color("#7C7C7C"))),
	}
}

// normalized makes every style render one line exactly as wide as its text, and makes
// Selected reverse video when it is neither bold nor reversed, so that the cursor row
// never depends on colour alone.
func (s Styles) normalized() Styles {
	sel := s.Selected
	if !sel.GetReverse() && !sel.GetBold() {
		sel = sel.Reverse(true)
	}
	return Styles{
		Header:   oneLine(s.Header),
		Row:      oneLine(s.Row),
		Selected: oneLine(sel),
		Blocked:  oneLine(s.Blocked),
		Muted:    oneLine(s.Muted),
	}
}

func oneLine(st lipgloss.Style) lipgloss.Style {
	return st.Inline(true). // no padding, margins or borders
				UnsetWidth().UnsetMaxWidth().UnsetHeight().UnsetMaxHeight().
				UnsetAlign().UnsetTransform().UnsetString()
}
