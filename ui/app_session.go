package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
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
	m.verifying = true
	m.status, m.statusErr = "Asking the backend to act as "+target.String()+"…", false
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		act, err := sess.Impersonate(ctx, target, reason)
		return actAsDoneMsg{active: act, err: err}
	}
}

func (m Model) actAsDone(msg actAsDoneMsg) (tea.Model, tea.Cmd) {
	m.verifying = false
	if msg.err != nil {
		m.statusErr = true
		switch {
		case errors.Is(msg.err, client.ErrStopped):
			m.status, m.statusErr = "Impersonation cancelled.", false
		case errors.Is(msg.err, client.ErrNotHonoured):
			m.status = "Refused: the backend did not confirm it acts as that user (" + oneLine(msg.err) + ")."
		case errors.Is(msg.err, client.ErrBlocked):
			m.status = "Refused: that user is blocked."
		default:
			m.status = "Could not act as that user: " + oneLine(msg.err)
		}
		return m, nil
	}
	act := msg.active
	m.active = &act
	m.now = m.env.now()
	m.status, m.statusErr = "", false
	for len(m.stack) > 1 { // the user's view sits right above the picker
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	model, cmd := m.push(newActingAs(m.env, act))
	return model, tea.Batch(cmd, model.(Model).tick())
}

// stopImpersonation ends it at once: the session cancels requests in flight, discards
// the impersonating client and journals why. This one side effect runs inside Update on
// purpose: a queued command must not get to send a request as the user after the key.
func (m Model) stopImpersonation(why session.StopReason) (tea.Model, tea.Cmd) {
	if m.env.sess == nil || (m.active == nil && !m.verifying) {
		return m, nil
	}
	m.env.sess.Stop(why)
	if m.active == nil {
		return m, nil // the verification now fails with ErrStopped and says so
	}
	who := m.active.Subject.Name
	took := elapsed(m.env.now().Sub(m.active.Started))
	m.active, m.dialog = nil, nil
	for len(m.stack) > 1 { // back to the picker, its search as it was
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.layout()
	m.status, m.statusErr = "Stopped acting as "+who+" after "+took+".", false
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
	if m.active != nil {
		s := m.active.Subject
		info.Name, info.Email, info.ID, info.Started = s.Name, s.Email, s.ID, m.active.Started
	}
	info.Operator = m.env.operator.Email
	return info
}

// bannerView is the banner for this frame; it changes once a second at most.
func (m Model) bannerView() string {
	info := m.bannerInfo()
	key := fmt.Sprintf("%d|%d|%d|%s|%v", m.width, m.active.Gen, int(m.now.Sub(info.Started)/time.Second), info.Operator, m.env.styles.IsDark)
	return m.env.banner.get(key, func() string { return renderBanner(m.env.styles, info, m.now, m.width) })
}
