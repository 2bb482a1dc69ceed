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
	Subject  client.Subject // verified by the backend
	Target   client.Target  // as the operator named it
	Reason   string
	Started  time.Time
	Gen      int
	Write    bool      // elevated to write
	Deadline time.Time // when it stops by itself (zero: never)
	Ending   string    // why it would stop then: "idle for 15m0s", "reached the 1h0m0s limit"
}

// ErrStale is returned for a request meant for an impersonation that has since ended or
// been replaced.
var ErrStale = errors.New("that impersonation has ended")

// Impersonate acts as one target. Only an operator who may impersonate can, with a reason
// when the profile requires one; a running impersonation is stopped first (one target at a
// time). The backend verifies the target before anything is shown as them, and an operator
// account as target is refused unless the profile allows it. Refusals are journaled too.
// It starts read-only.
func (s *Session) Impersonate(ctx context.Context, target client.Target, reason string) (Active, error) {
	reason = strings.TrimSpace(reason)
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
	named := Entry{NamedBy: target.Kind.String(), NamedAs: target.Value, Reason: reason}
	if s.cfg.Policy.RequireReason && reason == "" {
		return Active{}, s.refuse(named, ErrReasonRequired)
	}
	// Stop the running one and register this attempt in one step, so that ctrl+x from now
	// on cancels everything this attempt does.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.stopLocked(StopSwitch, "")
	s.gen++
	att := &attempt{gen: s.gen, target: target, reason: reason, cancel: cancel}
	s.current = att
	s.mu.Unlock()

	if err := s.checkNotOperator(ctx, target); err != nil {
		s.mu.Lock()
		if s.current == att {
			s.current = nil
		}
		s.mu.Unlock()
		return Active{}, s.refuse(named, err)
	}
	imp, err := s.cfg.Backend.Impersonate(ctx, target, client.ImpersonateOptions{
		Reason:  reason,
		Observe: func(x client.Exchange) { s.observe(att, x) },
	})

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil && imp.Subject().Impersonator && !s.cfg.Policy.AllowOperatorTargets {
		imp.Stop() // named by email or phone: only the verification could tell
		err = ErrTargetIsOperator
	}
	if s.current != att || s.state != SignedIn {
		if err == nil {
			imp.Stop() // stopped, signed out or replaced while it was being verified
		}
		return Active{}, client.ErrStopped
	}
	if err != nil {
		s.current = nil
		named.Event, named.Why = EventImpersonateRefuse, oneLine(err.Error())
		return Active{}, errors.Join(err, s.journal(named))
	}
	now := s.cfg.Clock()
	att.subject = imp.Subject()
	s.imp, s.state, s.started, s.active, s.write = imp, Impersonating, now, now, false
	named.Event, named.Target, named.TargetName = EventImpersonateStart, att.subject.ID, att.subject.Email
	if jerr := s.journal(named); jerr != nil {
		// No journal, no impersonation: an unrecorded act-as session must not go on.
		s.stopLocked(StopError, "the journal could not be written")
		return Active{}, jerr
	}
	return s.activeLocked(), nil
}

// checkNotOperator asks, as the operator, whether a target named by id is itself an
// operator, before anything is sent as them.
func (s *Session) checkNotOperator(ctx context.Context, target client.Target) error {
	if s.cfg.Policy.AllowOperatorTargets || target.Kind != client.ByID {
		return nil
	}
	sub, err := s.cfg.Backend.Subject(ctx, target.Value)
	if err == nil && sub.Impersonator {
		return ErrTargetIsOperator
	}
	return nil // not found or not readable: the verification decides
}

func (s *Session) refuse(named Entry, err error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	named.Event, named.Why = EventImpersonateRefuse, oneLine(err.Error())
	return errors.Join(err, s.journal(named))
}

// observe journals one request made as the user, with the target and reason of the
// impersonation it was made for, even when it finishes after that one ended.
func (s *Session) observe(att *attempt, x client.Exchange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := Entry{Event: EventRequest, Method: x.Method, Path: x.Path, Status: x.Status,
		DurationMS: x.Duration.Milliseconds(), Reason: att.reason}
	if att.subject.ID != "" {
		e.Target, e.TargetName = att.subject.ID, att.subject.Email
	} else { // the verification itself: who was asked for
		e.NamedBy, e.NamedAs = att.target.Kind.String(), att.target.Value
	}
	_ = s.journal(e)
}

// Active is the current impersonation, if any (an expired one is stopped first).
func (s *Session) Active() (Active, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	if s.state != Impersonating {
		return Active{}, false
	}
	return s.activeLocked(), true
}

func (s *Session) activeLocked() Active {
	a := Active{Subject: s.imp.Subject(), Target: s.imp.Target(), Reason: s.current.reason, Started: s.started,
		Gen: s.gen, Write: s.write}
	a.Deadline, a.Ending = s.cfg.Policy.deadline(s.started, s.active)
	return a
}

// Ended says how the last impersonation ended.
func (s *Session) Ended() Ending {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ended
}

