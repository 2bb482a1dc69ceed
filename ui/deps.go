package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/keyring"
	"actas/session"
	"actas/ui/sanitize"
)

// Deps is everything the console needs from outside, wired by main.
type Deps struct {
	Clock func() time.Time
	// Dialect names the backend's dialect; the keyring keys its sessions apart.
	Dialect string
	// Description is how the dialect's console speaks: fields, nouns, actions, advice.
	Description client.Description
	// Open makes the signed-out backend of a session for an endpoint and scope; the
	// console hands it to session.Open and never holds the client.
	Open    session.Opener
	Keyring keyring.Store
	Journal *session.Journal
	Login   LoginDefaults
	// Remember keeps the last profile (no secret) so the next start can resume it.
	Remember func(session.Recent)
	// Policy is what the profile allows while impersonating.
	Policy session.Policy
	// Badge names the profile in the header at all times ("" label: no badge).
	Badge Badge
	// Insecure says the profile allows plain http to a non-loopback endpoint: the header
	// then says INSECURE at all times.
	Insecure bool
	// Brake, if set, is pulled by the terminal's reader when the stop key arrives, ahead
	// of any keys queued before it; the console keeps it on the current session.
	Brake *Brake
}

// Badge is the profile's name and colour, drawn like a cluster name in k9s.
type Badge struct {
	Label string
	Color string // "#RRGGBB" or ""
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
	posted   []tea.Msg       // see post
	active   *session.Active // mirrors the root's, for screens that must know the mode
	help     memo
	banner   memo
	// startNote is what the console found at start (impersonations a killed console left
	// open): said on the sign-in form, and again once signed in.
	startNote sanitize.Safe
	quitErr   error // the stop at quit could not be journaled
}

// setSession makes s the signed-in session (nil: signed out), the brake's too.
func (e *env) setSession(s *session.Session) {
	e.sess = s
	e.deps.Brake.hold(s)
}

func (e *env) now() time.Time { return e.deps.Clock() }

func (e *env) policy() session.Policy { return e.deps.Policy }

// post asks the root for a navigation (open, close, confirm) that must happen before the
// next key is read: a command would run later, and a fast typist's next key would land on
// the old screen.
func (e *env) post(msg tea.Msg) { e.posted = append(e.posted, msg) }
