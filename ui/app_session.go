package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// signedIn replaces the login form with the picker, or with the screen that says what
// to ask for when the account may not impersonate, and stores the session.
func (m Model) signedIn(msg signedInMsg) (tea.Model, tea.Cmd) {
	for _, s := range m.stack {
		closeScreen(s)
	}
	m.env.setSession(msg.sess)
	m.env.profile, m.env.operator = msg.profile, msg.op
	var base screen
	if msg.op.CanImpersonate() {
		base = newPicker(m.env)
	} else {
		base = newDenied(m.env)
	}
	m.stack = []screen{base}
	m.layout()
	m.status = statusLine{}
	if msg.resumed {
		m.say("Resumed the stored session of "+sanitize.Text(msg.op.Email)+".", false)
	}
	if note := m.env.startNote; note != "" {
		m.say(sanitize.TrimSpace(note+" "+m.status.text), true) // the note first: it matters more
		m.env.startNote = ""
	}
	cmds := []tea.Cmd{initOf(base), m.sessionTick()}
	if !msg.resumed {
		cmds = append(cmds, m.saveSession(msg.op))
	}
	return m, tea.Batch(cmds...)
}

// saveSession keeps the session value in the keyring and the profile (no secret) for the
// next start.
func (m Model) saveSession(op client.Operator) tea.Cmd {
	e := m.env
	profile, sess, now := e.profile, e.sess, e.now()
	return func() tea.Msg {
		if e.deps.Remember != nil {
			e.deps.Remember(session.Recent{Endpoint: profile.Endpoint, Project: profile.Project, Email: profile.Email})
		}
		if e.deps.Keyring == nil {
			return keyringSavedMsg{}
		}
		err := session.Stored{Store: e.deps.Keyring, Profile: profile}.Save(sess, op, now)
		msg := keyringSavedMsg{err: err}
		if e.deps.Keyring.Durable() {
			msg.where = e.deps.Keyring.Where()
		}
		if w, ok := e.deps.Keyring.(interface{ Warning() string }); ok {
			msg.warning = w.Warning()
		}
		return msg
	}
}

// onTick moves the banner clock; followSession, after it, stops what has expired.
func (m Model) onTick() (tea.Model, tea.Cmd) {
	m.now = m.env.now()
	return m, m.tick()
}

// followSession keeps the screen true to the session, which is the only place that knows
// whether impersonation is on: when it has ended (a time limit, the backend no longer
// acting as the user, a journal that failed, a switch that failed), everything shown as
// the user goes and the status says why; when the session itself has ended (revoked
// elsewhere), the console goes back to the login form. It runs after every message.
func (m *Model) followSession() tea.Cmd {
	if m.env.sess == nil {
		return nil
	}
	if m.env.sess.State() == session.SignedOut {
		return m.signedOut(sanitize.Text(m.env.sess.SignedOutWhy()))
	}
	ended, elevated := m.follow()
	switch {
	case ended != nil:
		m.stopped(ended, m.env.sess.Ended())
	case elevated: // the screens hear of it as the banner does, whichever message came first
		model, cmd := m.broadcast(modeChangedMsg{})
		*m = model.(Model)
		return cmd
	}
	return nil
}

// signedOut goes back to the login form after the backend ended the session: nothing of
// the old session stays on screen.
func (m *Model) signedOut(why sanitize.Safe) tea.Cmd {
	m.forget()
	m.dialog, m.overlay = nil, noOverlay
	for _, s := range m.stack {
		closeScreen(s)
	}
	m.env.setSession(nil)
	m.env.operator = client.Operator{}
	login := newLogin(m.env)
	login.notice = "Signed out: " + why
	m.stack = []screen{login}
	m.layout()
	m.status = statusLine{}
	return nil
}

// sessionTick looks again, in a while, whether the backend's session is about to lapse
// (nil when the backend did not say it ever does).
func (m Model) sessionTick() tea.Cmd {
	if m.env.sess == nil || m.env.sess.Lapses().IsZero() {
		return nil
	}
	return tea.Tick(30*time.Second, func(time.Time) tea.Msg { return sessionTickMsg{} })
}

func (m Model) tick() tea.Cmd {
	if m.active == nil {
		return nil
	}
	gen := m.active.Gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return bannerTickMsg{gen: gen} })
}

// Shutdown stops any impersonation (journaled as "quit") and ends a session that no
// store keeps (memory only) on the backend: nobody could use it again. main calls it
// after the program ends, however it ended; an error says what could not be journaled
// (the console has gone from the screen, so main prints it).
func (m Model) Shutdown() error {
	sess := m.env.sess
	if sess == nil {
		return nil
	}
	err := m.env.quitErr
	if sess.Stop(session.StopQuit) {
		err = sess.Ended().JournalErr
	}
	if store := m.env.deps.Keyring; store == nil || !store.Durable() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if lerr := sess.Logout(ctx); errors.Is(lerr, session.ErrJournal) {
			err = errors.Join(err, lerr)
		}
	}
	return err
}
