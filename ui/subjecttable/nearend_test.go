package subjecttable

import "testing"

func TestNearEnd(t *testing.T) {
	m := newTable(t, 80, 6, subjects(100))
	for _, tc := range []struct {
		cursor, k int
		want      bool
	}{
		{0, 10, false},
		{88, 10, false},
		{89, 10, true},
		{99, 0, true},
		{98, 0, false},
		{99, -3, true},
		{0, 99, true},
	} {
		m.SetCursor(tc.cursor)
		if got := m.NearEnd(tc.k); got != tc.want {
			t.Errorf("cursor %d NearEnd(%d) = %v, want %v", tc.cursor, tc.k, got, tc.want)
		}
	}
}

func TestNearEndEmpty(t *testing.T) {
	m := newTable(t, 80, 6, nil)
	if m.NearEnd(10) {
		t.Fatal("NearEnd with no rows")
	}
}

func TestNearEndAfterAppend(t *testing.T) {
	m := newTable(t, 80, 6, subjects(20))
	m.Bottom()
	if !m.NearEnd(5) {
		t.Fatal("not near the end at the bottom")
	}
	m.AppendRows(subjects(20))
	if m.NearEnd(5) {
		t.Fatal("still near the end after a page was appended")
	}
}
