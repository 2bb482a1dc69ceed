package subjecttable

import (
	"slices"
	"strings"
	"testing"
)

func header(t *testing.T, width int) string {
	t.Helper()
	m := newTable(t, width, 2, subjects(1))
	return lines(m.View())[0]
}

func TestColumnsAt120(t *testing.T) {
	h := header(t, 120)
	for _, title := range []string{"NAME", "EMAIL", "PHONE", "STATUS", "LABELS", "LAST ACCESS"} {
		if !strings.Contains(h, title) {
			t.Errorf("120: no %s in %q", title, h)
		}
	}
}

func TestColumnsAt80DropLabels(t *testing.T) {
	h := header(t, 80)
	for _, title := range []string{"NAME", "EMAIL", "PHONE", "STATUS", "LAST ACCESS"} {
		if !strings.Contains(h, title) {
			t.Errorf("80: no %s in %q", title, h)
		}
	}
	if strings.Contains(h, "LABELS") {
		t.Errorf("80: LABELS shown: %q", h)
	}
}

func TestColumnsAt40AreNameAndEmail(t *testing.T) {
	if got := strings.Fields(header(t, 40)); !slices.Equal(got, []string{"NAME", "EMAIL"}) {
		t.Errorf("40: columns %q", got)
	}
}

func ids(cols []column) []colID {
	var out []colID
	for _, c := range cols {
		out = append(out, c.id)
	}
	return out
}

// Shrinking drops LABELS, then LAST ACCESS, then PHONE, then STATUS (and EMAIL only
// when there is no room for two columns), and never brings a column back; the widths and gaps add up to the width; NAME and EMAIL take the spare.
func TestColumnsDropInOrder(t *testing.T) {
	dropOrder := []colID{colLabels, colLast, colPhone, colStatus, colEmail}
	prev := ids(layout(300))
	for width := 299; width >= 1; width-- {
		cols := layout(width)
		got := ids(cols)
		sum := len(cols) - 1
		for _, c := range cols {
			if c.width < 1 {
				t.Fatalf("%d: column %s is %d wide", width, c.title, c.width)
			}
			sum += c.width
		}
		if sum != width {
			t.Fatalf("%d: columns fill %d cells", width, sum)
		}
		for _, id := range prev {
			if !slices.Contains(got, id) { // dropped here: it must be the first still shown in dropOrder
				if len(dropOrder) == 0 || dropOrder[0] != id {
					t.Fatalf("%d: dropped %s out of order (next to drop: %v)", width, titles[id], dropOrder)
				}
				dropOrder = dropOrder[1:]
			}
		}
		for _, id := range got {
			if !slices.Contains(prev, id) {
				t.Fatalf("%d: %s came back when shrinking", width, titles[id])
			}
		}
		prev = got
	}
	if len(dropOrder) != 0 {
		t.Fatalf("never dropped %v", dropOrder)
	}
	if !slices.Equal(prev, []colID{colName}) {
		t.Fatalf("at width 1: %v", prev)
	}
}

func TestSpareWidthGoesToNameAndEmail(t *testing.T) {
	for _, c := range layout(200) {
		switch c.id {
		case colName:
			if c.width <= nameMin+40 {
				t.Errorf("NAME only %d wide at 200", c.width)
			}
		case colEmail:
			if c.width <= emailMin+40 {
				t.Errorf("EMAIL only %d wide at 200", c.width)
			}
		}
	}
}
