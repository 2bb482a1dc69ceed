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
	if err := s.checkNotOperator(ctx, target); err != nil {
		return Active{}, s.refuse(named, err)
	}
	s.Stop(StopSwitch)

	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.pending, s.pendingReason = target, reason
	s.mu.Unlock()
	imp, err := s.cfg.Backend.Impersonate(ctx, target, client.ImpersonateOptions{
		Reason:  reason,
		Observe: func(x client.Exchange) { s.observe(gen, x) },
	})

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil && imp.Subject().Impersonator && !s.cfg.Policy.AllowOperatorTargets {
		imp.Stop() // named by email or phone: only the verification could tell
		err = ErrTargetIsOperator
	}
	if err != nil {
		named.Event, named.Why = EventImpersonateRefuse, oneLine(err.Error())
		return Active{}, errors.Join(err, s.journal(named))
	}
	if s.state != SignedIn || s.gen != gen {
		imp.Stop() // signed out or started another while this one was being verified
		return Active{}, client.ErrStopped
	}
	now := s.cfg.Clock()
	s.imp, s.state, s.started, s.active, s.reason, s.write = imp, Impersonating, now, now, reason, false
	sub := imp.Subject()
	named.Event, named.Target, named.TargetName = EventImpersonateStart, sub.ID, sub.Email
	if jerr := s.journal(named); jerr != nil {
		// No journal, no impersonation: an unrecorded act-as session must not go on.
		s.stopLocked(StopError, "")
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
	} else { // the verification itself: who was asked for, and why
		e.NamedBy, e.NamedAs, e.Reason = s.pending.Kind.String(), s.pending.Value, s.pendingReason
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
	a := Active{Subject: s.imp.Subject(), Target: s.imp.Target(), Reason: s.reason, Started: s.started,
		Gen: s.gen, Write: s.write}
	a.Deadline, a.Ending = s.cfg.Policy.deadline(s.started, s.active)
	return a
}

// Elevate allows writes for the rest of this impersonation, unless the profile is
// read-only.
func (s *Session) Elevate() (Active, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state != Impersonating {
		return Active{}, ErrNotImpersonating
	}
	if s.cfg.Policy.ReadOnly {
		return s.activeLocked(), ErrWriteForbidden
	}
	if !s.write {
		s.write = true
		sub := s.imp.Subject()
		if err := s.journal(Entry{Event: EventElevate, Target: sub.ID, TargetName: sub.Email, Reason: s.reason}); err != nil {
			s.write = false
			return s.activeLocked(), err
		}
	}
	return s.activeLocked(), nil
}

// Touch records that the operator did something, for the idle limit.
func (s *Session) Touch() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == Impersonating {
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

// Stop ends the impersonation, if any: requests in flight are cancelled, the
// impersonating client is discarded and the stop is journaled. It reports whether there
// was one to stop.
func (s *Session) Stop(why StopReason) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked(why, "")
}

func (s *Session) stopLocked(why StopReason, detail string) bool {
	s.gen++ // late answers of the old impersonation are now stale
	if s.state != Impersonating {
		return false
	}
	sub := s.imp.Subject()
	s.imp.Stop()
	s.imp = nil
	s.state = SignedIn
	_ = s.journal(Entry{Event: EventImpersonateStop, Target: sub.ID, TargetName: sub.Email, Why: string(why),
		Detail: detail, Reason: s.reason, DurationMS: s.cfg.Clock().Sub(s.started).Milliseconds()})
	s.reason, s.write = "", false
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

// Do sends a raw request as the user. A write is sent only when the impersonation was
// elevated to write and typed is the user's email or id, typed by the operator to
// confirm; otherwise nothing is sent and the refusal is journaled.
func (s *Session) Do(ctx context.Context, req client.Request, typed string) (client.Response, error) {
	s.mu.Lock()
	if expired, _ := s.expireLocked(); expired {
		s.mu.Unlock()
		return client.Response{}, ErrExpired
	}
	if s.state != Impersonating {
		s.mu.Unlock()
		return client.Response{}, ErrNotImpersonating
	}
	imp, sub := s.imp, s.imp.Subject()
	if IsWrite(req.Method) {
		var refusal error
		switch {
		case !s.write:
			refusal = ErrReadOnly
		case !Confirms(typed, sub):
			refusal = ErrNotConfirmed
		}
		if refusal != nil {
			_ = s.journal(Entry{Event: EventRequestRefused, Method: strings.ToUpper(req.Method), Path: req.Path,
				Target: sub.ID, TargetName: sub.Email, Reason: s.reason, Why: refusal.Error()})
			s.mu.Unlock()
			return client.Response{}, refusal
		}
	}
	s.active = s.cfg.Clock()
	s.mu.Unlock()
	return imp.Do(ctx, req)
}

func (s *Session) current() (client.Impersonation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if expired, _ := s.expireLocked(); expired {
		return nil, ErrExpired
	}
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
