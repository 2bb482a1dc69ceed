// Package ui is the console: a root model that routes, one file per screen, one keymap,
// and the impersonation banner that every frame carries while impersonating.
package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/session"
	"actas/ui/sanitize"
)

// Model is the root model. It owns the screen stack (the first screen is the base: the
// login form, or the picker once signed in), the confirmation dialog, the overlays, the
// status line and the impersonation state the banner is drawn from.
type Model struct {
	env           *env
	width, height int
	stack         []screen
	dialog        dialog
	overlay       overlay
	status        statusLine
	impersonation // the flow: the attempt being verified, the verified one the banner shows
	now           time.Time
}

// overlay is drawn over the body instead of the top screen.
type overlay int

const (
	noOverlay overlay = iota
	helpOverlay
	whyOverlay // the whole of the last error
)

// statusLine belongs to the moment and the screen that made it: the next key press ends
// it, and it shows only while that screen is on top.
type statusLine struct {
	text  sanitize.Safe
	full  sanitize.Safe // the whole reason, when text says it short
	isErr bool
	owner screen
}

// New builds the console on its dependencies; it starts at the login form (which first
// tries to resume a stored session when asked to).
func New(deps Deps) Model {
	e := &env{deps: deps, styles: NewStyles(true), keys: DefaultKeyMap()}
	e.keys.speak(deps.Description)
	m := Model{env: e, impersonation: impersonation{env: e}}
	login := newLogin(e)
	if deps.Journal != nil {
		e.startNote = unterminatedNote(deps.Journal.Unterminated())
		login.notice = e.startNote
	}
	m.stack = []screen{login}
	return m
}

func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, initOf(m.top()))
}

func initOf(s screen) tea.Cmd {
	if i, ok := s.(interface{ init() tea.Cmd }); ok {
		return i.init()
	}
	return nil
}

func (m Model) top() screen { return m.stack[len(m.stack)-1] }

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	m = model.(Model)
	// Navigation the screens asked for happens now, in order, before the next message.
	cmds := []tea.Cmd{cmd}
	for len(m.env.posted) > 0 {
		next := m.env.posted[0]
		m.env.posted = m.env.posted[1:]
		model, cmd = m.update(next)
		m = model.(Model)
		cmds = append(cmds, cmd)
	}
	cmds = append(cmds, m.followSession())
	return m, tea.Batch(cmds...)
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.env.styles = NewStyles(msg.IsDark())
		return m.broadcast(stylesChangedMsg{})
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case brakeMsg: // only the impersonation it stopped: a late one must not end a newer
		if m.owns(msg.gen) {
			return m.stopImpersonation(session.StopKey)
		}
		return m, nil
	case sessionTickMsg: // the backend's session may lapse: followSession, after it, shows it
		if m.env.sess != nil && !m.env.sess.CheckLapse() && m.env.sess.State() != session.SignedOut {
			return m, m.sessionTick()
		}
		return m, nil
	case bannerTickMsg:
		if m.active == nil || msg.gen != m.active.Gen {
			return m, nil // the tick of a stopped impersonation ends here
		}
		return m.onTick()
	case statusMsg:
		m.say(msg.text, msg.isErr)
		m.status.full = msg.full
		return m, nil
	case signedInMsg:
		return m.signedIn(msg)
	case openDetailsMsg:
		return m.push(newDetails(m.env, msg.subject))
	case promptActAsMsg:
		return m.push(newTargetPrompt(m.env))
	case promptDoneMsg:
		model, cmd := m.pop()
		m = model.(Model)
		m.dialog = newActAsDialog(m.env, msg.ask)
		return m, cmd
	case askActAsMsg:
		m.dialog = newActAsDialog(m.env, msg)
		return m, nil
	case pushMsg:
		return m.push(msg.s)
	case openConsoleMsg:
		if m.active == nil {
			return m, nil
		}
		return m.push(newConsole(m.env, msg.method, msg.path))
	case askWriteMsg:
		if m.active != nil {
			m.dialog = newWriteDialog(m.env, msg.req, m.active.Subject)
		}
		return m, nil
	case elevatedMsg:
		return m.elevated(msg)
	case actAsConfirmedMsg:
		return m.startActAs(msg.target, msg.reason)
	case actAsDoneMsg:
		return m.actAsDone(msg)
	case popMsg:
		return m.pop()
	case keyringSavedMsg:
		switch {
		case msg.err != nil:
			m.say("The session could not be stored in the keyring ("+errText(msg.err)+"): it lasts for this run only.", true)
		case msg.warning != "" && m.status.text == "":
			m.say(sanitize.Text(msg.warning), false)
		case msg.where != "" && m.status.text == "":
			m.say("Session kept in "+sanitize.Text(msg.where)+".", false)
		}
		return m, nil
	}
	return m.route(msg)
}