// Elevate allows writes for the rest of impersonation gen, unless the profile is read-only.
func (s *Session) Elevate(gen int) (Active, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usableLocked(gen); err != nil {
		return Active{}, err
	}
	if s.cfg.Policy.ReadOnly {
		return s.activeLocked(), ErrWriteForbidden
	}
	if !s.write {
		s.write = true
		sub := s.imp.Subject()
		if err := s.journal(Entry{Event: EventElevate, Target: sub.ID, TargetName: sub.Email, Reason: s.current.reason}); err != nil {
			s.write = false
			return s.activeLocked(), err
		}
	}
	return s.activeLocked(), nil
}

// usableLocked checks that impersonation gen is the running one and within its limits.
func (s *Session) usableLocked(gen int) error {
	if expired, _ := s.expireLocked(); expired {
		return ErrExpired
	}
	if s.state != Impersonating {
		return ErrNotImpersonating
	}
	if gen != s.gen {
		return ErrStale
	}
	return nil
}

// Touch records that the operator did something, for the idle limit. An impersonation
// already past a limit is stopped, not revived.
func (s *Session) Touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if expired, _ := s.expireLocked(); !expired && s.state == Impersonating {
		s.active = s.cfg.Clock()
	}
}

// CheckExpiry stops the impersonation when its time is up, and says why.
func (s *Session) CheckExpiry() (stopped bool, why string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.expireLocked()
}

func (s *Session) expireLocked() (bool, string) {
	if s.state != Impersonating {
		return false, ""
	}
	at, why := s.cfg.Policy.deadline(s.started, s.active)
	if at.IsZero() || s.cfg.Clock().Before(at) {
		return false, ""
	}
	s.stopLocked(StopExpiry, why)
	return true, why
}

// StopGen stops impersonation gen only if it is still the running one (a console that
// has moved on cleans up after itself without touching a newer one).
func (s *Session) StopGen(gen int, why StopReason) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen != gen {
		return false
	}
	return s.stopLocked(why, "")
}

// Stop ends the impersonation, if any, or the verification of one: requests in flight are
// cancelled, the impersonating client is discarded and the stop is journaled. It reports
// whether there was one to stop.
func (s *Session) Stop(why StopReason) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked(why, "")
}

func (s *Session) stopLocked(why StopReason, detail string) bool {
	att := s.current
	s.current = nil
	if att != nil && att.cancel != nil {
		att.cancel() // a verification still running ends now
	}
	if s.state != Impersonating {
		return false
	}
	sub := s.imp.Subject()
	s.imp.Stop()
	s.imp = nil
	s.state = SignedIn
	s.ended = Ending{Gen: s.gen, Why: why, Detail: detail}
	_ = s.journal(Entry{Event: EventImpersonateStop, Target: sub.ID, TargetName: sub.Email, Why: string(why),
		Detail: detail, Reason: att.reason, DurationMS: s.cfg.Clock().Sub(s.started).Milliseconds()})
	s.write = false
	return true
}

// Overview reads, as the user of impersonation gen, their account, devices and activity.
func (s *Session) Overview(ctx context.Context, gen int) (client.Overview, error) {
	s.mu.Lock()
	if err := s.usableLocked(gen); err != nil {
		s.mu.Unlock()
		return client.Overview{}, err
	}
	imp := s.imp
	s.mu.Unlock()
	ov, err := imp.Overview(ctx)
	return ov, s.afterRequest(gen, err)
}

// afterRequest ends the impersonation when the backend no longer honours it.
func (s *Session) afterRequest(gen int, err error) error {
	if errors.Is(err, client.ErrNotHonoured) {
		s.mu.Lock()
		if s.gen == gen {
			s.stopLocked(StopError, "the backend stopped acting as the user")
		}
		s.mu.Unlock()
	}
	return err
}

// Do sends a raw request as the user of impersonation gen. A write is sent only when the
// impersonation was elevated to write and typed is the user's email or id, typed by the
// operator to confirm, and only after its intent is journaled; otherwise nothing is sent
// and the refusal is journaled.
func (s *Session) Do(ctx context.Context, gen int, req client.Request, typed string) (client.Response, error) {
	s.mu.Lock()
	if err := s.usableLocked(gen); err != nil {
		s.mu.Unlock()
		return client.Response{}, err
	}
	imp, sub, reason := s.imp, s.imp.Subject(), s.current.reason
	if client.IsWrite(req.Method) {
		var refusal error
		switch {
		case !s.write:
			refusal = ErrReadOnly
		case !Confirms(typed, sub):
			refusal = ErrNotConfirmed
		}
		line := Entry{Event: EventRequestIntent, Method: strings.ToUpper(req.Method), Path: client.RedactPath(req.Path),
			Target: sub.ID, TargetName: sub.Email, Reason: reason}
		if refusal != nil {
			line.Event, line.Why = EventRequestRefused, refusal.Error()
		}
		if err := s.journal(line); err != nil && refusal == nil {
			refusal = err // no journal, no write
		}
		if refusal != nil {
			s.mu.Unlock()
			return client.Response{}, refusal
		}
	}
	s.active = s.cfg.Clock()
	s.mu.Unlock()
	resp, err := imp.Do(ctx, req)
	return resp, s.afterRequest(gen, err)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
