package subjecttable

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/appwrite"
)

// Appwrite's Description states the user columns: laid out exactly as the default at
// every width.
func TestAppwriteColumnsAreTheUserColumns(t *testing.T) {
	specs := specsOf(appwrite.Dialect{}.Describe().Columns)
	for w := 0; w <= 240; w++ {
		if got, want := layoutFor(specs, w), layout(w); !reflect.DeepEqual(got, want) {
			t.Fatalf("width %d: %+v, want %+v", w, got, want)
		}
	}
}

// A dialect's own columns: an id and a name shared, a fact and a date added as they fit.
func TestADialectsColumns(t *testing.T) {
	cols := []client.Column{
		{Title: "ID", Field: client.ColID, Min: 12},
		{Title: "NAME", Field: client.ColName, Min: 16},
		{Title: "ENVIRONMENTS", Field: client.ColFact, Fact: "environments", Width: 24, Priority: 1},
		{Title: "CREATED", Field: client.ColCreated, Width: 10, Priority: 2},
	}
	m := New(DefaultStyles(true), func() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) })
	m.SetColumns(cols)
	m.SetSize(80, 5)
	m.SetRows([]client.Subject{{ID: "org_acme", Name: "Acme Corp", Registered: time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC),
		Facts: map[string]string{"environments": "env_default,env_staging\x1b[2J"}}})
	view := m.View()
	for _, want := range []string{"ID", "NAME", "ENVIRONMENTS", "CREATED", "org_acme", "Acme Corp", "env_default,env_staging", "2024-05-06"} {
		if !strings.Contains(view, want) {
			t.Fatalf("view lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "\x1b[2J") {
		t.Fatal("a fact's escape sequence reached the frame")
	}
	m.SetSize(30, 5) // the fixed columns go first
	if cols := m.cols; len(cols) != 2 || cols[0].id != colIDField || cols[1].id != colName {
		t.Fatalf("at 30: %+v", cols)
	}
	total := -gap
	for _, c := range layoutFor(specsOf(cols), 57) {
		total += gap + c.width
	}
	if total != 57 {
		t.Fatalf("widths add up to %d, want 57", total)
	}
}

// A bounded flexible column (an id) stops growing; the others take the rest of the width.
func TestABoundedColumnStopsGrowing(t *testing.T) {
	specs := specsOf([]client.Column{{Title: "ID", Field: client.ColID, Min: 14, Max: 24}, {Title: "NAME", Field: client.ColName, Min: 16}})
	cols := layoutFor(specs, 120)
	if cols[0].width != 24 || cols[0].width+gap+cols[1].width != 120 {
		t.Fatalf("at 120: %+v", cols)
	}
	if cols := layoutFor(specs, 36); cols[0].width+gap+cols[1].width != 36 || cols[0].width > 24 {
		t.Fatalf("at 36: %+v", cols)
	}
}
