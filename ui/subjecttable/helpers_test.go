package subjecttable

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"actas/client"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2025, 6, 15, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// plain has no styling but the one the table insists on: reverse video for the cursor
// row (reverseOn ... reset).
func plain() Styles { return Styles{} }

const (
	reverseOn = "\x1b[7m"
	reset     = "\x1b[m"
)

// withoutCursor removes the cursor row's reverse video, the only escape sequences
// plain() styles produce.
func withoutCursor(view string) string {
	return strings.ReplaceAll(strings.ReplaceAll(view, reverseOn, ""), reset, "")
}

// subjects makes n simple rows named "user 0", "user 1", ...
func subjects(n int) []client.Subject {
	out := make([]client.Subject, n)
	for i := range out {
		out[i] = client.Subject{
			ID:         fmt.Sprintf("id%d", i),
			Name:       fmt.Sprintf("user %d", i),
			Email:      fmt.Sprintf("user%d@example.com", i),
			Phone:      "+15550100",
			Labels:     []string{"vip", "beta"},
			LastAccess: testNow.Add(-time.Duration(i) * time.Hour),
		}
	}
	return out
}

// newTable is a Model with plain styles, the given size and rows.
func newTable(t testing.TB, width, height int, rows []client.Subject) Model {
	t.Helper()
	m := New(plain(), fixedNow)
	m.SetSize(width, height)
	m.SetRows(rows)
	return m
}

// lines splits a view into its lines with escape sequences removed.
func lines(view string) []string {
	return strings.Split(ansi.Strip(view), "\n")
}
