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
	// Scopes are the subject's places to act in (an Ironflow tenant's environments), and
	// Target.Scope the one requests act in now; none for a subject that has no such places.
	Scopes []client.Choice
	// Role is the backend's role for the impersonation, if it gave one (MPDX); RoleReadOnly
	// says that role may not write, whatever the operator may.
	Role         string
	RoleReadOnly bool
	// Expires is when the backend stops acting as the subject by itself, less the margin
	// (MPDX's token); zero when only the profile's limits end it.
	Expires time.Time
}

// ErrStale is returned for a request meant for an impersonation that has since ended or
// been replaced.
var ErrStale = errors.New("that impersonation has ended")

// Attempt is an impersonation from the moment it is asked for: Begin registers it, Verify
// runs it. A stop in between cancels it before anything is sent.
type Attempt struct{ a *attempt }

// Gen is the impersonation's generation, as Active.Gen will say once it is verified.
func (a *Attempt) Gen() int { return a.a.gen }

// Impersonate acts as one target: Begin, then Verify.
func (s *Session) Impersonate(ctx context.Context, target client.Target, reason string) (Active, error) {
	att, err := s.Begin(target, reason)
	if err != nil {
		return Active{}, err
	}
	return s.Verify(ctx, att)
}

// Begin registers an attempt to act as target at once, without sending anything, so that
// a stop from this moment on cancels everything it would do. Only an operator who may
// impersonate can, with a reason when the profile requires one; a running impersonation
// is stopped first (one target at a time). Refusals are journaled.
func (s *Session) Begin(target client.Target, reason string) (*Attempt, error) {
	reason = strings.TrimSpace(reason)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == SignedOut {
		return nil, client.ErrNotSignedIn
	}
	if !s.operator.CanImpersonate() {
		return nil, ErrNotOperator
	}
	if s.cfg.Policy.RequireReason && reason == "" {
		return nil, s.refuseLocked(namedEntry(target, reason), ErrReasonRequired)
	}
	if target.Scope == "" {
		target.Scope = s.cfg.DefaultScope // named on every line, the verification's too
	}
	if err := target.Check(); err != nil {
		return nil, err // nothing could be sent: a header cannot carry it, and it names nobody
	}
	s.stopLocked(StopSwitch, "")
	s.gen++
	ctx, cancel := context.WithCancel(context.Background())
	att := &attempt{id: NewImpersonationID(), gen: s.gen, target: target, reason: reason, ctx: ctx, cancel: cancel}
	s.current = att
	return &Attempt{att}, nil
}

func namedEntry(target client.Target, reason string) Entry {
	return Entry{NamedBy: target.Kind.String(), NamedAs: target.Value, Scope: target.Scope, Reason: reason}
}

// Verify runs an attempt: the backend must confirm it acts as the target before anything
// is shown as them, and an operator account as target is refused unless the profile
// allows it. An attempt stopped since Begin sends nothing. It starts read-only.
func (s *Session) Verify(ctx context.Context, a *Attempt) (Active, error) {
	att := a.a
	s.mu.Lock()
	if s.current != att || att.ctx.Err() != nil {
		s.mu.Unlock()
		return Active{}, client.ErrStopped
	}
	s.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(att.ctx, cancel)() // a stop cancels the verification too

	named := namedEntry(att.target, att.reason)
	named.Impersonation = att.id
	if err := s.checkNotOperator(ctx, att.target); err != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.current == att {
			s.current = nil
		}
		return Active{}, s.refuseLocked(named, err)
	}
	imp, err := s.cfg.Backend.Impersonate(ctx, att.target, client.ImpersonateOptions{
		Reason:  att.reason,
		Before:  func(x client.Exchange) error { return s.before(att, x) },
		Observe: func(x client.Exchange) { s.observe(att, x) },
	})
	lost := s.operatorLost(err)

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
		if errors.Is(err, ErrJournal) {
			return Active{}, err
		}
		return Active{}, client.ErrStopped
	}
	if err != nil {
		s.current = nil
		refused := s.refuseLocked(named, err)
		if lost {
			s.endSessionLocked()
		}
		return Active{}, refused
	}
	now := s.cfg.Clock()
	att.subject = imp.Subject()
	if scoped, ok := imp.(client.Scoped); ok {
		att.target.Scope = scoped.Scope() // the place it acts in, the default included
	}
	named.Scope = att.target.Scope
	s.imp, s.state, s.started, s.active, s.write = imp, Impersonating, now, now, false
	named.Event, named.Target, named.TargetName = EventImpersonateStart, att.subject.ID, att.subject.Email
	if jerr := s.journal(named); jerr != nil {
		// No journal, no impersonation: an unrecorded act-as session must not go on.
		s.stopLocked(StopError, journalFailure)
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

func (s *Session) refuseLocked(named Entry, err error) error {
	named.Event, named.Why = EventImpersonateRefuse, oneLine(err.Error())
	return errors.Join(err, s.journal(named))
}

// before journals a request about to be made as the user; it goes out only once the
// journal has accepted the line, and only while its impersonation still runs. A journal
// that fails stops the impersonation at once.
func (s *Session) before(att *attempt, x client.Exchange) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current != att {
		return client.ErrStopped // stopped meanwhile: nothing more goes out as them
	}
	e := att.entry(EventRequest, x)
	e.Method, e.Path = x.Method, x.Path
	if x.Attempt > 1 {
		e.Attempt = x.Attempt
	}
	if err := s.journal(e); err != nil {
		s.journalFailedLocked(att)
		return err
	}
	att.sent = true
	return nil
}

