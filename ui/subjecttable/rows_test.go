package subjecttable

import "testing"

func TestSetRowsResetsTheCursor(t *testing.T) {
	m := newTable(t, 80, 6, subjects(100))
	m.SetCursor(60)
	m.SetRows(subjects(30))
	at(t, &m, 0, 0)
	if m.Len() != 30 {
		t.Fatalf("Len %d", m.Len())
	}
}

func TestAppendRowsKeepsTheCursor(t *testing.T) {
	m := newTable(t, 80, 6, subjects(100))
	m.SetCursor(60)
	offset := m.offset
	m.AppendRows(subjects(50))
	at(t, &m, 60, offset)
	if m.Len() != 150 {
		t.Fatalf("Len %d", m.Len())
	}
	s, ok := m.Selected()
	if !ok || s.ID != "id60" {
		t.Fatalf("Selected %q %v", s.ID, ok)
	}
}

func TestAppendRowsToEmpty(t *testing.T) {
	m := newTable(t, 80, 6, nil)
	m.AppendRows(subjects(3))
	if s, ok := m.Selected(); !ok || s.ID != "id0" {
		t.Fatalf("Selected %q %v", s.ID, ok)
	}
}

// AppendRows must not write into spare capacity of the slice given to SetRows.
func TestAppendRowsDoesNotWriteIntoTheCallersSlice(t *testing.T) {
	backing := subjects(10)
	m := newTable(t, 80, 6, backing[:5])
	m.AppendRows(subjects(1)) // "id0"
	if backing[5].ID != "id5" {
		t.Fatalf("caller's row 5 overwritten: %q", backing[5].ID)
	}
}

func TestSelectedFollowsTheCursor(t *testing.T) {
	m := newTable(t, 80, 6, subjects(10))
	m.MoveDown(3)
	if s, ok := m.Selected(); !ok || s.ID != "id3" {
		t.Fatalf("Selected %q %v", s.ID, ok)
	}
}
