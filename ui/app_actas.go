package ui

// What the root shows of the impersonation flow (app_impersonation.go): asking the backend to
// act as someone, what it answered, elevation and the end of it.

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// startActAs begins the attempt (see impersonation.begin); a running impersonation ends
// now: one target at a time.
func (m Model) startActAs(target client.Target, reason string) (tea.Model, tea.Cmd) {
	verify, stopped, err := m.begin(target, reason)
	if err != nil { // refused before anything was stopped: what runs goes on
		m.say("Refused: "+firstError(err), true)
		return m, nil
	}
	if stopped != nil {
		m.leave()
	}
	m.say(sanitize.TrimSpace(m.switched+" Asking the backend to act as "+sanitize.Text(target.String())+"…"), false)
	return m, verify
}

func (m Model) actAsDone(msg actAsDoneMsg) (tea.Model, tea.Cmd) {
	act, err, stale := m.settle(msg)
	switch {
	case stale:
		return m, nil
	case err != nil:
		// The switch that came first still shows: the refusal does not hide that the
		// impersonation before it has ended.
		m.say(sanitize.TrimSpace(refusal(err, m.env.noun())+" "+m.switched), !errors.Is(err, client.ErrStopped))
		m.status.full = errText(err)
		return m, nil
	}
	m.now = m.env.now()
	m.status = statusLine{}
	for len(m.stack) > 1 { // the subject's view sits right above the picker
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	view := newActingAs(m.env, *act)
	ask := m.askScope && len(act.Scopes) > 1 && m.env.deps.Description.TargetScope.Label != ""
	view.waiting = ask // it reads their view once the place is settled, not before
	model, cmd := m.push(view)
	if ask { // where in them: the default unless the operator picks another
		chooser := newScopeChooser(m.env, *act)
		chooser.first = true
		model, _ = model.(Model).push(chooser)
	}
	return model, tea.Batch(cmd, model.(Model).tick())
}

// refusal says in one line why an impersonation did not start; noun is the dialect's
// word for the subject ("user").
func refusal(err error, noun sanitize.Safe) sanitize.Safe {
	switch {
	case errors.Is(err, client.ErrStopped):
		return "Impersonation cancelled."
	case errors.Is(err, session.ErrJournal):
		return "Refused: the journal could not be written, so nothing is done as the " + noun + " (" + firstError(err) + ")."
	case errors.Is(err, client.ErrNotHonoured):
		return "Refused: the backend did not confirm it acts as that " + noun + "."
	case errors.Is(err, client.ErrBlocked):
		return "Refused: that " + noun + " is blocked."
	case errors.Is(err, client.ErrUnauthorized):
		return "Your session has ended: sign in again."
	case errors.Is(err, session.ErrTargetIsOperator), errors.Is(err, session.ErrReasonRequired):
		return "Refused: " + firstError(err)
	}
	return "Could not act as that " + noun + ": " + firstError(err)
}

// firstError is the first line of a joined error: the refusal, without the journal's.
func firstError(err error) sanitize.Safe {
	first, _, _ := strings.Cut(err.Error(), "\n")
	return sanitize.Text(first)
}

// stopImpersonation ends it at once (see impersonation.stop). This one side effect runs
// inside Update on purpose: a queued command must not get to send a request as the
// subject after the key.
func (m Model) stopImpersonation(why session.StopReason) (tea.Model, tea.Cmd) {
	was, cancelled := m.stop(why)
	switch {
	case cancelled:
		m.say("Impersonation cancelled.", false)
	case was != nil:
		m.stopped(was, m.env.sess.Ended())
	}
	return m, nil
}

// stopped leaves what was shown as the subject and says how the impersonation ended.
func (m *Model) stopped(was *session.Active, ended session.Ending) {
	who := m.env.identity(was.Subject)
	took := sanitize.Text(elapsed(m.env.now().Sub(was.Started)))
	m.leave()
	switch {
	case ended.Why == session.StopKey:
		m.say("Stopped acting as "+who+" after "+took+"."+journalNote(ended), ended.JournalErr != nil)
	case ended.Why == session.StopSwitch:
		m.say("Stopped acting as "+who+" to act as someone else."+journalNote(ended), ended.JournalErr != nil)
	case ended.Why == session.StopExpiry && ended.Detail == session.EndingExpiry: // the backend's, not the profile's
		m.say("Stopped acting as "+who+" by itself: "+sanitize.Text(ended.Detail)+"."+journalNote(ended), true)
	case ended.Why == session.StopExpiry:
		m.say("Stopped acting as "+who+" by itself: "+sanitize.Text(ended.Detail)+" (profile limit)."+journalNote(ended), true)
	case ended.Detail != "":
		m.say("Stopped acting as "+who+": "+sanitize.Text(ended.Detail)+"."+journalNote(ended), true)
	default:
		m.say("Stopped acting as "+who+" ("+sanitize.Text(string(ended.Why))+")."+journalNote(ended), true)
	}
}

// journalNote warns when the stop itself could not be journaled.
func journalNote(e session.Ending) sanitize.Safe {
	if e.JournalErr == nil {
		return ""
	}
	return " The stop could not be journaled: " + firstError(e.JournalErr) + "."
}

// leave drops everything shown as the user and goes back to the picker, its search as
// it was.
func (m *Model) leave() {
	m.set(nil)
	m.dialog = nil
	m.overlay = noOverlay
	for len(m.stack) > 1 {
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.layout()
}

func (m Model) askElevate() (tea.Model, tea.Cmd) {
	switch {
	case m.env.policy().ReadOnly:
		m.say("Refused: this profile is read-only; writes cannot be allowed.", true)
	case !m.env.operator.Can.Has(client.CanWrite):
		why := sanitize.Text(session.ErrCannotWrite.Error()) + "." // nothing is asked, nothing sent
		if roles := m.env.operator.Roles; len(roles) > 0 {
			why = "your role " + sanitize.Text(strings.Join(roles, ", ")) + " may act as the subject read-only; nothing was sent."
		}
		m.say("Refused: "+why, true)
		m.status.full = sanitize.Text(session.ErrCannotWrite.Error())
	case m.active.RoleReadOnly:
		m.say("Refused: the backend's role for this impersonation ("+sanitize.Fit(sanitize.Text(m.active.Role), 24)+") may not write; nothing was sent.", true)
	case m.active.Write:
		m.say("Writes are already allowed for this impersonation.", false)
	default:
		m.dialog = &elevateDialog{env: m.env, who: m.active.Subject, gen: m.active.Gen}
	}
	return m, nil
}

func (m Model) elevated(msg elevatedMsg) (tea.Model, tea.Cmd) {
	if m.active == nil || msg.active.Gen != m.active.Gen {
		return m, nil
	}
	if msg.err != nil {
		m.say("Refused: "+firstError(msg.err), true)
		return m, nil
	}
	// followSession, after this message, puts the session's new mode in the banner and
	// tells the screens (it may have seen it already, from an earlier message).
	m.say("Writes allowed for this impersonation: each one still needs their "+m.env.confirmWords()+" typed.", false)
	return m, nil
}