// observe journals how a request made as the user went, with the target and reason of
// the impersonation it was made for, even when it finishes after that one ended.
func (s *Session) observe(att *attempt, x client.Exchange) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := att.entry(EventResponse, x)
	e.Status, e.DurationMS = x.Status, x.Duration.Milliseconds()
	if x.Attempt > 1 {
		e.Attempt = x.Attempt
	}
	if s.journal(e) != nil {
		s.journalFailedLocked(att)
	}
}

// entry is a journal line about a request of this attempt.
func (att *attempt) entry(event string, x client.Exchange) Entry {
	e := Entry{Event: event, Impersonation: att.id, Scope: att.target.Scope, Seq: x.Seq, Reason: att.reason}
	if att.subject.ID != "" {
		e.Target, e.TargetName = att.subject.ID, att.subject.Email
	} else { // the verification itself: who was asked for
		e.NamedBy, e.NamedAs = att.target.Kind.String(), att.target.Value
	}
	return e
}

// journalFailure is why an impersonation stops when its journal cannot be written.
const journalFailure = "the journal could not be written"

func (s *Session) journalFailedLocked(att *attempt) {
	if s.current != att {
		return
	}
	if s.state != Impersonating { // still being verified
		s.current = nil
		att.cancel()
		return
	}
	s.stopLocked(StopError, journalFailure)
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
	a.Deadline, a.Ending = s.cfg.Policy.deadline(s.started, s.active, s.imp.Expires())
	if scoped, ok := s.imp.(client.Scoped); ok {
		a.Scopes, a.Target.Scope = scoped.Scopes(), scoped.Scope()
	}
	if exp := s.imp.Expires(); !exp.IsZero() {
		a.Expires = exp.Add(-expiryMargin(s.started, exp))
	}
	if roled, ok := s.imp.(client.Roled); ok {
		a.Role, a.RoleReadOnly = roled.Role(), roled.ReadOnly()
	}
	return a
}

// Gen is the generation of the latest impersonation or attempt (0: none yet).
func (s *Session) Gen() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen
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
	if !s.operator.Can.Has(client.CanWrite) {
		return s.activeLocked(), ErrCannotWrite
	}
	if roled, ok := s.imp.(client.Roled); ok && roled.ReadOnly() {
		return s.activeLocked(), ErrRoleReadOnly
	}
	if !s.write {
		sub := s.imp.Subject()
		if err := s.journal(Entry{Event: EventElevate, Impersonation: s.current.id, Scope: s.current.target.Scope, Target: sub.ID, TargetName: sub.Email, Reason: s.current.reason}); err != nil {
			s.stopLocked(StopError, journalFailure)
			return Active{}, err
		}
		s.write = true
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
	at, why := s.cfg.Policy.deadline(s.started, s.active, s.imp.Expires())
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
	return s.StopWith(why, "")
}

// StopWith is Stop with a detail for the journal ("interrupted by SIGTERM").
func (s *Session) StopWith(why StopReason, detail string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopLocked(why, detail)
}

