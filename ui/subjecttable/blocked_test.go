package subjecttable

import (
	"strings"
	"testing"
)

// A blocked user must be recognisable in the bare text (NO_COLOR), at every width, also
// when selected.
func TestBlockedRecognisableWithoutColour(t *testing.T) {
	rows := subjects(4)
	rows[1].Blocked = true
	for _, width := range []int{20, 40, 80, 120} {
		for _, cursor := range []int{0, 1} {
			m := New(DefaultStyles(true), fixedNow)
			m.SetSize(width, 5)
			m.SetRows(rows)
			m.SetCursor(cursor)
			ls := lines(m.View()) // escape sequences (colour) removed
			if !strings.HasPrefix(ls[2], "⊘ user 1") {
				t.Errorf("%d: blocked row %q has no mark", width, ls[2])
			}
			for _, i := range []int{1, 3, 4} {
				if strings.Contains(ls[i], "⊘") || strings.Contains(ls[i], "blocked") {
					t.Errorf("%d: active row %q looks blocked", width, ls[i])
				}
			}
		}
	}
}

func TestStatusColumn(t *testing.T) {
	rows := subjects(2)
	rows[1].Blocked = true
	ls := lines(newTable(t, 120, 3, rows).View())
	// fields: "user", "0", email, phone, status; the blocked row has "⊘" in front
	if f := strings.Fields(ls[1]); f[4] != "active" {
		t.Errorf("status %q in %q", f[4], ls[1])
	}
	if f := strings.Fields(ls[2]); f[5] != "blocked" {
		t.Errorf("status %q in %q", f[5], ls[2])
	}
}
