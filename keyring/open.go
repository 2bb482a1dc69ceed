package keyring

import (
	"errors"
	"sync"
	"time"
)

// probeProfile is looked up once to see whether the keyring answers at all.
var probeProfile = Profile{Endpoint: "probe", Project: "probe", Email: "probe"}

// Open returns the OS keyring if it answers within timeout, else an in-memory store and a
// one-line warning saying so.
func Open(timeout time.Duration) (Store, string) {
	return open(goKeyring{}, timeout)
}

func open(b backend, timeout time.Duration) (Store, string) {
	k := newOS(b, timeout)
	_, err := k.Get(probeProfile)
	if err == nil || errors.Is(err, ErrNotFound) {
		return k, ""
	}
	return NewMemory(), "No OS keyring (Secret Service) reachable: the session is kept in memory for this run only. (" + oneLine(err.Error()) + ")"
}

func oneLine(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
		if len(out) >= 160 {
			return string(out) + "…"
		}
	}
	return string(out)
}

// Lazy is a Store that finds out on first use whether the OS keyring answers, so that
// start-up never waits on D-Bus. Without a keyring it keeps entries in memory, and
// Warning says so in one line.
type Lazy struct {
	once    sync.Once
	timeout time.Duration
	backend backend
	store   Store
	warning string
}

// NewLazy is the OS keyring, opened on first use.
func NewLazy(timeout time.Duration) *Lazy { return &Lazy{timeout: timeout, backend: goKeyring{}} }

func (l *Lazy) get() Store {
	l.once.Do(func() { l.store, l.warning = open(l.backend, l.timeout) })
	return l.store
}

func (l *Lazy) Get(p Profile) (Entry, error) { return l.get().Get(p) }
func (l *Lazy) Set(p Profile, e Entry) error { return l.get().Set(p, e) }
func (l *Lazy) Delete(p Profile) error       { return l.get().Delete(p) }
func (l *Lazy) Durable() bool                { return l.get().Durable() }

// Warning is "" while the OS keyring is in use (or not yet tried).
func (l *Lazy) Warning() string {
	l.get()
	return l.warning
}
