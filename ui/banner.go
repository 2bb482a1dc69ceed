package ui

import (
	"fmt"
	"strings"
	"time"

	"actas/ui/sanitize"
)

// bannerInfo is what the impersonation banner shows.
type bannerInfo struct {
	Name, Email, ID string // the effective user, as the backend verified them
	Operator        string // the operator's email
	Started         time.Time
	Write           bool      // elevated to write
	Reason          string    // why the operator acts as them
	Deadline        time.Time // when it stops by itself (zero: never)
	StopKey         string
}

// countdownFrom is how long before the deadline the banner starts counting down.
const countdownFrom = 2 * time.Minute

// renderBanner draws the banner for a given width: one line when everything fits, else
// two: who is acted as, then mode, reason, operator, time and the stop key, the reason and
// the operator cut first. It is never dropped: every line is exactly width cells in the
// banner style.
func renderBanner(st Styles, b bannerInfo, now time.Time, width int) string {
	if width <= 0 {
		return ""
	}
	who := strings.TrimSpace(sanitize.Text(b.Name) + " " + sanitize.Text(b.Email) + " (" + sanitize.Text(b.ID) + ")")
	mode := "READ-ONLY"
	if b.Write {
		mode = "WRITE"
	}
	clock := elapsed(now.Sub(b.Started))
	if !b.Deadline.IsZero() && b.Deadline.Sub(now) <= countdownFrom {
		clock += " · ends in " + elapsed(b.Deadline.Sub(now))
	}
	stop := b.StopKey + " stop"
	middle := " · operator " + sanitize.Text(b.Operator)
	if r := sanitize.Text(b.Reason); r != "" {
		middle = " · " + r + middle
	}
	const label = "IMPERSONATING "

	var lines []string
	tail := " · " + clock + " · " + stop
	room := width - sanitize.Width(mode) - sanitize.Width(tail)
	switch full := label + who + " · " + mode + middle + " · " + clock + " · " + stop; {
	case sanitize.Width(full) <= width:
		lines = []string{full}
	case room >= 16:
		lines = []string{sanitize.Fit(label+who, width), mode + sanitize.Fit(middle, room) + tail}
	default: // narrow: who; then mode, time and the stop key; then reason and operator
		lines = []string{sanitize.Fit(label+who, width), sanitize.Fit(mode+tail, width),
			sanitize.Fit(strings.TrimPrefix(middle, " · "), width)}
	}
	for i, l := range lines {
		lines[i] = st.Banner.Render(pad(l, width))
	}
	return strings.Join(lines, "\n")
}

// elapsed is mm:ss, or h:mm:ss past an hour.
func elapsed(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// pad fills s with spaces to exactly width cells (cutting it if longer).
func pad(s string, width int) string {
	s = sanitize.Fit(s, width)
	if w := sanitize.Width(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}
