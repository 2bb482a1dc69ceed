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
	StopKey         string
}

// renderBanner draws the banner for a given width: one line when everything fits, else
// two, with the user's and the operator's text cut to fit. It is never dropped: every
// line is exactly width cells in the banner style.
func renderBanner(st Styles, b bannerInfo, now time.Time, width int) string {
	if width <= 0 {
		return ""
	}
	who := strings.TrimSpace(sanitize.Text(b.Name) + " " + sanitize.Text(b.Email) + " (" + sanitize.Text(b.ID) + ")")
	op := sanitize.Text(b.Operator)
	clock := elapsed(now.Sub(b.Started))
	stop := b.StopKey + " stop"
	const label = "IMPERSONATING "

	var lines []string
	if full := label + who + " · operator " + op + " · " + clock + " · " + stop; sanitize.Width(full) <= width {
		lines = []string{full}
	} else {
		first := label + sanitize.Fit(who, width-len(label))
		tail := " · " + clock + " · " + stop
		room := width - len("operator ") - sanitize.Width(tail)
		second := "operator " + sanitize.Fit(op, room) + tail
		if room < 8 { // very narrow: the stop key and the time come first
			second = sanitize.Fit(stop+" · "+clock+" · operator "+op, width)
		}
		lines = []string{sanitize.Fit(first, width), second}
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
