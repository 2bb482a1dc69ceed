package subjecttable

import (
	"runtime"
	"testing"
)

// bytesPerRun is the average number of bytes f allocates.
func bytesPerRun(runs int, f func()) float64 {
	f() // warm up
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(runs)
}

// View and moves must not do work per loaded row: their allocations (count and bytes)
// are the same with 2,000 and 200,000 rows, and moves allocate nothing.
func TestWorkDoesNotGrowWithRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 200,000 rows")
	}
	type cost struct{ viewAllocs, viewBytes, moveAllocs, resizeBytes float64 }
	measure := func(n int) cost {
		m := New(DefaultStyles(true), fixedNow)
		m.SetSize(120, 40)
		m.SetRows(subjects(n))
		m.SetCursor(n / 2)
		view := func() { _ = m.View() }
		return cost{
			viewAllocs: testing.AllocsPerRun(20, view),
			viewBytes:  bytesPerRun(20, view),
			moveAllocs: testing.AllocsPerRun(200, func() {
				m.MoveDown(1)
				m.MoveUp(1)
				m.PageDown()
				m.PageUp()
			}),
			resizeBytes: bytesPerRun(20, func() { m.SetSize(120, 40) }),
		}
	}
	small, big := measure(2_000), measure(200_000)
	if big.viewAllocs != small.viewAllocs {
		t.Errorf("View allocates %v times with 200,000 rows, %v with 2,000", big.viewAllocs, small.viewAllocs)
	}
	// The names are a few digits longer with more rows; anything per row would be
	// hundreds of kilobytes.
	if big.viewBytes > small.viewBytes*1.1+1024 {
		t.Errorf("View allocates %.0f bytes with 200,000 rows, %.0f with 2,000", big.viewBytes, small.viewBytes)
	}
	if small.moveAllocs != 0 || big.moveAllocs != 0 {
		t.Errorf("moves allocate %v times with 2,000 rows, %v with 200,000", small.moveAllocs, big.moveAllocs)
	}
	if big.resizeBytes > small.resizeBytes+1024 {
		t.Errorf("SetSize allocates %.0f bytes with 200,000 rows, %.0f with 2,000", big.resizeBytes, small.resizeBytes)
	}
}
