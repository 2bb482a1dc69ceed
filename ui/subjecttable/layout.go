package subjecttable

// colID names a column.
type colID int

const (
	colName colID = iota
	colEmail
	colPhone
	colStatus
	colLabels
	colLast
)

type column struct {
	id    colID
	title string
	width int
}

// Column widths in cells. NAME and EMAIL have a minimum and share the spare width; the
// others have a fixed width and are shown only when the whole set fits.
const (
	nameMin   = 16
	emailMin  = 22
	phoneW    = 16 // "+" and 15 digits (E.164)
	statusW   = 7  // "blocked"
	labelsW   = 16
	lastW     = 11 // "LAST ACCESS"; values are at most 10 ("2025-03-01")
	gap       = 1  // one blank cell between columns
	blockMark = "⊘ "
)

// optional columns in the order they are added as the width grows: the reverse of the
// order in which they are dropped (LABELS first, then LAST ACCESS, PHONE, STATUS).
var optional = []struct {
	id    colID
	width int
}{
	{colStatus, statusW},
	{colPhone, phoneW},
	{colLast, lastW},
	{colLabels, labelsW},
}

// display order of the columns.
var order = [...]colID{colName, colEmail, colPhone, colStatus, colLabels, colLast}

// layout picks the columns for a width. The widths plus one gap between neighbours add
// up to exactly width. Thresholds: NAME+EMAIL always (39 cells at their minimum), STATUS
// from 47, PHONE from 64, LAST ACCESS from 76, LABELS from 93.
func layout(width int) []column {
	switch {
	case width <= 0:
		return nil
	case width < 3: // no room for two columns and a gap
		return []column{{colName, titles[colName], width}}
	}
	need := nameMin + gap + emailMin
	if width < need {
		name := max(1, (width-gap)*nameMin/(nameMin+emailMin))
		return []column{{colName, titles[colName], name}, {colEmail, titles[colEmail], width - gap - name}}
	}
	var widths [len(titles)]int // 0: not shown
	for _, c := range optional {
		if need+gap+c.width > width {
			break
		}
		need += gap + c.width
		widths[c.id] = c.width
	}
	spare := width - need
	widths[colName] = nameMin + spare/2
	widths[colEmail] = emailMin + spare - spare/2

	cols := make([]column, 0, len(order))
	for _, id := range order {
		if widths[id] > 0 {
			cols = append(cols, column{id, titles[id], widths[id]})
		}
	}
	return cols
}

var titles = [...]string{
	colName:   "NAME",
	colEmail:  "EMAIL",
	colPhone:  "PHONE",
	colStatus: "STATUS",
	colLabels: "LABELS",
	colLast:   "LAST ACCESS",
}
