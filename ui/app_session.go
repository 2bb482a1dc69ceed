package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
	"actas/ui/sanitize"
)

// signedIn replaces the login form with the picker, or with the screen that says what
// to ask for when the account may not impersonate, and stores the session.
func (m Model) signedIn(msg signedInMsg) (tea.Model, tea.Cmd) {
	for _, s := range m.stack {
		closeScreen(s)
	}
	m.env.operator = msg.op
	m.status, m.statusErr = "", false
	if msg.resumed {
		m.status = "Resumed the stored session of " + msg.op.Email + "."
	}
	var base screen
	if msg.op.CanImpersonate {
		base = newPicker(m.env)
	} else {
		base = newDenied(m.env)
	}
	m.stack = []screen{base}
	m.layout()
	cmds := []tea.Cmd{initOf(base)}
	if !msg.resumed {
		cmds = append(cmds, m.saveSession(msg.op))
	}
	return m, tea.Batch(cmds...)
}

// saveSession keeps the session value in the keyring and the profile (no secret) for the
// next start.
func (m Model) saveSession(op client.Operator) tea.Cmd {
	e := m.env
	entry := keyring.Entry{Dialect: "appwrite", Endpoint: e.profile.Endpoint, Project: e.profile.Project,
		OperatorID: op.ID, OperatorEmail: op.Email, Secret: e.sess.Secret(), SavedAt: e.now().UTC()}
	profile := e.profile
	return func() tea.Msg {
		if e.deps.Remember != nil {
			e.deps.Remember(session.Recent{Endpoint: profile.Endpoint, Project: profile.Project, Email: profile.Email})
		}
		if e.deps.Keyring == nil {
			return keyringSavedMsg{}
		}
		err := e.deps.Keyring.Set(profile, entry)
		msg := keyringSavedMsg{err: err}
		if w, ok := e.deps.Keyring.(interface{ Warning() string }); ok {
			msg.warning = w.Warning()
		}
		return msg
	}
}

// startActAs runs the verified start of an impersonation; ctrl+x while it runs cancels it.
func (m Model) startActAs(target client.Target, reason string) (tea.Model, tea.Cmd) {
	sess := m.env.sess
	m.attempts++
	m.verifying = m.attempts
	attempt := m.attempts
	m.status, m.statusErr = "Asking the backend to act as "+target.String()+"…", false
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		act, err := sess.Impersonate(ctx, target, reason)
		return actAsDoneMsg{attempt: attempt, active: act, err: err}
	}
}

