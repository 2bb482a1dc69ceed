package subjecttable

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// painter applies a style to one line of text without calling lipgloss for every row:
// for a one-line (inline) style, Render(s) is the style's opening sequences, s, and the
// closing ones, so those are worked out once per style. Styles for which that does not
// hold (underline and strikethrough style spaces separately) fall back to Render.
type painter struct {
	style     lipgloss.Style
	pre, post string
	slow      bool
}

// marker is a private-use character that no style sequence contains.
const marker = "\uE000"

func newPainter(st lipgloss.Style) painter {
	p := painter{style: st}
	if st.GetUnderline() || st.GetStrikethrough() {
		p.slow = true
		return p
	}
	out := st.Render(marker)
	i := strings.Index(out, marker)
	if i < 0 || strings.Count(out, marker) != 1 {
		p.slow = true
		return p
	}
	p.pre, p.post = out[:i], out[i+len(marker):]
	return p
}

// paint writes text in the painter's style.
func (p *painter) paint(b *strings.Builder, text []byte) {
	if len(text) == 0 {
		return
	}
	if p.slow {
		b.WriteString(p.style.Render(string(text)))
		return
	}
	b.WriteString(p.pre)
	b.Write(text)
	b.WriteString(p.post)
}

// painters are the normalized Styles, ready to paint.
type painters struct {
	header, row, selected, blocked, muted painter
}

func newPainters(s Styles) painters {
	return painters{
		header:   newPainter(s.Header),
		row:      newPainter(s.Row),
		selected: newPainter(s.Selected),
		blocked:  newPainter(s.Blocked),
		muted:    newPainter(s.Muted),
	}
}
