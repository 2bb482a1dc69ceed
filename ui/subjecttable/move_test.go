package subjecttable

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// at asserts the cursor and the scroll offset (index of the first row on screen).
func at(t *testing.T, m *Model, cursor, offset int) {
	t.Helper()
	if m.Cursor() != cursor || m.offset != offset {
		t.Fatalf("cursor %d offset %d, want cursor %d offset %d", m.Cursor(), m.offset, cursor, offset)
	}
}

// 100 rows, 5 row lines under the header.
func hundred(t *testing.T) Model { return newTable(t, 80, 6, subjects(100)) }

func TestMoveScrollsOnlyWhenTheCursorLeavesTheScreen(t *testing.T) {
	m := hundred(t)
	at(t, &m, 0, 0)
	m.MoveDown(4)
	at(t, &m, 4, 0)
	m.MoveDown(1)
	at(t, &m, 5, 1)
	m.MoveUp(3)
	at(t, &m, 2, 1)
	m.MoveUp(2)
	at(t, &m, 0, 0)
}

func TestMoveClamps(t *testing.T) {
	m := hundred(t)
	m.MoveUp(1)
	at(t, &m, 0, 0)
	m.MoveDown(1000)
	at(t, &m, 99, 95)
	m.MoveDown(1)
	at(t, &m, 99, 95)
	m.MoveDown(math.MaxInt) // must not overflow
	at(t, &m, 99, 95)
	m.MoveUp(math.MaxInt)
	at(t, &m, 0, 0)
	m.MoveUp(math.MinInt)
	at(t, &m, 99, 95)
}

func TestSetCursorClamps(t *testing.T) {
	m := hundred(t)
	m.SetCursor(-5)
	at(t, &m, 0, 0)
	m.SetCursor(1 << 40)
	at(t, &m, 99, 95)
	m.SetCursor(50) // jumping up puts the row at the top of the screen
	at(t, &m, 50, 50)
	m.SetCursor(60) // and jumping down at the bottom
	at(t, &m, 60, 56)
}

func TestTopBottom(t *testing.T) {
	m := hundred(t)
	m.Bottom()
	at(t, &m, 99, 95)
	m.Top()
	at(t, &m, 0, 0)
}

func TestPaging(t *testing.T) {
	m := hundred(t)
	m.MoveDown(2)
	m.PageDown() // the cursor keeps its place on the screen
	at(t, &m, 7, 5)
	m.PageDown()
	at(t, &m, 12, 10)
	m.PageUp()
	at(t, &m, 7, 5)
	m.PageUp()
	at(t, &m, 2, 0)
	m.PageUp()
	at(t, &m, 0, 0)

	m.SetCursor(93)
	at(t, &m, 93, 89)
	m.PageDown()
	at(t, &m, 98, 94)
	m.PageDown()
	at(t, &m, 99, 95)
}

func TestPagingWithHeaderOnlyMovesOneRow(t *testing.T) {
	m := newTable(t, 80, 1, subjects(10))
	m.PageDown()
	at(t, &m, 1, 1)
	m.PageUp()
	at(t, &m, 0, 0)
}

func TestResizeKeepsTheCursorVisible(t *testing.T) {
	m := hundred(t)
	m.SetCursor(50)
	m.SetSize(80, 3)
	at(t, &m, 50, 49)
	m.SetSize(80, 30)
	at(t, &m, 50, 49)
	m.SetSize(80, 200) // taller than the rows: everything from the top
	at(t, &m, 50, 0)
}

func TestMovesOnAnEmptyTable(t *testing.T) {
	m := newTable(t, 80, 6, nil)
	m.MoveDown(3)
	m.PageDown()
	m.Bottom()
	m.MoveUp(2)
	at(t, &m, 0, 0)
	if _, ok := m.Selected(); ok {
		t.Fatal("Selected on an empty table")
	}
}

// After any sequence of operations the cursor row is on screen, drawn where the offset
// says.
func TestCursorAlwaysOnScreen(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	m := newTable(t, 80, 6, subjects(50))
	for step := range 2000 {
		switch rng.IntN(9) {
		case 0:
			m.MoveUp(rng.IntN(8))
		case 1:
			m.MoveDown(rng.IntN(8))
		case 2:
			m.PageUp()
		case 3:
			m.PageDown()
		case 4:
			m.Top()
		case 5:
			m.Bottom()
		case 6:
			m.SetSize(80, 2+rng.IntN(60))
		case 7:
			m.SetCursor(rng.IntN(70) - 10)
		case 8:
			m.AppendRows(subjects(rng.IntN(3)))
		}
		body := m.height - 1
		if m.Cursor() < m.offset || m.Cursor() >= m.offset+body {
			t.Fatalf("step %d: cursor %d off screen (offset %d, %d rows)", step, m.Cursor(), m.offset, body)
		}
		ls := lines(m.View())
		row := ls[1+m.Cursor()-m.offset]
		want := m.rows[m.Cursor()].Name
		if !strings.HasPrefix(row, want+" ") {
			t.Fatalf("step %d: cursor line %q, want %q", step, row, want)
		}
		if m.Len() > body && m.offset > m.Len()-body {
			t.Fatalf("step %d: offset %d leaves blank lines with %d rows", step, m.offset, m.Len())
		}
	}
}
