package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
)

// Deps is everything the console needs from outside, wired by main.
type Deps struct {
	Clock func() time.Time
	// Connect makes a signed-out backend client for an endpoint and project, and returns
	// the endpoint as the client normalised it.
	Connect func(endpoint, project string) (client.Backend, string, error)
	Keyring keyring.Store
	// KeyringWarning is a one-line notice when no OS keyring answered.
	KeyringWarning string
	Journal        *session.Journal
	Login          LoginDefaults
	// Remember keeps the last profile (no secret) so the next start can resume it.
	Remember func(session.Recent)
}

// LoginDefaults fill the login form.
type LoginDefaults struct {
	Endpoint, Project, Email string
	Hint                     string // e.g. the demo credentials
	Resume                   bool   // try the keyring before showing the form
}

// env is the shared, explicit dependency struct every screen gets.
type env struct {
	deps     Deps
	styles   Styles
	keys     KeyMap
	sess     *session.Session // nil until signed in
	operator client.Operator  // who signed in, as the backend said
	profile  keyring.Profile
	posted   []tea.Msg // see post
	help     memo
	banner   memo
}

func (e *env) now() time.Time { return e.deps.Clock() }

// post asks the root for a navigation (open, close, confirm) that must happen before the
// next key is read: a command would run later, and a fast typist's next key would land on
// the old screen.
func (e *env) post(msg tea.Msg) { e.posted = append(e.posted, msg) }