func (s *Session) stopLocked(why StopReason, detail string) bool {
	att := s.current
	s.current = nil
	if att != nil {
		att.cancel() // a verification still running ends now
	}
	if s.state != Impersonating {
		if att != nil && att.sent { // it asked the backend: the journal says how that ended
			e := namedEntry(att.target, att.reason)
			e.Event, e.Impersonation, e.Why = EventImpersonateStop, att.id, string(why)
			e.Detail = strings.TrimSpace("stopped before the backend confirmed it; " + detail)
			if err := s.journal(e); err != nil {
				s.ended.JournalErr = err
			}
		}
		return false
	}
	sub := s.imp.Subject()
	s.imp.Stop()
	s.imp = nil
	s.state = SignedIn
	s.write = false
	s.ended = Ending{Gen: s.gen, Why: why, Detail: detail}
	err := s.journal(Entry{Event: EventImpersonateStop, Impersonation: att.id, Scope: att.target.Scope, Target: sub.ID, TargetName: sub.Email,
		Why: string(why), Detail: detail, Reason: att.reason, DurationMS: s.cfg.Clock().Sub(s.started).Milliseconds()})
	if err != nil {
		s.ended.JournalErr = err
	}
	return true
}

// Overview reads, as the user of impersonation gen, their account, devices and activity;
// it is theirs only if the backend still acts as them after the last of those reads.
func (s *Session) Overview(ctx context.Context, gen int) (client.Overview, error) {
	imp, err := s.impersonation(gen)
	if err != nil {
		return client.Overview{}, err
	}
	ov, err := imp.Overview(ctx)
	if err == nil {
		err = imp.Verify(ctx)
	}
	if err != nil {
		return client.Overview{}, s.afterRequest(gen, err)
	}
	return ov, nil
}

func (s *Session) impersonation(gen int) (client.Impersonation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usableLocked(gen); err != nil {
		return nil, err
	}
	return s.imp, nil
}

// ErrNoLongerActing withholds an answer that came after the backend stopped acting as the
// user: it may be the operator's own data.
var ErrNoLongerActing = errors.New("the backend stopped acting as the user: the answer was not shown, it may be your own data")

// afterRequest ends the impersonation when the backend no longer honours it, and the
// whole session when the backend no longer knows the operator (revoked elsewhere).
func (s *Session) afterRequest(gen int, err error) error {
	switch {
	case errors.Is(err, client.ErrNotHonoured):
		s.mu.Lock()
		if s.gen == gen {
			s.stopLocked(StopError, "the backend stopped acting as the user")
		}
		s.mu.Unlock()
		return errors.Join(ErrNoLongerActing, err)
	case s.operatorLost(err):
		s.mu.Lock()
		s.endSessionLocked()
		s.mu.Unlock()
	}
	return err
}

// Do sends a raw request as the user of impersonation gen. A write is sent only when the
// impersonation was elevated to write and typed is the user's email or id, typed by the
// operator to confirm, and only after its intent is journaled; otherwise nothing is sent
// and the refusal is journaled. Any answer is returned only once the backend confirms,
// after it, that it still acts as the user.
func (s *Session) Do(ctx context.Context, gen int, req client.Request, typed string) (client.Response, error) {
	s.mu.Lock()
	if err := s.usableLocked(gen); err != nil {
		s.mu.Unlock()
		return client.Response{}, err
	}
	imp, sub, att := s.imp, s.imp.Subject(), s.current
	if client.IsWrite(req.Method) {
		var refusal error
		switch {
		case s.cfg.Policy.ReadOnly:
			refusal = ErrWriteForbidden
		case !s.write:
			refusal = ErrReadOnly
		case !Confirms(typed, sub, s.cfg.ConfirmBy...):
			refusal = ErrNotConfirmed
		}
		path := req.Path // journaled as it will be sent: dot-segments resolved
		if clean, err := client.CleanPath(req.Path); err == nil {
			path = clean
		}
		line := Entry{Event: EventRequestIntent, Impersonation: att.id, Scope: att.target.Scope, Method: strings.ToUpper(req.Method),
			Path: client.RedactPath(path), Target: sub.ID, TargetName: sub.Email, Reason: att.reason}
		if refusal != nil {
			line.Event, line.Why = EventRequestRefused, refusal.Error()
		}
		if err := s.journal(line); err != nil {
			s.stopLocked(StopError, journalFailure)
			s.mu.Unlock()
			return client.Response{}, errors.Join(refusal, err) // no journal, no write
		}
		if refusal != nil {
			s.mu.Unlock()
			return client.Response{}, refusal
		}
	}
	s.active = s.cfg.Clock()
	s.mu.Unlock()
	resp, err := imp.Do(ctx, req)
	if s.operatorLost(err) {
		s.mu.Lock()
		s.endSessionLocked()
		s.mu.Unlock()
		return client.Response{}, err
	}
	if resp.Status != 0 { // a refusal (a 401 for a missing scope, say) is an answer too
		if verr := imp.Verify(ctx); verr != nil {
			return client.Response{}, s.afterRequest(gen, verr)
		}
	}
	return resp, s.afterRequest(gen, err)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
