package ui

import (
	"charm.land/lipgloss/v2"
)

// Styles are built from the terminal's background (light or dark). Without colour
// (NO_COLOR) Bubble Tea drops the colours but keeps bold and reverse, so anything that
// must stay visible, the banner first, relies on those and on words.
type Styles struct {
	Banner    lipgloss.Style // reverse video + bold + colour: no sanitised server text can produce it
	Header    lipgloss.Style
	Title     lipgloss.Style
	Label     lipgloss.Style
	Muted     lipgloss.Style
	Error     lipgloss.Style
	Notice    lipgloss.Style
	Focused   lipgloss.Style
	Dialog    lipgloss.Style
	HelpKey   lipgloss.Style
	HelpDesc  lipgloss.Style
	Selected  lipgloss.Style
	Highlight lipgloss.Style
	IsDark    bool
}

// NewStyles builds the styles for a light or dark background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	red := ld(lipgloss.Color("#B00020"), lipgloss.Color("#FF5F5F"))
	muted := ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
	accent := ld(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A08CFF"))
	fg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#EDEDED"))
	return Styles{
		// Reverse swaps these: the banner reads as light text on red on both backgrounds.
		Banner:    lipgloss.NewStyle().Reverse(true).Bold(true).Foreground(red).Background(lipgloss.Color("#FFFFFF")),
		Header:    lipgloss.NewStyle().Foreground(muted),
		Title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Label:     lipgloss.NewStyle().Foreground(muted),
		Muted:     lipgloss.NewStyle().Foreground(muted),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(red),
		Notice:    lipgloss.NewStyle().Foreground(accent),
		Focused:   lipgloss.NewStyle().Bold(true).Foreground(fg),
		Dialog:    lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		HelpKey:   lipgloss.NewStyle().Bold(true).Foreground(fg),
		HelpDesc:  lipgloss.NewStyle().Foreground(muted),
		Selected:  lipgloss.NewStyle().Reverse(true),
		Highlight: lipgloss.NewStyle().Bold(true).Foreground(accent),
		IsDark:    isDark,
	}
}
