package ui

import (
	"strings"

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

func (s *deniedScreen) Title() sanitize.Safe             { return "Not allowed" }
func (s *deniedScreen) Capturing() bool                  { return false }
func (s *deniedScreen) SetSize(int, int)                 {}
func (s *deniedScreen) Help() []key.Binding              { return nil }
func (s *deniedScreen) Update(tea.Msg) (screen, tea.Cmd) { return s, nil }

func (s *deniedScreen) View(w, h int) sanitize.Safe {
	st := s.env.styles
	op := s.env.operator
	id := sanitize.Text(op.ID)
	d := s.env.deps.Description
	lines := []sanitize.Safe{
		st.Title.Render("This account may not act as " + sanitize.Text(d.Subject.Many)),
		"",
		"You are signed in as " + sanitize.Text(op.Email) + " (" + id + "), which is not an impersonator.",
		"",
	}
	for _, help := range d.AccessHelp { // the dialect's own words; only the id is server text
		before, after, hasID := strings.Cut(help, "{id}")
		line := sanitize.Text(before)
		if hasID {
			line += id + sanitize.Text(after)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", "Then sign in again. To sign out now, run: actas logout")
	for i, l := range lines {
		lines[i] = sanitize.Fit(l, w)
	}
	return sanitize.Join(lines, "\n")
}
