package mpdx

import (
	"sync"
	"time"
)

// Impersonation is one impersonation as the server logs it (seen: reason, impersonator,
// impersonated). No route reads the log: the console's journal is this dialect's audit
// trail, and tests read it with Impersonations.
type Impersonation struct {
	Impersonator      string // the operator's uuid
	ImpersonatorEmail string
	Impersonated      string // the user's uuid
	Reason            string
	OrganizationID    string // the organization the route named
	Requested         string // the user attribute as sent: a uuid or an email
	CreatedAt         time.Time
	ExpiresAt         time.Time // the token's exp
}

// maxLoggedImpersonations bounds the log kept in memory; older entries are forgotten.
const maxLoggedImpersonations = 100_000

type impersonationLog struct {
	mu      sync.Mutex
	entries []Impersonation
}

func (l *impersonationLog) add(e Impersonation) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) >= maxLoggedImpersonations {
		l.entries = l.entries[1:]
	}
	l.entries = append(l.entries, e)
}

// Impersonations returns the impersonations started so far, oldest first.
func (srv *Server) Impersonations() []Impersonation {
	srv.log.mu.Lock()
	defer srv.log.mu.Unlock()
	return append([]Impersonation(nil), srv.log.entries...)
}
