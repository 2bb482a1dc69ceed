package sanitize

import (
	"charm.land/lipgloss/v2"
)

// Style is a Lip Gloss style that only draws safe text, so that a screen cannot style
// server text it has not made safe.
type Style struct{ st lipgloss.Style }

// NewStyle wraps one of the console's styles.
func NewStyle(st lipgloss.Style) Style { return Style{st} }

// Render draws s in the style.
func (s Style) Render(text Safe) Safe { return Safe(s.st.Render(string(text))) }

// Lipgloss is the style itself, for widgets that take one.
func (s Style) Lipgloss() lipgloss.Style { return s.st }

// Place centres s in a box of width × height cells.
func Place(width, height int, s Safe) Safe {
	return Safe(lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, string(s)))
}
