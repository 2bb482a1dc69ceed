// Package subjecttable is the user picker's table: a virtualized, keyboard-driven list
// of client.Subject rows that stays fast with a million rows loaded.
//
// Only the visible window is ever rendered: View, SetSize and every cursor move do work
// proportional to the screen, never to the number of rows. AppendRows is proportional to
// the rows appended. All server text goes through actas/ui/sanitize before it is drawn.
package subjecttable

import (
	"strings"
	"time"

	"actas/client"
)

// Model is the table state. Make it with New: the zero value works but draws without
// styles (no cursor highlight) until SetStyles.
type Model struct {
	paint painters // the normalized styles, ready to apply
	now   func() time.Time

	width, height int
	specs         []colSpec // the columns it may show; nil: a user's
	cols          []column  // layout for width, recomputed by SetSize
	header        string    // rendered header line, recomputed by SetSize and SetStyles
	blank         string    // a line of width spaces, for the rows below the last one

	rows   []client.Subject
	cursor int // index into rows; 0 when there are none
	offset int // index of the first row drawn under the header
}

// New returns an empty table. now supplies the reference time for the LAST ACCESS
// column (time.Now if nil); tests inject a fixed clock.
func New(styles Styles, now func() time.Time) Model {
	if now == nil {
		now = time.Now
	}
	m := Model{now: now}
	m.SetStyles(styles)
	return m
}

// SetStyles replaces the styles. Width, height, padding, margins, borders, alignment and
// transforms are removed from them, because every line must stay exactly the width given
// to SetSize.
func (m *Model) SetStyles(s Styles) {
	m.paint = newPainters(s.normalized())
	m.header = m.renderHeader()
}

// SetSize sets the size of the table in terminal cells; height includes the header line.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(0, width), max(0, height)
	m.cols = m.layout()
	m.header = m.renderHeader()
	m.blank = strings.Repeat(" ", m.width)
	m.fix()
}

// SetColumns makes the table show a dialect's columns (none: a user's).
func (m *Model) SetColumns(cols []client.Column) {
	m.specs = nil
	if len(cols) > 0 {
		m.specs = specsOf(cols)
	}
	m.cols = m.layout()
	m.header = m.renderHeader()
}

func (m *Model) layout() []column {
	if m.specs == nil {
		return layout(m.width)
	}
	return layoutFor(m.specs, m.width)
}

// SetRows replaces all rows and puts the cursor on the first one. The table keeps rows
// without copying; the caller must not modify them afterwards.
func (m *Model) SetRows(rows []client.Subject) {
	m.rows = rows[:len(rows):len(rows)] // so that AppendRows never writes into the caller's array
	m.cursor, m.offset = 0, 0
	m.fix()
}

// AppendRows adds a page of rows after the loaded ones; the cursor stays on its row.
func (m *Model) AppendRows(rows []client.Subject) {
	m.rows = append(m.rows, rows...)
	m.fix()
}

// Len is the number of rows loaded.
func (m *Model) Len() int { return len(m.rows) }

// Cursor is the index of the selected row (0 when there are no rows).
func (m *Model) Cursor() int { return m.cursor }

// SetCursor selects row i, clamped to the loaded rows.
func (m *Model) SetCursor(i int) {
	m.cursor = i
	m.fix()
}

// Selected returns the row under the cursor; false when there are no rows.
func (m *Model) Selected() (client.Subject, bool) {
	if len(m.rows) == 0 {
		return client.Subject{}, false
	}
	return m.rows[m.cursor], true
}

// MoveUp moves the cursor up n rows, stopping at the first.
func (m *Model) MoveUp(n int) { m.move(-m.bound(n)) }

// MoveDown moves the cursor down n rows, stopping at the last.
func (m *Model) MoveDown(n int) { m.move(m.bound(n)) }

// PageUp scrolls up one screen of rows; the cursor keeps its place on the screen until
// the top is reached.
func (m *Model) PageUp() {
	p := m.pageSize()
	m.offset -= p
	m.move(-p)
}

// PageDown scrolls down one screen of rows; the cursor keeps its place on the screen
// until the bottom is reached.
func (m *Model) PageDown() {
	p := m.pageSize()
	m.offset += p
	m.move(p)
}

// Top selects the first row.
func (m *Model) Top() { m.SetCursor(0) }

// Bottom selects the last loaded row.
func (m *Model) Bottom() { m.SetCursor(len(m.rows) - 1) }

// NearEnd reports whether the cursor is within k rows of the last loaded row, the
// moment for the picker to load the next page. It is false when no rows are loaded.
func (m *Model) NearEnd(k int) bool {
	if len(m.rows) == 0 {
		return false
	}
	return m.cursor >= len(m.rows)-1-max(0, k)
}

// bound limits a move to the number of rows, so that huge n cannot overflow.
func (m *Model) bound(n int) int {
	l := len(m.rows)
	return min(max(n, -l), l)
}

func (m *Model) move(delta int) {
	m.cursor += delta
	m.fix()
}

// bodyHeight is the number of row lines under the header.
func (m *Model) bodyHeight() int { return max(0, m.height-1) }

func (m *Model) pageSize() int { return max(1, m.bodyHeight()) }

// fix clamps the cursor to the rows and the scroll offset so that the cursor row is
// on screen and, when there are enough rows, the screen is full. O(1).
func (m *Model) fix() {
	n := len(m.rows)
	if n == 0 {
		m.cursor, m.offset = 0, 0
		return
	}
	m.cursor = min(max(m.cursor, 0), n-1)
	h := m.bodyHeight()
	if h == 0 {
		m.offset = m.cursor
		return
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = min(max(m.offset, 0), max(0, n-h))
}
