package session

import (
	"context"
	"errors"
	"strings"
	"time"

	"actas/client"
)

// Active describes the current impersonation.
type Active struct {
	Subject client.Subject // verified by the backend
	Target  client.Target  // as the operator named it
	Reason  string
	Started time.Time
	Gen     int
}

// Impersonate acts as one target. Only an operator who may impersonate can; a running
// impersonation is stopped first (one target at a time). The backend verifies the
// target before anything is shown as them; a refusal is journaled too.
func (s *Session) Impersonate(ctx context.Context, target client.Target, reason string) (Active, error) {
	s.mu.Lock()
	if s.state == SignedOut {
		s.mu.Unlock()
		return Active{}, client.ErrNotSignedIn
	}
	if !s.operator.CanImpersonate {
		s.mu.Unlock()
		return Active{}, ErrNotOperator
	}
	s.mu.Unlock()
	s.Stop(StopSwitch)

	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.pending = target
	s.mu.Unlock()
	imp, err := s.cfg.Backend.Impersonate(ctx, target, client.ImpersonateOptions{
		Reason:  reason,
		Observe: func(x client.Exchange) { s.observe(gen, x) },
	})

	s.mu.Lock()
	defer s.mu.Unlock()
	named := Entry{NamedBy: target.Kind.String(), NamedAs: target.Value, Reason: reason}
	if err != nil {
		named.Event, named.Why = EventImpersonateRefuse, oneLine(err.Error())
		return Active{}, errors.Join(err, s.journal(named))
	}
	if s.state != SignedIn || s.gen != gen {
		imp.Stop() // signed out or started another while this one was being verified
		return Active{}, client.ErrStopped
	}
	s.imp, s.state, s.started, s.reason = imp, Impersonating, s.cfg.Clock(), reason
	sub := imp.Subject()
	named.Event, named.Target, named.TargetName = EventImpersonateStart, sub.ID, sub.Email
	if jerr := s.journal(named); jerr != nil {
		// No journal, no impersonation: an unrecorded act-as session must not go on.
		s.stopLocked(StopError)
		return Active{}, jerr
	}
	return s.activeLocked(), nil
}

// observe journals one request made as the user, if it belongs to the current
// impersonation (or the one being verified).
func (s *Session) observe(gen int, x client.Exchange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		return
	}
	e := Entry{Event: EventRequest, Method: x.Method, Path: x.Path, Status: x.Status,
		DurationMS: x.Duration.Milliseconds(), Reason: s.reason}
	if s.imp != nil {
		sub := s.imp.Subject()
		e.Target, e.TargetName = sub.ID, sub.Email
	} else { // the verification itself: who was asked for
		e.NamedBy, e.NamedAs = s.pending.Kind.String(), s.pending.Value
	}
	_ = s.journal(e)
}

// Active is the current impersonation, if any.
func (s *Session) Active() (Active, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Impersonating {
		return Active{}, false
	}
	return s.activeLocked(), true
}

func (s *Session) activeLocked() Active {
	return Active{Subject: s.imp.Subject(), Target: s.imp.Target(), Reason: s.reason, Started: s.started, Gen: s.gen}
}

// Stop ends the impersonation, if any: requests in flight are cancelled, the
// impersonating client is discarded and the stop is journaled. It reports whether there
// was one to stop.
func (s *Session) Stop(why StopReason) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked(why)
}

func (s *Session) stopLocked(why StopReason) bool {
	s.gen++ // late answers of the old impersonation are now stale
	if s.state != Impersonating {
		return false
	}
	sub := s.imp.Subject()
	s.imp.Stop()
	s.imp = nil
	s.state = SignedIn
	_ = s.journal(Entry{Event: EventImpersonateStop, Target: sub.ID, TargetName: sub.Email, Why: string(why),
		Reason: s.reason, DurationMS: s.cfg.Clock().Sub(s.started).Milliseconds()})
	s.reason = ""
	return true
}

// Overview reads, as the user, their account, devices and activity.
func (s *Session) Overview(ctx context.Context) (client.Overview, error) {
	imp, err := s.current()
	if err != nil {
		return client.Overview{}, err
	}
	return imp.Overview(ctx)
}

// Do sends a raw request as the user.
func (s *Session) Do(ctx context.Context, req client.Request) (client.Response, error) {
	imp, err := s.current()
	if err != nil {
		return client.Response{}, err
	}
	return imp.Do(ctx, req)
}

func (s *Session) current() (client.Impersonation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Impersonating {
		return nil, ErrNotImpersonating
	}
	return s.imp, nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
