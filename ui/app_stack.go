package ui

import (
	tea "charm.land/bubbletea/v2"

	"actas/ui/sanitize"
)

// The screen stack: the first screen is the base, the top one gets the keys.

func closeScreen(s screen) {
	if c, ok := s.(interface{ close() }); ok {
		c.close()
	}
}

func (m Model) push(s screen) (tea.Model, tea.Cmd) {
	m.stack = append(m.stack[:len(m.stack):len(m.stack)], s)
	m.layout()
	return m, initOf(s)
}

func (m Model) pop() (tea.Model, tea.Cmd) {
	if len(m.stack) == 1 {
		return m, nil
	}
	closeScreen(m.top())
	m.stack = m.stack[:len(m.stack)-1]
	m.layout()
	return m, nil
}

func (m Model) bodySize() (int, int) {
	chrome := 3 // header, status, help
	if m.active != nil {
		chrome += len(sanitize.Lines(m.bannerView()))
	}
	return m.width, max(0, m.height-chrome)
}

// layout gives every screen the body's size; called on resize and whenever the chrome
// changes (the banner appears, disappears or wraps).
func (m *Model) layout() {
	w, h := m.bodySize()
	for _, s := range m.stack {
		s.SetSize(w, h)
	}
}
