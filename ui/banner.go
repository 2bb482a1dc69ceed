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
	Scope           string // where in them requests act (a tenant's environment), if anywhere
	NoEmail         bool   // the dialect's subjects have none (tenants): the id comes first
	Role            string // the backend's role for the impersonation (MPDX), if any
	Operator        string // the operator's email
	Started         time.Time
	Write           bool      // elevated to write
	Reason          string    // why the operator acts as them
	Deadline        time.Time // when it stops by itself (zero: never)
	// Expires is when the backend ends it by itself (a one-hour token): counted down from
	// its last hour, whatever the profile's limits.
	Expires time.Time
	StopKey string
}

// countdownFrom is how long before the deadline the banner starts counting down.
const countdownFrom = 2 * time.Minute

// The parts a name or a reason may take at most: they are the customer's and the
// operator's words, and they give way to the identity.
const (
	maxNameCells   = 32
	maxReasonCells = 40
	maxRoleCells   = 24
	minOptional    = 8 // below this a name or reason is left out rather than shown as “A…”
)

// bannerPart is one piece of the banner. The verified identity, the mode, the operator,
// the time and the stop key must show whole; the name and the reason are optional: they
// get the room those leave, cut, and no more.
type bannerPart struct {
	text     sanitize.Safe
	sep      sanitize.Safe // before it, unless it starts a line
	optional bool
	limit    int    // cells, for optional parts
	name     string // the user's name, for the part that quotes it: cut inside its quotes
}

// fit is the part cut to width cells.
func (p bannerPart) fit(width int) sanitize.Safe {
	if p.name != "" {
		return quotedFit(p.name, width)
	}
	return sanitize.Fit(p.text, width)
}

// renderBanner draws the banner for a given width: the identity first, in a fixed place
// (IMPERSONATING, the verified email and id), the user's name after it in quotes, then
// mode, reason, operator, time and the stop key. When the width does not hold them all,
// the required parts wrap onto more lines and the optional ones fill what room is left;
// a required part is wrapped, not cut, as long as the banner fits in maxLines. Only when
// it would not (a 254-character email on a 30x8 terminal) are the email and the id cut,
// so that the operator, the time and the stop key stay on screen. Every line is exactly
// width cells in the banner style.
func renderBanner(st Styles, b bannerInfo, now time.Time, width, maxLines int) sanitize.Safe {
	if width <= 0 {
		return ""
	}
	parts := bannerParts(b, now)
	lines := fitBanner(parts, width, max(1, maxLines))
	for i, l := range lines {
		lines[i] = st.Banner.Render(sanitize.Pad(l, width))
	}
	return sanitize.Join(lines, "\n")
}

func bannerParts(b bannerInfo, now time.Time) []bannerPart {
	mode := sanitize.Safe("READ-ONLY")
	if b.Write {
		mode = "WRITE"
	}
	if b.Role != "" { // the backend's word: short, and never mistaken for the mode
		mode += " · role " + sanitize.Fit(sanitize.Text(b.Role), maxRoleCells)
	}
	clock := sanitize.Text(elapsed(now.Sub(b.Started)))
	switch {
	case !b.Deadline.IsZero() && b.Deadline.Sub(now) <= countdownFrom: // the earliest end, near
		clock += sanitize.Text(" · ends in " + elapsed(b.Deadline.Sub(now)))
	case !b.Expires.IsZero() && b.Expires.Sub(now) <= time.Hour+time.Minute:
		clock += sanitize.Text(" · ends in " + elapsed(b.Expires.Sub(now)))
	}
	first, second := shownEmail(b.Email), "("+shownID(b.ID)+")"
	if b.NoEmail {
		first, second = shownID(b.ID), ""
	}
	if b.Scope != "" {
		second = sanitize.TrimSpace(second + " in " + shownID(b.Scope))
	}
	return []bannerPart{
		{text: "IMPERSONATING"},
		{text: first, sep: " "},
		{text: second, sep: " "},
		{text: quoted(b.Name), sep: " ", optional: true, limit: maxNameCells, name: b.Name},
		{text: mode, sep: " · "},
		{text: sanitize.Text(b.Reason), sep: " · ", optional: true, limit: maxReasonCells},
		{text: "operator " + sanitize.Text(b.Operator), sep: " · "},
		{text: clock, sep: " · "},
		{text: sanitize.Text(b.StopKey) + " stop", sep: " · "},
	}
}

// Where the identity parts sit among bannerParts, and the least of them that is kept.
const (
	emailPart    = 1
	idPart       = 2
	operatorPart = 6
	minIdentity  = 12 // the least of the email, the id or the operator a cut keeps
)

// fitBanner lays the parts out in at most maxLines lines if it can: whole when they fit;
// else with the email and the id cut to the most cells that fit (tried from the longest
// down, so that no line is given up for nothing); else, as a last resort, the operator's
// email cut too, so that the time and the stop key still show.
func fitBanner(parts []bannerPart, width, maxLines int) []sanitize.Safe {
	lines := layoutBanner(parts, width, maxLines)
	if len(lines) <= maxLines {
		return lines
	}
	email, id, operator := parts[emailPart].text, parts[idPart].text, parts[operatorPart].text
	closing := sanitize.Safe("")
	if strings.HasSuffix(string(id), ")") {
		closing = ")"
	}
	identityAt := func(n int) []sanitize.Safe {
		parts[emailPart].text, parts[idPart].text = cutTo(email, n, ""), cutTo(id, n, closing)
		return layoutBanner(parts, width, maxLines)
	}
	if n, ok := largestFitting(minIdentity, max(sanitize.Width(email), sanitize.Width(id))-1, maxLines, identityAt); ok {
		return identityAt(n)
	}
	identityAt(minIdentity)
	operatorAt := func(n int) []sanitize.Safe {
		parts[operatorPart].text = cutTo(operator, n, "")
		return layoutBanner(parts, width, maxLines)
	}
	n, _ := largestFitting(minIdentity+len("operator "), sanitize.Width(operator)-1, maxLines, operatorAt)
	return operatorAt(n)
}

