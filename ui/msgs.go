package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
	"actas/ui/sanitize"
)

// screen is one view of the console. The root model routes keys and messages to the
// screen on top of its stack and draws the chrome (banner, header, status, help) around it.
// A screen draws only safe text: server text crosses sanitize on its way in.
type screen interface {
	Update(msg tea.Msg) (screen, tea.Cmd)
	View(width, height int) sanitize.Safe
	SetSize(width, height int)
	Help() []key.Binding // this screen's keys for the help bar
	Capturing() bool     // a text input has focus: only ctrl+c and ctrl+x stay global
	Title() sanitize.Safe
}

// Messages between screens and the root.
type (
	signedInMsg struct { // the root makes sess the console's session
		sess    *session.Session
		profile keyring.Profile // where the session is kept
		op      client.Operator
		resumed bool
	}
	openDetailsMsg struct{ subject client.Subject }
	askActAsMsg    struct {
		target client.Target
		who    client.Subject // as the operator's search showed them (not yet verified)
	}
	actAsConfirmedMsg struct {
		target client.Target
		reason string
	}
	elevatedMsg struct {
		active session.Active
		err    error
	}
	askWriteMsg      struct{ req client.Request }
	openConsoleMsg   struct{ method, path string }
	pushMsg          struct{ s screen }
	sendConfirmedMsg struct {
		req   client.Request
		typed string
	}
	actAsDoneMsg struct {
		attempt int
		active  session.Active
		err     error
	}
	promptActAsMsg struct{}
	promptDoneMsg  struct{ ask askActAsMsg } // the prompt closes, the confirmation opens
	popMsg         struct{}
	statusMsg      struct {
		text  sanitize.Safe
		full  sanitize.Safe // the whole reason, one key away (ctrl+e); "" when text is all
		isErr bool
	}
	bannerTickMsg   struct{ gen int }
	keyringSavedMsg struct {
		err     error
		warning string // the session lives in memory only: no OS keyring
		where   string // the store that keeps it, when one outlives the console
	}
	stylesChangedMsg struct{}
	modeChangedMsg   struct{}          // writes were allowed: what a screen said of read-only is past
	sessionTickMsg   struct{}          // time to look whether the backend's session lapses
	scopeChangedMsg  struct{ gen int } // the impersonation acts in another of the subject's places
)

func status(text sanitize.Safe, isErr bool) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, isErr: isErr} }
}
