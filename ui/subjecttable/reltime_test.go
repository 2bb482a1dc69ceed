package subjecttable

import (
	"strings"
	"testing"
	"time"
)

func TestRelTime(t *testing.T) {
	for _, tc := range []struct {
		ago  time.Duration
		want string
	}{
		{0, "just now"},
		{59 * time.Second, "just now"},
		{-30 * time.Second, "just now"}, // a clock slightly ahead
		{time.Minute, "1m ago"},
		{5*time.Minute + 59*time.Second, "5m ago"},
		{59 * time.Minute, "59m ago"},
		{time.Hour, "1h ago"},
		{3*time.Hour + 59*time.Minute, "3h ago"},
		{23 * time.Hour, "23h ago"},
		{24 * time.Hour, "1d ago"},
		{12*24*time.Hour + 5*time.Hour, "12d ago"},
		{60 * 24 * time.Hour, "60d ago"},
		{60*24*time.Hour + time.Second, "2025-04-16"},
		{testNow.Sub(time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)), "2025-03-01"},
		{-2 * time.Hour, "2025-06-15"}, // in the future: the date
	} {
		if got := relTime(testNow.Add(-tc.ago), testNow); got != tc.want {
			t.Errorf("%v ago: %q, want %q", tc.ago, got, tc.want)
		}
	}
}

func TestRelTimeNever(t *testing.T) {
	if got := relTime(time.Time{}, testNow); got != "never" {
		t.Errorf("zero time: %q", got)
	}
}

// The date is the one in now's time zone.
func TestRelTimeDateInNowsZone(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	t0 := time.Date(2025, 1, 1, 20, 0, 0, 0, time.UTC) // already 2 January in Tokyo
	if got := relTime(t0, testNow.In(tokyo)); got != "2025-01-02" {
		t.Errorf("got %q", got)
	}
}

// The column uses the injected clock.
func TestLastAccessColumnUsesNow(t *testing.T) {
	rows := subjects(3) // 0h, 1h, 2h before testNow
	rows[2].LastAccess = time.Time{}
	ls := lines(newTable(t, 120, 4, rows).View())
	for i, want := range []string{"just now", "1h ago", "never"} {
		if !strings.HasSuffix(strings.TrimRight(ls[i+1], " "), want) {
			t.Errorf("row %d: %q, want it to end in %q", i, ls[i+1], want)
		}
	}
}
