package subjecttable

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

func lipglossFramed() lipgloss.Style {
	return lipgloss.NewStyle().Width(7).Padding(1, 3).Margin(1, 2).Border(lipgloss.NormalBorder()).
		Height(3).Align(lipgloss.Center).Transform(strings.ToUpper).SetString("x")
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// hasBoldOrReverse reports whether line holds an SGR sequence that turns on bold (1) or
// reverse (7).
func hasBoldOrReverse(line string) bool {
	for _, m := range sgr.FindAllStringSubmatch(line, -1) {
		for p := range strings.SplitSeq(m[1], ";") {
			if p == "1" || p == "7" {
				return true
			}
		}
	}
	return false
}

// Under NO_COLOR (the ASCII profile) colours are dropped; the selected row must still
// stand out and no other row may look like it.
func TestSelectedVisibleWithoutColour(t *testing.T) {
	for _, dark := range []bool{true, false} {
		m := New(DefaultStyles(dark), fixedNow)
		m.SetSize(120, 8)
		rows := subjects(10)
		rows[3].Blocked = true
		rows[4].Phone = "" // muted placeholder
		m.SetRows(rows)
		m.SetCursor(2)

		var out bytes.Buffer
		w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ASCII}
		if _, err := w.WriteString(m.View()); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(out.String(), "\n")[1:] {
			if got, want := hasBoldOrReverse(line), i == 2; got != want {
				t.Errorf("dark=%v row %d: bold/reverse %v, want %v: %q", dark, i, got, want, line)
			}
		}
	}
}

func TestDefaultSelectedIsNotColourOnly(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := DefaultStyles(dark).Selected
		if !s.GetReverse() && !s.GetBold() {
			t.Errorf("dark=%v: Selected has neither Reverse nor Bold", dark)
		}
	}
}

func TestSetStylesRedrawsTheHeader(t *testing.T) {
	m := newTable(t, 80, 3, subjects(3))
	before := m.View()
	m.SetStyles(DefaultStyles(true))
	after := m.View()
	if before == after || !strings.Contains(strings.Split(after, "\n")[0], "\x1b[") {
		t.Fatalf("header not restyled: %q", strings.Split(after, "\n")[0])
	}
}

// A Selected style of colour alone is made reverse video.
func TestColourOnlySelectedGetsReverse(t *testing.T) {
	m := New(Styles{Selected: lipgloss.NewStyle().Foreground(lipgloss.Color("#ff0000"))}, fixedNow)
	m.SetSize(40, 3)
	m.SetRows(subjects(2))
	ls := strings.Split(m.View(), "\n")
	if !hasBoldOrReverse(ls[1]) || hasBoldOrReverse(ls[2]) {
		t.Fatalf("cursor row not reversed: %q", ls[1:])
	}
}