// say sets the status line for the screen on top now.
func (m *Model) say(text sanitize.Safe, isErr bool) {
	m.status = statusLine{text: text, isErr: isErr, owner: m.top()}
}

// route sends a message (an answer, a tick: keys go to the top alone) to every screen, so
// that one underneath another still gets what it asked for (the picker its search
// results, the subject's view its reads while the actions menu is open).
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) { return m.broadcast(msg) }

func (m Model) broadcast(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for i := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = m.stack[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := m.env.keys.Global
	// Stop and quit work from anywhere: dialogs, help, inputs, mid-request.
	switch {
	case key.Matches(msg, g.Stop):
		return m.stopImpersonation(session.StopKey)
	case key.Matches(msg, g.ForceQuit):
		return m.quit()
	}
	if m.active != nil {
		m.env.sess.Touch() // the operator is here: the idle limit starts again
	}
	if key.Matches(msg, g.Why) {
		if m.overlay == whyOverlay || m.status.full == "" {
			m.overlay = noOverlay
		} else {
			m.overlay = whyOverlay
		}
		return m, nil
	}
	m.status = statusLine{} // a key press is a new moment
	if m.dialog != nil {
		w, h := m.bodySize()
		m.dialog.view(w, h) // what it confirms is what it shows at this size
		cmd, done := m.dialog.update(msg)
		if done {
			m.dialog = nil
		}
		return m, cmd
	}
	if m.overlay != noOverlay {
		if key.Matches(msg, g.Quit) {
			return m.quit()
		}
		m.overlay = noOverlay // any other key closes it
		return m, nil
	}
	if !m.top().Capturing() {
		switch {
		case key.Matches(msg, g.Quit):
			return m.quit()
		case key.Matches(msg, g.Help):
			m.overlay = helpOverlay
			return m, nil
		case key.Matches(msg, g.Audit) && m.env.sess != nil:
			if _, open := m.top().(*auditScreen); !open {
				return m.push(newAudit(m.env))
			}
		case key.Matches(msg, g.Write) && m.active != nil:
			return m.askElevate()
		}
	}
	var cmd tea.Cmd
	top := len(m.stack) - 1
	m.stack[top], cmd = m.stack[top].Update(msg)
	return m, cmd
}

// paste goes to the input that has focus, and only there: the dialog's, or the top
// screen's (never to the screen underneath).
func (m Model) paste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	if m.active != nil {
		m.env.sess.Touch()
	}
	m.status = statusLine{}
	if m.dialog != nil {
		return m, m.dialog.paste(msg.Content)
	}
	if m.overlay != noOverlay {
		return m, nil
	}
	var cmd tea.Cmd
	top := len(m.stack) - 1
	m.stack[top], cmd = m.stack[top].Update(msg)
	return m, cmd
}

// quit stops any impersonation first (journaled as "quit"), cancels what is loading and
// ends the program.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.env.sess != nil && m.env.sess.Stop(session.StopQuit) {
		m.env.quitErr = m.env.sess.Ended().JournalErr // said by Shutdown, after the screen is gone
	}
	m.set(nil)
	for _, s := range m.stack {
		closeScreen(s)
	}
	return m, tea.Quit
}

// errText is an error as safe text on one line.
func errText(err error) sanitize.Safe { return sanitize.Text(err.Error()) }
