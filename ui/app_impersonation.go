package ui

// The impersonation flow, apart from the screens: the attempt being verified, the verified
// impersonation the banner is drawn from, and keeping both true to the session. The root
// embeds it and shows what it says; it holds no screen.

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

type impersonation struct {
	env      *env
	active   *session.Active  // set only from a verified start; nil after stop
	attempt  *session.Attempt // registered by Begin, being verified (nil: none)
	switched sanitize.Safe    // what the attempt being verified stopped first, if anything
	attempts int              // counts attempts, so a late answer to an old one is recognisable
	askScope bool             // the target named no place: ask where in the subject to act
}

// begin registers the attempt with the session right now, in Update, so that a stop
// pressed before the verification runs cancels it (nothing is then sent as the subject);
// the command it returns only verifies. stopped is the impersonation Begin ended first (one
// target at a time), to leave; err is a refusal before anything was stopped.
func (f *impersonation) begin(target client.Target, reason string) (verify tea.Cmd, stopped *session.Active, err error) {
	sess := f.env.sess
	f.switched, f.askScope = "", target.Scope == ""
	att, err := sess.Begin(target, reason)
	if err != nil {
		return nil, nil, err
	}
	if stopped = f.active; stopped != nil {
		f.switched = "Stopped acting as " + f.env.identity(stopped.Subject) + " first." + journalNote(sess.Ended())
		f.set(nil)
	}
	f.attempts++
	f.attempt = att
	attempt := f.attempts
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		act, err := sess.Verify(ctx, att)
		return actAsDoneMsg{attempt: attempt, active: act, err: err}
	}, stopped, nil
}

// settle takes the verification's answer. stale: it answers an attempt that was stopped or
// replaced, so nothing of it is shown (and if it got through anyway, it ends here).
// Otherwise act is the impersonation to show, or err says why there is none.
func (f *impersonation) settle(msg actAsDoneMsg) (act *session.Active, err error, stale bool) {
	sess := f.env.sess
	if f.attempt == nil || msg.attempt != f.attempts {
		if msg.err == nil {
			sess.StopGen(msg.active.Gen, session.StopKey)
		}
		return nil, nil, true
	}
	f.attempt = nil
	if msg.err != nil {
		return nil, msg.err, false
	}
	// Shown only if the session still runs exactly this impersonation.
	if running, ok := sess.Active(); !ok || running.Gen != msg.active.Gen {
		return nil, client.ErrStopped, false
	}
	shown := msg.active
	f.set(&shown)
	return &shown, nil, false
}

// stop ends it at once: the session cancels requests in flight, discards the impersonating
// client and journals why. It says what was running: the verified impersonation, or only
// an attempt (cancelled), or nothing.
func (f *impersonation) stop(why session.StopReason) (was *session.Active, cancelled bool) {
	if f.env.sess == nil || (f.active == nil && f.attempt == nil) {
		return nil, false
	}
	f.env.sess.Stop(why)
	f.attempt = nil
	was = f.active
	f.set(nil)
	return was, was == nil
}

// follow keeps the shown impersonation true to the session, after every message: ended is
// the one that stopped by itself (a limit, the backend no longer acting as the subject, a
// journal that failed); elevated says writes were allowed since the last look. One that
// runs unseen (nothing shows it, so nothing could stop it) is stopped.
func (f *impersonation) follow() (ended *session.Active, elevated bool) {
	sess := f.env.sess
	if f.active == nil {
		if f.attempt == nil && sess.State() == session.Impersonating {
			sess.StopWith(session.StopError, "the console was not showing it")
		}
		return nil, false
	}
	act, ok := sess.Active() // stops an expired one first
	if ok && act.Gen == f.active.Gen {
		elevated = act.Write && !f.active.Write
		f.set(&act)
		return nil, elevated
	}
	ended = f.active
	f.set(nil)
	return ended, false
}

// forget drops both, for a session that has ended.
func (f *impersonation) forget() {
	f.set(nil)
	f.attempt = nil
}

// owns says whether gen is the running impersonation's or the attempt's.
func (f *impersonation) owns(gen int) bool {
	return f.active != nil && f.active.Gen == gen || f.attempt != nil && f.attempt.Gen() == gen
}

// set makes act the shown impersonation; the screens read the mode from env.
func (f *impersonation) set(act *session.Active) {
	f.active, f.env.active = act, act
}
