package subjecttable

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// The precomputed wrapping gives what lipgloss would render for the same line.
func TestPainterMatchesRender(t *testing.T) {
	d := DefaultStyles(true)
	styles := []lipgloss.Style{
		{}, d.Header, d.Row, d.Selected, d.Blocked, d.Muted,
		lipgloss.NewStyle().Underline(true), // slow path: spaces styled separately
		lipgloss.NewStyle().Strikethrough(true).Foreground(lipgloss.Color("#00ff00")),
		lipgloss.NewStyle().Background(lipgloss.Color("#123456")).Italic(true).Faint(true),
		lipgloss.NewStyle().Hyperlink("https://example.com/X"),
	}
	for i, st := range styles {
		st = oneLine(st)
		p := newPainter(st)
		for _, text := range []string{"alice  alice@example.com  ", "山田 👩‍💻 x", " "} {
			var b strings.Builder
			p.paint(&b, []byte(text))
			if want := st.Render(text); b.String() != want {
				t.Errorf("style %d %q: painted %q, lipgloss %q", i, text, b.String(), want)
			}
		}
	}
}
