package ui

import (
	"charm.land/lipgloss/v2"

	"actas/ui/sanitize"
)

// Styles are built from the terminal's background (light or dark). Without colour
// (NO_COLOR) Bubble Tea drops the colours but keeps bold and reverse, so anything that
// must stay visible, the banner first, relies on those and on words. Only the banner is
// bold and reversed at once: nothing else may look like it.
type Styles struct {
	Banner    sanitize.Style // reverse video + bold + colour: no sanitised server text can produce it
	Header    sanitize.Style
	Badge     sanitize.Style // the profile's label: reversed, never bold
	Title     sanitize.Style
	Label     sanitize.Style
	Muted     sanitize.Style
	Error     sanitize.Style
	Notice    sanitize.Style
	Focused   sanitize.Style
	Dialog    sanitize.Style
	Selected  sanitize.Style // reversed, never bold
	Highlight sanitize.Style
	IsDark    bool
}

// NewStyles builds the styles for a light or dark background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	red := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF5F5F"))
	muted := ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A08CFF"))
	fg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#EDEDED"))
	s := sanitize.NewStyle
	return Styles{
		// Reverse swaps these: the banner reads as light text on red on both backgrounds.
		Banner:    s(lipgloss.NewStyle().Reverse(true).Bold(true).Foreground(red).Background(lipgloss.Color("#FFFFFF"))),
		Header:    s(lipgloss.NewStyle().Foreground(muted)),
		Badge:     s(lipgloss.NewStyle().Reverse(true)),
		Title:     s(lipgloss.NewStyle().Bold(true).Foreground(accent)),
		Label:     s(lipgloss.NewStyle().Foreground(muted)),
		Muted:     s(lipgloss.NewStyle().Foreground(muted)),
		Error:     s(lipgloss.NewStyle().Bold(true).Foreground(red)),
		Notice:    s(lipgloss.NewStyle().Foreground(accent)),
		Focused:   s(lipgloss.NewStyle().Bold(true).Foreground(fg)),
		Dialog:    s(lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)),
		Selected:  s(lipgloss.NewStyle().Reverse(true)),
		Highlight: s(lipgloss.NewStyle().Bold(true).Foreground(accent)),
		IsDark:    isDark,
	}
}

// badgeStyle is the profile's label in its own colour, reversed, never bold.
func (st Styles) badgeStyle(color string) sanitize.Style {
	if color == "" {
		return st.Badge
	}
	return sanitize.NewStyle(st.Badge.Lipgloss().Foreground(lipgloss.Color(color)))
}
