package keyring

import "sync"

// Memory keeps entries for this process only: the fallback when no keyring answers.
type Memory struct {
	mu sync.Mutex
	m  map[string]Entry
}

func NewMemory() *Memory { return &Memory{m: map[string]Entry{}} }

func (m *Memory) Get(p Profile) (Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.m[p.Key()]
	if !ok {
		return Entry{}, ErrNotFound
	}
	return e, nil
}

func (m *Memory) Set(p Profile, e Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[p.Key()] = e
	return nil
}

func (m *Memory) Delete(p Profile) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.m, p.Key())
	return nil
}

func (m *Memory) Durable() bool { return false }

func (m *Memory) Where() string { return "memory for this run only" }
