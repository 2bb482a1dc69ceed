package netfault

import (
	"net/http"
	"sync"
)

// Seen is one request as a demo received it, for tests that must prove what was, or was
// not, sent ("after stop, no request carries impersonation").
type Seen struct {
	Method string
	Path   string
	Query  string
	// Impersonation holds what the request named as the subject to act as (the
	// dialect's headers and parameters), empty for the operator's own requests.
	Impersonation map[string]string
	HasSession    bool
	Status        int // 0 while unanswered, or if the connection was dropped
}

// Impersonating says whether the request named any subject to act as.
func (s Seen) Impersonating() bool { return len(s.Impersonation) > 0 }

// SeenLog keeps the latest requests, in order of arrival.
type SeenLog struct {
	mu         sync.Mutex
	limit      int
	actingAs   func(*http.Request) map[string]string
	hasSession func(*http.Request) bool
	list       []Seen
	dropped    int // entries pushed out of the front
}

// NewSeenLog keeps the latest limit requests; actingAs and hasSession are the dialect's
// reading of a request.
func NewSeenLog(limit int, actingAs func(*http.Request) map[string]string, hasSession func(*http.Request) bool) *SeenLog {
	return &SeenLog{limit: limit, actingAs: actingAs, hasSession: hasSession}
}

// Arrive records a request as it arrives; done fills in its status once answered.
func (l *SeenLog) Arrive(r *http.Request) (done func(status int)) {
	s := Seen{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, HasSession: l.hasSession(r)}
	if as := l.actingAs(r); len(as) > 0 {
		s.Impersonation = as
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.list) >= l.limit {
		l.list = l.list[1:]
		l.dropped++
	}
	l.list = append(l.list, s)
	seq := l.dropped + len(l.list) - 1
	return func(status int) {
		l.mu.Lock()
		defer l.mu.Unlock()
		if i := seq - l.dropped; i >= 0 && i < len(l.list) {
			l.list[i].Status = status
		}
	}
}

// List is the requests received so far, oldest first.
func (l *SeenLog) List() []Seen {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Seen(nil), l.list...)
}

// Reset forgets the requests received so far.
func (l *SeenLog) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.dropped += len(l.list)
	l.list = nil
}
