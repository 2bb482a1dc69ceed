package ui

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

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
	m.env.operator = msg.op
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

// startActAs registers the attempt with the session right here, in Update, so that a stop
// pressed before the verification runs cancels it (nothing is then sent as the user); the
// command only verifies. A running impersonation ends now: one target at a time.
func (m Model) startActAs(target client.Target, reason string) (tea.Model, tea.Cmd) {
	sess := m.env.sess
	m.switched = ""
	att, err := sess.Begin(target, reason)
	if err != nil { // refused before anything was stopped: what runs goes on
		m.say("Refused: "+firstError(err), true)
		return m, nil
	}
	if m.active != nil { // Begin stopped it: one target at a time
		m.switched = "Stopped acting as " + identity(m.active.Subject) + " first." + journalNote(sess.Ended())
		m.leave()
	}
	m.attempts++
	m.attempt = att
	attempt := m.attempts
	m.say(sanitize.TrimSpace(m.switched+" Asking the backend to act as "+sanitize.Text(target.String())+"…"), false)
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		act, err := sess.Verify(ctx, att)
		return actAsDoneMsg{attempt: attempt, active: act, err: err}
	}
}

func (m Model) actAsDone(msg actAsDoneMsg) (tea.Model, tea.Cmd) {
	if m.attempt == nil || msg.attempt != m.attempts {
		// An attempt that was stopped or replaced: nothing of it is shown, and if it got
		// through anyway, it ends here.
		if msg.err == nil {
			m.env.sess.StopGen(msg.active.Gen, session.StopKey)
		}
		return m, nil
	}
	m.attempt = nil
	if msg.err == nil {
		// Shown only if the session still runs exactly this impersonation.
		if act, ok := m.env.sess.Active(); !ok || act.Gen != msg.active.Gen {
			msg.err = client.ErrStopped
		}
	}
	if msg.err != nil {
		// The switch that came first still shows: the refusal does not hide that the
		// impersonation before it has ended.
		m.say(sanitize.TrimSpace(refusal(msg.err)+" "+m.switched), !errors.Is(msg.err, client.ErrStopped))
		m.status.full = errText(msg.err)
		return m, nil
	}
	act := msg.active
	m.setActive(&act)
	m.now = m.env.now()
	m.status = statusLine{}
	for len(m.stack) > 1 { // the user's view sits right above the picker
		closeScreen(m.top())
		m.stack = m.stack[:len(m.stack)-1]
	}
	model, cmd := m.push(newActingAs(m.env, act))
	return model, tea.Batch(cmd, model.(Model).tick())
}

// refusal says in one line why an impersonation did not start.
func refusal(err error) sanitize.Safe {
	switch {
	case errors.Is(err, client.ErrStopped):
		return "Impersonation cancelled."
	case errors.Is(err, session.ErrJournal):
		return "Refused: the journal could not be written, so nothing is done as the user (" + firstError(err) + ")."
	case errors.Is(err, client.ErrNotHonoured):
		return "Refused: the backend did not confirm it acts as that user."
	case errors.Is(err, client.ErrBlocked):
		return "Refused: that user is blocked."
	case errors.Is(err, client.ErrUnauthorized):
		return "Your session has ended: sign in again."
	case errors.Is(err, session.ErrTargetIsOperator), errors.Is(err, session.ErrReasonRequired):
		return "Refused: " + firstError(err)
	}
	return "Could not act as that user: " + firstError(err)
}

// firstError is the first line of a joined error: the refusal, without the journal's.
func firstError(err error) sanitize.Safe {
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
	if m.env.sess == nil || (m.active == nil && m.attempt == nil) {
		return m, nil
	}
	m.env.sess.Stop(why)
	if m.active == nil {
		m.attempt = nil
		m.say("Impersonation cancelled.", false)
		return m, nil
	}
	m.stopped(m.env.sess.Ended())
	return m, nil
}

// stopped leaves what was shown as the user and says how the impersonation ended.
func (m *Model) stopped(ended session.Ending) {
	who := identity(m.active.Subject)
	took := sanitize.Text(elapsed(m.env.now().Sub(m.active.Started)))
	m.leave()
	switch {
	case ended.Why == session.StopKey:
		m.say("Stopped acting as "+who+" after "+took+"."+journalNote(ended), ended.JournalErr != nil)
	case ended.Why == session.StopSwitch:
		m.say("Stopped acting as "+who+" to act as someone else."+journalNote(ended), ended.JournalErr != nil)
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

// identity names a user by what the backend verified: email and id first, never the
// name, which the user chose. One that no backend would issue (a hostile answer) is not
// drawn: it is said what it is.
func identity(s client.Subject) sanitize.Safe {
	return shownEmail(s.Email) + " (" + shownID(s.ID) + ")"
}

func shownEmail(email string) sanitize.Safe {
	switch {
	case email == "":
		return "no email"
	case !client.PlausibleEmail(email):
		return sanitize.Text("not an email address, " + itoa(utf8.RuneCountInString(email)) + " characters")
	}
	return sanitize.Text(email)
}

func shownID(id string) sanitize.Safe {
	if client.CheckIdentity(id, "") != nil {
		return sanitize.Text("not an id, " + itoa(utf8.RuneCountInString(id)) + " characters")
	}
	return sanitize.Text(id)
}

// leave drops everything shown as the user and goes back to the picker, its search as
// it was.
func (m *Model) leave() {
	m.setActive(nil)
	m.dialog = nil
	m.overlay = noOverlay
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
	if m.active == nil {
		if m.attempt == nil && m.env.sess.State() == session.Impersonating {
			// Nothing shows it, so nothing could stop it: it must not run on unseen.
			m.env.sess.StopWith(session.StopError, "the console was not showing it")
		}
		return nil
	}
	act, ok := m.env.sess.Active() // stops an expired one first
	if ok && act.Gen == m.active.Gen {
		elevated := act.Write && !m.active.Write
		m.setActive(&act)
		if elevated { // the screens hear of it as the banner does, whichever message came first
			model, cmd := m.broadcast(modeChangedMsg{})
			*m = model.(Model)
			return cmd
		}
		return nil
	}
	m.stopped(m.env.sess.Ended())
	return nil
}

// signedOut goes back to the login form after the backend ended the session: nothing of
// the old session stays on screen.
func (m *Model) signedOut(why sanitize.Safe) tea.Cmd {
	m.setActive(nil)
	m.attempt = nil
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

func (m Model) askElevate() (tea.Model, tea.Cmd) {
	switch {
	case m.env.policy().ReadOnly:
		m.say("Refused: this profile is read-only; writes cannot be allowed.", true)
	case !m.env.operator.Can.Has(client.CanWrite):
		m.say("Refused: "+sanitize.Text(session.ErrCannotWrite.Error())+".", true) // nothing is asked, nothing sent
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
	m.say("Writes allowed for this impersonation: each one still needs their email or id typed.", false)
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
func (m Model) bannerView() sanitize.Safe {
	info := m.bannerInfo()
	// Everything the banner shows is in the key: generations start again with each session.
	key := strings.Join([]string{itoa(m.width), itoa(m.height), itoa(m.active.Gen), itoa(int(m.now.Sub(info.Started) / time.Second)),
		info.Operator, boolStr(m.env.styles.IsDark), boolStr(info.Write), itoa(int(info.Deadline.Unix())),
		info.ID, info.Email, info.Name, info.Reason, itoa(int(info.Started.UnixNano()))}, "\x00")
	// The banner may take the whole terminal but the header, status and help lines.
	return m.env.banner.get(key, func() sanitize.Safe { return renderBanner(m.env.styles, info, m.now, m.width, m.height-3) })
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
