package keyring

import (
	"errors"
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
