package appwrite

import (
	"net/http"
	"sync"
)

// Seen is one request as the demo received it, for tests that must prove what was, or was
// not, sent ("after stop, no request carries impersonation").
type Seen struct {
	Method string
	Path   string
	Query  string
	// Impersonation holds the target headers and query parameters the request carried.
	Impersonation map[string]string
	HasSession    bool
	Status        int // 0 while unanswered, or if the connection was dropped
}

// Impersonating says whether the request named any impersonation target.
func (s Seen) Impersonating() bool { return len(s.Impersonation) > 0 }

type seenLog struct {
	mu      sync.Mutex
	limit   int
	list    []Seen
	dropped int // entries pushed out of the front
}

func newSeenLog(limit int) *seenLog { return &seenLog{limit: limit} }

var impersonationKeys = []string{
	HeaderImpersonateID, HeaderImpersonateEmail, HeaderImpersonatePhone,
}

var impersonationParams = []string{
	"impersonateUserId", "impersonateuserid", "impersonateEmail", "impersonateemail",
	"impersonatePhone", "impersonatephone",
}

// arrive records a request as it arrives, so the log is in order of arrival; done fills
// in the status once it is answered.
func (l *seenLog) arrive(r *http.Request) (done func(status int)) {
	s := Seen{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery}
	for _, h := range impersonationKeys {
		if v := r.Header.Get(h); v != "" {
			s.setImpersonation(h, v)
		}
	}
	q := r.URL.Query()
	for _, p := range impersonationParams {
		if v := q.Get(p); v != "" {
			s.setImpersonation(p, v)
		}
	}
	s.HasSession = r.Header.Get(headerSession) != "" || r.Header.Get(headerFallback) != "" || len(r.Cookies()) > 0
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

func (s *Seen) setImpersonation(k, v string) {
	if s.Impersonation == nil {
		s.Impersonation = map[string]string{}
	}
	s.Impersonation[k] = v
}

// Seen returns the requests received so far (the latest 10,000), oldest first.
func (srv *Server) Seen() []Seen {
	srv.seen.mu.Lock()
	defer srv.seen.mu.Unlock()
	return append([]Seen(nil), srv.seen.list...)
}

// ResetSeen forgets the requests received so far.
func (srv *Server) ResetSeen() {
	srv.seen.mu.Lock()
	defer srv.seen.mu.Unlock()
	srv.seen.dropped += len(srv.seen.list)
	srv.seen.list = nil
}

// IsSessionSecret says whether v is the value of a live session of the project, for tests
// that prove a session value was not written anywhere (the server keeps only hashes).
func (srv *Server) IsSessionSecret(v string) bool {
	st := srv.projects[srv.opts.Project]
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.sessions.lookup(v, srv.now().UnixMilli()) != nil
}