// largestFitting is the largest n in [lo, hi] whose layout fits maxLines lines, found by
// bisection (a larger cut never takes fewer lines, but for the odd line the greedy
// packing saves), and whether there is one; lo when there is none.
func largestFitting(lo, hi, maxLines int, layout func(n int) []sanitize.Safe) (int, bool) {
	if hi < lo || len(layout(lo)) > maxLines {
		return lo, false
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(layout(mid)) <= maxLines {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo, true
}

// cutTo cuts a part to n cells with an ellipsis, keeping its closing bracket if it has one.
func cutTo(s sanitize.Safe, n int, closing sanitize.Safe) sanitize.Safe {
	if sanitize.Width(s) <= n {
		return s
	}
	return sanitize.Fit(sanitize.TrimSuffix(s, closing), n-sanitize.Width(closing)) + closing
}

// quoted sets a user's name apart from the identity: in quotes of its own, with any quote
// inside it made plain, so a name cannot close its quotes and pose as the identity.
func quoted(name string) sanitize.Safe { return quotedFit(name, 1<<30) }

// quotedFit is quoted in at most width cells: the name is cut inside its quotes, so the
// closing quote always shows where the user's words end.
func quotedFit(name string, width int) sanitize.Safe {
	n := sanitize.TrimSpace(sanitize.Short(strings.NewReplacer("“", "'", "”", "'", `"`, "'").Replace(name)))
	if n == "" || width < 3 {
		return ""
	}
	return "“" + sanitize.Fit(n, width-2) + "”"
}

// layoutBanner places the parts on as few lines as the width allows; when a line more
// would show more of the name and the reason (the mode starting a line of its own), and
// the height has that line to give, it takes it.
func layoutBanner(parts []bannerPart, width, maxLines int) []sanitize.Safe {
	if line, ok := singleLine(parts, width); ok {
		return []sanitize.Safe{line}
	}
	packed := packBanner(parts, width, -1)
	broken := packBanner(parts, width, modePart)
	if broken.optional > packed.optional && len(broken.lines) <= maxLines {
		return broken.lines
	}
	return packed.lines
}

// modePart is the index of the mode among bannerParts: the second line may start there.
const modePart = 4

// packedBanner is one layout, with how many cells of optional text it shows.
type packedBanner struct {
	lines    []sanitize.Safe
	optional int
}

// packBanner packs the required parts greedily, starting a new line at part breakAt (-1:
// nowhere in particular), then fills the room left with the optional parts.
func packBanner(parts []bannerPart, width, breakAt int) packedBanner {
	// The required parts, packed greedily; each line remembers which parts end on it.
	type line struct {
		text sanitize.Safe
		ends []int
	}
	var lines []line
	cur := line{}
	for i, p := range parts {
		if p.optional || p.text == "" {
			continue
		}
		piece := p.sep + p.text
		switch {
		case cur.text != "" && i != breakAt && sanitize.Width(cur.text+piece) <= width:
			cur.text += piece
		case sanitize.Width(p.text) <= width:
			if cur.text != "" {
				lines = append(lines, cur)
			}
			cur = line{text: p.text}
		default: // wider than the terminal: wrapped, never cut, from the room the line has left
			text := p.text
			if room := width - sanitize.Width(cur.text+p.sep); cur.text != "" && room >= minIdentity {
				var head sanitize.Safe
				head, text = sanitize.Split(text, room)
				cur.text += p.sep + head
			}
			if cur.text != "" {
				lines = append(lines, cur)
			}
			chunks := sanitize.Wrap(text, width)
			for _, c := range chunks[:len(chunks)-1] {
				lines = append(lines, line{text: c})
			}
			cur = line{text: chunks[len(chunks)-1]}
		}
		cur.ends = append(cur.ends, i)
	}
	lines = append(lines, cur)
	// The optional parts go right after the part before them, in the room that is left.
	shown := 0
	out := make([]sanitize.Safe, len(lines))
	for li, l := range lines {
		text := l.text
		for _, after := range l.ends {
			next := after + 1
			if next >= len(parts) || !parts[next].optional || parts[next].text == "" {
				continue
			}
			p := parts[next]
			room := width - sanitize.Width(text) - sanitize.Width(p.sep)
			if room < minOptional {
				continue
			}
			head, tail := splitAfter(text, parts, after, l.ends)
			cut := p.fit(min(room, p.limit))
			shown += sanitize.Width(cut)
			text = head + p.sep + cut + tail
		}
		out[li] = text
	}
	return packedBanner{lines: out, optional: shown}
}

// singleLine is every part on one line, optional ones within their limits, if that fits.
func singleLine(parts []bannerPart, width int) (sanitize.Safe, bool) {
	var line sanitize.Safe
	for _, p := range parts {
		if p.text == "" {
			continue
		}
		text := p.text
		if p.optional {
			text = p.fit(p.limit)
		}
		if line != "" {
			line += p.sep
		}
		line += text
	}
	return line, sanitize.Width(line) <= width
}

// splitAfter cuts a line's text after part `after`: the parts that end on the line are
// rebuilt up to it, and the rest of the line is the tail.
func splitAfter(text sanitize.Safe, parts []bannerPart, after int, ends []int) (head, tail sanitize.Safe) {
	// The tail is the required parts after `after` on this line, with their separators.
	for _, i := range ends {
		if i > after {
			tail += parts[i].sep + parts[i].text
		}
	}
	head = sanitize.TrimSuffix(text, tail)
	return head, tail
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
