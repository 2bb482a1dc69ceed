package subjecttable

import (
	"strconv"
	"time"
)

// relTime says how long ago t was, as of now: "never" for the zero time, "just now"
// under a minute (and for clocks up to a minute ahead), "5m ago", "3h ago", "12d ago" up
// to 60 days, and the date (in now's location) when older or further in the future.
func relTime(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < -time.Minute || d > 60*24*time.Hour:
		return t.In(now.Location()).Format(time.DateOnly)
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return ago(d/time.Minute, 'm')
	case d < 24*time.Hour:
		return ago(d/time.Hour, 'h')
	default:
		return ago(d/(24*time.Hour), 'd')
	}
}

func ago(n time.Duration, unit byte) string {
	var buf [24]byte
	b := strconv.AppendInt(buf[:0], int64(n), 10)
	b = append(b, unit)
	b = append(b, " ago"...)
	return string(b)
}
