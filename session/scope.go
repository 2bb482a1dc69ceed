package session

import (
	"context"
	"errors"

	"actas/client"
)

// EventScope is an explicit move to another place in the subject (an environment),
// journaled before anything acts there.
const (
	EventScope        = "impersonation.scope"
	EventScopeRefused = "impersonation.scope.refused" // the backend did not show it as theirs
)

// ErrNotScoped is the refusal of a scope for a subject that has no places to choose from.
var ErrNotScoped = errors.New("this impersonation has no environments to choose from")

// SetScope moves impersonation gen to another of the subject's places. The move is
// journaled first (no journal, no move: the impersonation stops, as for any journal
// failure); the check the backend makes is a request as the subject, journaled as such.
// On a refusal the impersonation goes on where it was.
func (s *Session) SetScope(ctx context.Context, gen int, scope string) (Active, error) {
	s.mu.Lock()
	if err := s.usableLocked(gen); err != nil {
		s.mu.Unlock()
		return Active{}, err
	}
	scoped, ok := s.imp.(client.Scoped)
	if !ok {
		s.mu.Unlock()
		return Active{}, ErrNotScoped
	}
	att, sub := s.current, s.imp.Subject()
	from := scoped.Scope()
	if scope == from {
		defer s.mu.Unlock()
		return s.activeLocked(), nil
	}
	entry := Entry{Event: EventScope, Impersonation: att.id, Target: sub.ID, TargetName: sub.Email, Scope: scope,
		Detail: "from " + from, Reason: att.reason}
	if err := s.journal(entry); err != nil {
		s.stopLocked(StopError, journalFailure)
		s.mu.Unlock()
		return Active{}, err
	}
	att.target.Scope = scope // the check's request lines name where it acts
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopCtx := att.ctx
	s.mu.Unlock()

	defer context.AfterFunc(stopCtx, cancel)() // a stop cancels the check too
	err := scoped.SetScope(ctx, scope)
	lost := err != nil && s.operatorLost(err) // asks the backend: not under the lock

	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		if s.current != att {
			return Active{}, err
		}
		att.target.Scope = scoped.Scope()
		entry.Event, entry.Why = EventScopeRefused, oneLine(err.Error())
		jerr := s.journal(entry)
		switch {
		case errors.Is(err, client.ErrNotHonoured): // it answered as someone else: nothing goes on
			s.stopLocked(StopError, "the backend stopped acting as the user")
			err = errors.Join(ErrNoLongerActing, err)
		case lost:
			s.endSessionLocked()
		}
		return Active{}, errors.Join(err, jerr)
	}
	if uerr := s.usableLocked(gen); uerr != nil {
		return Active{}, uerr
	}
	return s.activeLocked(), nil
}
