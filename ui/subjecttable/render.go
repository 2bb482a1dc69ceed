package subjecttable

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"actas/client"
	"actas/ui/sanitize"
)

// View draws the header and the visible rows: exactly height lines joined by "\n", each
// exactly width cells wide. It is empty when the width or the height is below 1.
// Only the visible rows are rendered.
func (m Model) View() string {
	if m.width < 1 || m.height < 1 {
		return ""
	}
	now := time.Now
	if m.now != nil {
		now = m.now
	}
	r := rowRenderer{m: &m, now: now(), line: make([]byte, 0, 2*m.width+64)}

	var b strings.Builder
	b.Grow(m.height * (m.width + 64))
	b.WriteString(m.header)
	for i := range m.bodyHeight() {
		b.WriteByte('\n')
		if idx := m.offset + i; idx < len(m.rows) {
			r.write(&b, idx)
		} else {
			b.WriteString(m.blank)
		}
	}
	return b.String()
}

func (m *Model) renderHeader() string {
	if len(m.cols) == 0 {
		return ""
	}
	var line []byte
	for i, c := range m.cols {
		if i > 0 {
			line = append(line, ' ')
		}
		title, tw := fit(c.title, c.width)
		line = appendCell(line, title, tw, c.width)
	}
	var b strings.Builder
	m.paint.header.paint(&b, line)
	return b.String()
}

// rowRenderer draws the rows of one frame; its buffers are reused from row to row.
type rowRenderer struct {
	m      *Model
	now    time.Time
	line   []byte // the run of cells being built in one style
	labels []byte // the LABELS cell being joined
}

// write draws row idx: Selected for the cursor row, Blocked for a blocked user, else Row
// with Muted for placeholders ("-", "never").
func (r *rowRenderer) write(b *strings.Builder, idx int) {
	m := r.m
	s := &m.rows[idx]
	base := &m.paint.row
	whole := true // one style for the whole line
	switch {
	case idx == m.cursor:
		base = &m.paint.selected
	case s.Blocked:
		base = &m.paint.blocked
	default:
		whole = false
	}

	run, runMuted := r.line[:0], false
	for i, c := range m.cols {
		if i > 0 {
			run = append(run, ' ') // the gap belongs to the run before it
		}
		text, tw, muted := r.cell(s, c)
		if !whole && muted != runMuted {
			r.flush(b, run, base, runMuted)
			run, runMuted = run[:0], muted
		}
		run = appendCell(run, text, tw, c.width)
	}
	r.flush(b, run, base, runMuted)
	r.line = run[:0]
}

func (r *rowRenderer) flush(b *strings.Builder, run []byte, base *painter, muted bool) {
	if muted {
		base = &r.m.paint.muted
	}
	base.paint(b, run)
}

// placeholder stands for an empty value.
const placeholder = "-"

// cell is the safe text of one cell, its width in cells (at most c.width), and whether
// it is a placeholder to be muted.
func (r *rowRenderer) cell(s *client.Subject, c column) (text string, width int, muted bool) {
	w := c.width
	switch c.id {
	case colName:
		name := string(sanitize.Text(capBytes(s.Name, w)))
		if name == "" {
			name, muted = placeholder, true
		}
		if s.Blocked {
			name, muted = blockMark+name, false
		}
		text, width = fit(name, w)
		return text, width, muted
	case colEmail:
		return field(s.Email, w)
	case colPhone:
		return field(s.Phone, w)
	case colStatus:
		status := "active"
		if s.Blocked {
			status = "blocked"
		}
		text, width = fit(status, w)
		return text, width, false
	case colLabels:
		buf := r.labels[:0]
		limit := byteLimit(w)
		for i, l := range s.Labels {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, capBytes(l, w)...)
			if len(buf) > limit {
				break
			}
		}
		r.labels = buf
		return field(string(buf), w)
	case colLast:
		t := relTime(s.LastAccess, r.now)
		text, width = fit(t, w)
		return text, width, t == "never"
	case colIDField:
		return field(s.ID, w)
	case colCreated:
		if s.Registered.IsZero() {
			return placeholder, 1, true
		}
		text, width = fit(s.Registered.Format("2006-01-02"), w)
		return text, width, false
	case colFact:
		return field(s.Facts[c.fact], w)
	}
	return "", 0, false
}

// field is a server string made safe and fitted to w cells; a placeholder when empty.
func field(v string, w int) (string, int, bool) {
	t, tw := fit(string(sanitize.Text(capBytes(v, w))), w)
	if t == "" {
		return placeholder, 1, true
	}
	return t, tw, false
}

// fit cuts safe text to w cells (sanitize.Fit) and returns its width, measuring it once.
func fit(t string, w int) (string, int) {
	tw := textWidth(t)
	if tw <= w {
		return t, tw
	}
	t = ansi.Truncate(t, w, "…")
	return t, textWidth(t)
}

// textWidth is sanitize.Width, with a shortcut for ASCII: sanitized text has no control
// characters, so each ASCII byte is one cell.
func textWidth(t string) int {
	if n := asciiWidth(t); n >= 0 {
		return n
	}
	return ansi.StringWidth(t)
}

// asciiWidth is len(t) when t is all ASCII, else -1.
func asciiWidth(t string) int {
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			return -1
		}
	}
	return len(t)
}

// byteLimit bounds how much of a server string is looked at for a cell w cells wide, so
// that a huge name cannot slow every frame down. 8 bytes a cell leave room for combining
// marks and the escape sequences that sanitize removes.
func byteLimit(w int) int { return 8*w + 64 }

// capBytes cuts s to at most byteLimit(w) bytes, at a rune boundary.
func capBytes(s string, w int) string {
	limit := byteLimit(w)
	if len(s) <= limit {
		return s
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return s[:limit]
}

// appendCell appends text, tw cells wide, padded with spaces to exactly w cells. text is
// safe and should already fit; the check only guards against a disagreement between
// truncation and width measurement.
func appendCell(buf []byte, text string, tw, w int) []byte {
	if tw < 0 || tw > w {
		text = ansi.Truncate(text, w, "")
		if tw = ansi.StringWidth(text); tw > w {
			text, tw = "", 0
		}
	}
	buf = append(buf, text...)
	for ; tw < w; tw++ {
		buf = append(buf, ' ')
	}
	return buf
}
