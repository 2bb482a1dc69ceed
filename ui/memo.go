package ui

import (
	"sync"

	"actas/ui/sanitize"
)

// memo remembers the last rendering of something that is redrawn every frame but rarely
// changes (the help bar, the banner): most frames then cost a key comparison.
type memo struct {
	mu    sync.Mutex
	key   string
	value sanitize.Safe
}

func (m *memo) get(key string, render func() sanitize.Safe) sanitize.Safe {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.key != key || m.value == "" {
		m.key, m.value = key, render()
	}
	return m.value
}
