package subjecttable

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"actas/client"
)

// awkward rows: wide CJK, emoji (ZWJ sequences, flags, variation selectors), combining
// marks, a 300-character name, empty fields and hostile text.
func awkward() []client.Subject {
	long := strings.Repeat("Wolfeschlegelsteinhausenbergerdorff ", 9)[:300]
	return []client.Subject{
		{Name: "山田太郎", Email: "山田@例え.jp", Phone: "+81 90 1234 5678", Labels: []string{"顧客", "重要"}, LastAccess: testNow.Add(-3 * time.Minute)},
		{Name: "👩‍💻 Dev 🎉🇯🇵❤️", Email: "emoji🙂@example.com", Labels: []string{"🔥", "beta"}, Blocked: true},
		{Name: long, Email: long + "@example.com", Phone: long, Labels: []string{long, long}, LastAccess: testNow.AddDate(-1, 0, 0)},
		{Name: "Zoë e\u0301 Ågren", Email: "zoe@example.com", LastAccess: testNow.Add(-40 * time.Hour)},
		{Name: hostileName, Email: "\u009b31mx@example.com", Phone: "\a\b\x7f", Labels: []string{"\u202eevil"}},
		{}, // all empty
		{Name: "全角全角全角全角全角全角全角全角全角全角全角全角全角全角全角全角全角全角", Email: "ｆｕｌｌｗｉｄｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ", Blocked: true},
	}
}

// checkLines asserts that view has exactly height lines of exactly width cells.
func checkLines(t *testing.T, view string, width, height int) {
	t.Helper()
	ls := strings.Split(view, "\n")
	if len(ls) != height {
		t.Fatalf("%dx%d: %d lines, want %d", width, height, len(ls), height)
	}
	for i, l := range ls {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("%dx%d: line %d is %d cells, want %d: %q", width, height, i, w, width, l)
		}
	}
}

func TestEveryLineIsExactlyTheWidth(t *testing.T) {
	rows := awkward()
	for _, width := range []int{40, 80, 120, 200} {
		for height := 1; height <= 30; height++ {
			for _, cursor := range []int{0, 1, 4, len(rows) - 1} {
				m := New(DefaultStyles(true), fixedNow)
				m.SetSize(width, height)
				m.SetRows(rows)
				m.SetCursor(cursor)
				checkLines(t, m.View(), width, height)
			}
		}
	}
}

func TestEveryWidthFrom1To210(t *testing.T) {
	rows := awkward()
	for width := 1; width <= 210; width++ {
		for _, height := range []int{1, 2, 5, 9} {
			m := New(DefaultStyles(false), fixedNow)
			m.SetRows(rows)
			m.SetSize(width, height)
			m.MoveDown(2)
			checkLines(t, m.View(), width, height)
		}
	}
}

func TestEmptyTableIsStillFullSize(t *testing.T) {
	m := newTable(t, 60, 8, nil)
	checkLines(t, m.View(), 60, 8)
}

func TestNoViewBelowOneCell(t *testing.T) {
	for _, size := range [][2]int{{0, 10}, {10, 0}, {-1, 5}, {5, -1}} {
		m := newTable(t, size[0], size[1], subjects(3))
		if v := m.View(); v != "" {
			t.Errorf("%v: View %q, want empty", size, v)
		}
	}
	var zero Model
	if zero.View() != "" {
		t.Error("zero Model draws something")
	}
}

// Styles given by the caller may carry widths, padding, borders and margins; the table
// must still fill each line exactly.
func TestFramedStylesDoNotChangeTheWidth(t *testing.T) {
	framed := lipglossFramed()
	m := New(Styles{Header: framed, Row: framed, Selected: framed, Blocked: framed, Muted: framed}, fixedNow)
	m.SetSize(100, 10)
	m.SetRows(awkward())
	checkLines(t, m.View(), 100, 10)
}
