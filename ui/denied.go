package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/ui/sanitize"
)

// deniedScreen is what an operator sees whose account may not impersonate: what is
// missing and whom to ask, instead of a list that would fail.
type deniedScreen struct {
	env *env
}

func newDenied(e *env) *deniedScreen { return &deniedScreen{env: e} }

func (s *deniedScreen) Title() string                    { return "Not allowed" }
func (s *deniedScreen) Capturing() bool                  { return false }
func (s *deniedScreen) SetSize(int, int)                 {}
func (s *deniedScreen) Help() []key.Binding              { return nil }
func (s *deniedScreen) Update(tea.Msg) (screen, tea.Cmd) { return s, nil }

func (s *deniedScreen) View(w, h int) string {
	st := s.env.styles
	op := s.env.operator
	lines := []string{
		st.Title.Render("This account may not act as users"),
		"",
		"You are signed in as " + sanitize.Text(op.Email) + " (" + sanitize.Text(op.ID) + "), which is not an impersonator.",
		"",
		"Ask an administrator of this project to grant your account the impersonator",
		"capability. In Appwrite that is the user's \"impersonator\" flag, set with an API key:",
		"  PATCH /v1/users/" + sanitize.Text(op.ID) + "/impersonator  {\"impersonator\": true}",
		"",
		"Then sign in again. To sign out now, run: actas logout",
	}
	out := ""
	for _, l := range lines {
		out += sanitize.Fit(l, w) + "\n"
	}
	return out
}
