// Package ui is the console: a root model that routes, one file per screen, one keymap,
// and the impersonation banner that every frame carries while impersonating.
package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/session"
	"actas/ui/sanitize"
)

// Model is the root model. It owns the screen stack (the first screen is the base: the
// login form, or the picker once signed in), the confirmation dialog, the status line and
// the impersonation state the banner is drawn from.
type Model struct {
	env           *env
	width, height int
	stack         []screen
	dialog        dialog
	fullHelp      bool
	status        string
	statusErr     bool
	active        *session.Active // set only from a verified start; nil after stop
	verifying     int             // the attempt being verified (0: none)
	attempts      int             // counts attempts, so a late answer to an old one is recognisable
	now           time.Time
}

// New builds the console on its dependencies; it starts at the login form (which first
// tries to resume a stored session when asked to).
func New(deps Deps) Model {
	e := &env{deps: deps, styles: NewStyles(true), keys: DefaultKeyMap()}
	m := Model{env: e}
	m.stack = []screen{newLogin(e)}
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
	m.followSession()
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
	case bannerTickMsg:
		if m.active == nil || msg.gen != m.active.Gen {
			return m, nil // the tick of a stopped impersonation ends here
		}
		return m.onTick()
	case statusMsg:
		m.status, m.statusErr = msg.text, msg.isErr
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
			m.status, m.statusErr = "The session could not be stored in the keyring ("+oneLine(msg.err)+"): it lasts for this run only.", true
		case msg.warning != "" && m.status == "":
			m.status, m.statusErr = msg.warning, false
		}
		return m, nil
	}
	return m.route(msg)
}

// route sends a message to the top screen, and to the base screen underneath (the picker
// keeps receiving its search results while another screen is open).
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	top := len(m.stack) - 1
	if top > 0 {
		var cmd tea.Cmd
		m.stack[0], cmd = m.stack[0].Update(msg)
		cmds = append(cmds, cmd)
	}
	var cmd tea.Cmd
	m.stack[top], cmd = m.stack[top].Update(msg)
	return m, tea.Batch(append(cmds, cmd)...)
}

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
	if m.dialog != nil {
		cmd, done := m.dialog.update(msg)
		if done {
			m.dialog = nil
		}
		return m, cmd
	}
	if m.fullHelp {
		if key.Matches(msg, g.Quit) {
			return m.quit()
		}
		m.fullHelp = false // any other key closes the help
		return m, nil
	}
	if !m.top().Capturing() {
		switch {
		case key.Matches(msg, g.Quit):
			return m.quit()
		case key.Matches(msg, g.Help):
			m.fullHelp = true
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

// quit stops any impersonation first (journaled as "quit"), cancels what is loading and
// ends the program.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.env.sess != nil {
		m.env.sess.Stop(session.StopQuit)
	}
	m.setActive(nil)
	for _, s := range m.stack {
		closeScreen(s)
	}
	return m, tea.Quit
}

func closeScreen(s screen) {
	if c, ok := s.(interface{ close() }); ok {
		c.close()
	}
}

func (m Model) push(s screen) (tea.Model, tea.Cmd) {
	m.stack = append(m.stack[:len(m.stack):len(m.stack)], s)
	m.layout()
	return m, initOf(s)
}

func (m Model) pop() (tea.Model, tea.Cmd) {
	if len(m.stack) == 1 {
		return m, nil
	}
	closeScreen(m.top())
	m.stack = m.stack[:len(m.stack)-1]
	m.layout()
	return m, nil
}

func (m Model) bodySize() (int, int) {
	chrome := 3 // header, status, help
	if m.active != nil {
		chrome += strings.Count(m.bannerView(), "\n") + 1
	}
	return m.width, max(0, m.height-chrome)
}

// layout gives every screen the body's size; called on resize and whenever the chrome
// changes (the banner appears, disappears or wraps).
func (m *Model) layout() {
	w, h := m.bodySize()
	for _, s := range m.stack {
		s.SetSize(w, h)
	}
}

func oneLine(err error) string { return sanitize.Text(err.Error()) }

// Shutdown stops any impersonation (journaled as "quit"); main calls it after the
// program ends, however it ended.
func (m Model) Shutdown() {
	if m.env.sess != nil {
		m.env.sess.Stop(session.StopQuit)
	}
}
