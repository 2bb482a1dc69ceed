package subjecttable

import (
	"slices"

	"actas/client"
)

// colID names a column.
type colID int

const (
	colName colID = iota
	colEmail
	colPhone
	colStatus
	colLabels
	colLast
	colIDField
	colCreated
	colFact
)

type column struct {
	id    colID
	title string
	width int
	fact  string // the Facts key, for colFact
}

// colSpec is one column a table may show: flexible (min > 0) or fixed (width > 0, added
// by priority).
type colSpec struct {
	id         colID
	title      string
	fact       string
	min, width int
	max        int // a flexible column grows no wider (0: no bound)
	priority   int
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

// userColumns are the default: a user's columns, NAME and EMAIL flexible, the others
// added as STATUS, PHONE, LAST ACCESS, LABELS.
var userColumns = func() []colSpec {
	var specs []colSpec
	prio := map[colID]int{}
	width := map[colID]int{}
	for i, c := range optional {
		prio[c.id], width[c.id] = i+1, c.width
	}
	for _, id := range order {
		sp := colSpec{id: id, title: titles[id], width: width[id], priority: prio[id]}
		switch id {
		case colName:
			sp.min = nameMin
		case colEmail:
			sp.min = emailMin
		}
		specs = append(specs, sp)
	}
	return specs
}()

// layout picks the user columns for a width. The widths plus one gap between neighbours
// add up to exactly width. Thresholds: NAME+EMAIL always (39 cells at their minimum),
// STATUS from 47, PHONE from 64, LAST ACCESS from 76, LABELS from 93.
func layout(width int) []column { return layoutFor(userColumns, width) }

// layoutFor picks columns of specs for a width: the flexible ones always (shrunk in
// proportion to their minimums when the width is short), the fixed ones by priority
// while they fit, the spare width shared by the flexible ones.
func layoutFor(specs []colSpec, width int) []column {
	var flex []int // indexes of the flexible columns
	need := -gap
	for i, sp := range specs {
		if sp.min > 0 {
			flex = append(flex, i)
			need += gap + sp.min
		}
	}
	switch {
	case width <= 0 || len(flex) == 0:
		return nil
	case width < 3 || len(flex) == 1 && width < need: // no room for two columns and a gap
		sp := specs[flex[0]]
		return []column{{sp.id, sp.title, width, sp.fact}}
	}
	widths := make([]int, len(specs)) // 0: not shown
	if width < need {
		// Only the flexible columns, in proportion to their minimums.
		total, left := 0, width-gap*(len(flex)-1)
		for _, i := range flex {
			total += specs[i].min
		}
		for n, i := range flex {
			if n == len(flex)-1 {
				widths[i] = left
				break
			}
			widths[i] = max(1, (width-gap*(len(flex)-1))*specs[i].min/total)
			left -= widths[i]
		}
	} else {
		fixed := make([]int, 0, len(specs))
		for i, sp := range specs {
			if sp.min == 0 && sp.width > 0 {
				fixed = append(fixed, i)
			}
		}
		slices.SortStableFunc(fixed, func(a, b int) int { return specs[a].priority - specs[b].priority })
		for _, i := range fixed {
			if need+gap+specs[i].width > width {
				break
			}
			need += gap + specs[i].width
			widths[i] = specs[i].width
		}
		spare := width - need
		// Bounded columns first, each to its share at most; the others share what is left.
		growing := len(flex)
		for _, i := range flex {
			if sp := specs[i]; sp.max > 0 {
				widths[i] = min(sp.max, sp.min+spare/len(flex))
				spare -= widths[i] - sp.min
				growing--
			}
		}
		n := 0
		for _, i := range flex {
			if specs[i].max > 0 {
				continue
			}
			share := spare / max(1, growing)
			if n == growing-1 {
				share = spare - share*(growing-1)
			}
			widths[i] = specs[i].min + share
			n++
		}
	}
	cols := make([]column, 0, len(specs))
	for i, sp := range specs {
		if widths[i] > 0 {
			cols = append(cols, column{sp.id, sp.title, widths[i], sp.fact})
		}
	}
	return cols
}

// specsOf are a dialect's columns as the table lays them out.
func specsOf(cols []client.Column) []colSpec {
	ids := map[client.ColumnField]colID{client.ColName: colName, client.ColEmail: colEmail, client.ColPhone: colPhone,
		client.ColStatus: colStatus, client.ColLabels: colLabels, client.ColLastAccess: colLast,
		client.ColID: colIDField, client.ColCreated: colCreated, client.ColFact: colFact}
	specs := make([]colSpec, 0, len(cols))
	for _, c := range cols {
		specs = append(specs, colSpec{id: ids[c.Field], title: c.Title, fact: c.Fact, min: c.Min, width: c.Width, max: c.Max, priority: c.Priority})
	}
	return specs
}

var titles = [...]string{
	colName:   "NAME",
	colEmail:  "EMAIL",
	colPhone:  "PHONE",
	colStatus: "STATUS",
	colLabels: "LABELS",
	colLast:   "LAST ACCESS",
}