func (m Model) actAsDone(msg actAsDoneMsg) (tea.Model, tea.Cmd) {
	if msg.attempt != m.verifying {
		// An attempt that was stopped or replaced: nothing of it is shown, and if it got
		// through anyway, it ends here.
		if msg.err == nil {
			m.env.sess.StopGen(msg.active.Gen, session.StopKey)
		}
		return m, nil
	}
	m.verifying = 0
	if msg.err == nil {
		// Shown only if the session still runs exactly this impersonation.
		if act, ok := m.env.sess.Active(); !ok || act.Gen != msg.active.Gen {
			msg.err = client.ErrStopped
		}
	}
	if msg.err != nil {
		m.statusErr = true
		switch {
		case errors.Is(msg.err, client.ErrStopped):
			m.status, m.statusErr = "Impersonation cancelled.", false
		case errors.Is(msg.err, client.ErrNotHonoured):
			m.status = "Refused: the backend did not confirm it acts as that user (" + oneLine(msg.err) + ")."
		case errors.Is(msg.err, client.ErrBlocked):
			m.status = "Refused: that user is blocked."
		case errors.Is(msg.err, session.ErrTargetIsOperator), errors.Is(msg.err, session.ErrReasonRequired):
			m.status = "Refused: " + firstError(msg.err)
		default:
			m.status = "Could not act as that user: " + oneLine(msg.err)
		}
		return m, nil
	}
	act := msg.active
	m.setActive(&act)
	m.now = m.env.now()
	m.status, m.statusErr = "", false
	for len(m.stack) > 1 { // the user's view sits right above the picker
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	model, cmd := m.push(newActingAs(m.env, act))
	return model, tea.Batch(cmd, model.(Model).tick())
}

// firstError is the first line of a joined error: the refusal, without the journal's.
func firstError(err error) string {
	first, _, _ := strings.Cut(err.Error(), "\n")
	return sanitize.Text(first)
}

func (m *Model) setActive(act *session.Active) {
	m.active, m.env.active = act, act
}

// stopImpersonation ends it at once: the session cancels requests in flight, discards
// the impersonating client and journals why. This one side effect runs inside Update on
// purpose: a queued command must not get to send a request as the user after the key.
func (m Model) stopImpersonation(why session.StopReason) (tea.Model, tea.Cmd) {
	if m.env.sess == nil || (m.active == nil && m.verifying == 0) {
		return m, nil
	}
	m.env.sess.Stop(why)
	if m.active == nil {
		m.verifying = 0
		m.status, m.statusErr = "Impersonation cancelled.", false
		return m, nil
	}
	who := m.active.Subject.Name
	took := elapsed(m.env.now().Sub(m.active.Started))
	m.leave()
	m.status, m.statusErr = "Stopped acting as "+who+" after "+took+".", false
	return m, nil
}

// leave drops everything shown as the user and goes back to the picker, its search as
// it was.
func (m *Model) leave() {
	m.setActive(nil)
	m.dialog = nil
	for len(m.stack) > 1 {
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.layout()
}

// onTick moves the banner clock; followSession, after it, stops what has expired.
func (m Model) onTick() (tea.Model, tea.Cmd) {
	m.now = m.env.now()
	return m, m.tick()
}

// followSession keeps the banner true to the session, which is the only place that knows
// whether impersonation is on: when it has ended (a time limit, the backend no longer
// acting as the user, a switch that failed), everything shown as the user goes and the
// status says why. It runs after every message.
func (m *Model) followSession() {
	if m.active == nil || m.env.sess == nil {
		return
	}
	act, ok := m.env.sess.Active() // stops an expired one first
	if ok && act.Gen == m.active.Gen {
		m.setActive(&act)
		return
	}
	who := m.active.Subject.Name
	ended := m.env.sess.Ended()
	m.leave()
	switch {
	case ended.Why == session.StopSwitch:
		m.status = "Stopped acting as " + who + " to act as someone else."
	case ended.Why == session.StopExpiry:
		m.status = "Stopped acting as " + who + " by itself: " + ended.Detail + " (profile limit)."
	case ended.Detail != "":
		m.status = "Stopped acting as " + who + ": " + ended.Detail + "."
	default:
		m.status = "Stopped acting as " + who + " (" + string(ended.Why) + ")."
	}
	m.statusErr = true
}

func (m Model) askElevate() (tea.Model, tea.Cmd) {
	switch {
	case m.env.policy().ReadOnly:
		m.status, m.statusErr = "Refused: this profile is read-only; writes cannot be allowed.", true
	case m.active.Write:
		m.status, m.statusErr = "Writes are already allowed for this impersonation.", false
	default:
		who := sanitize.Text(m.active.Subject.Name + " <" + m.active.Subject.Email + "> (" + m.active.Subject.ID + ")")
		m.dialog = &elevateDialog{env: m.env, who: who, gen: m.active.Gen}
	}
	return m, nil
}

func (m Model) elevated(msg elevatedMsg) (tea.Model, tea.Cmd) {
	if m.active == nil || msg.active.Gen != m.active.Gen {
		return m, nil
	}
	if msg.err != nil {
		m.status, m.statusErr = "Refused: "+firstError(msg.err), true
		return m, nil
	}
	act := msg.active
	m.setActive(&act)
	m.status, m.statusErr = "Writes allowed for this impersonation: each one still needs their email or id typed.", false
	return m, nil
}

func (m Model) tick() tea.Cmd {
	if m.active == nil {
		return nil
	}
	gen := m.active.Gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return bannerTickMsg{gen: gen} })
}

func (m Model) bannerInfo() bannerInfo {
	info := bannerInfo{StopKey: m.env.keys.Global.Stop.Help().Key}
	if a := m.active; a != nil {
		s := a.Subject
		info.Name, info.Email, info.ID, info.Started = s.Name, s.Email, s.ID, a.Started
		info.Write, info.Reason, info.Deadline = a.Write, a.Reason, a.Deadline
	}
	info.Operator = m.env.operator.Email
	return info
}

// bannerView is the banner for this frame; it changes once a second at most.
func (m Model) bannerView() string {
	info := m.bannerInfo()
	key := fmt.Sprintf("%d|%d|%d|%s|%v|%v|%d", m.width, m.active.Gen, int(m.now.Sub(info.Started)/time.Second),
		info.Operator, m.env.styles.IsDark, info.Write, info.Deadline.Unix())
	return m.env.banner.get(key, func() string { return renderBanner(m.env.styles, info, m.now, m.width) })
}
