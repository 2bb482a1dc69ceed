package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// scopeChooser asks where in the subject to act (a tenant's environment), from the
// subject's own list as read, and verified, as them. Moving is an explicit, journaled
// choice: the session checks the new place with the backend before anything acts there.
type scopeChooser struct {
	env     *env
	act     session.Active
	cursor  int
	busy    bool
	err     sanitize.Safe
	attempt int  // the move being checked, so a late answer to an old one is recognisable
	first   bool // asked as the impersonation starts: their view waits for the answer
}

// scopeSetMsg is the end of a move's check.
type scopeSetMsg struct {
	attempt int
	act     session.Active
	err     error
}

func newScopeChooser(e *env, act session.Active) *scopeChooser {
	s := &scopeChooser{env: e, act: act}
	for i, c := range act.Scopes {
		if c.ID == act.Target.Scope {
			s.cursor = i
		}
	}
	return s
}

// place is the dialect's word for a subject's places ("environment").
func (s *scopeChooser) place() sanitize.Safe {
	return sanitize.Text(strings.ToLower(s.env.deps.Description.TargetScope.Label))
}

func (s *scopeChooser) Title() sanitize.Safe { return "Choose " + s.place() }
func (s *scopeChooser) Capturing() bool      { return false }
func (s *scopeChooser) SetSize(w, h int)     {}
func (s *scopeChooser) Help() []key.Binding {
	k := s.env.keys
	return []key.Binding{k.Scope.Yes, k.Nav.Up, k.Nav.Down, k.Scope.No}
}

func (s *scopeChooser) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case scopeSetMsg:
		if msg.attempt != s.attempt || !s.busy {
			return s, nil
		}
		s.busy = false
		if msg.err != nil {
			s.err = "Not moved: " + firstError(msg.err)
			return s, nil
		}
		s.env.post(popMsg{})
		s.env.post(scopeChangedMsg{gen: msg.act.Gen})
		s.env.post(statusMsg{text: "Acting in " + shownID(msg.act.Target.Scope) + " now."})
		return s, nil
	case tea.KeyPressMsg:
		if s.busy {
			return s, nil
		}
		k := s.env.keys
		switch {
		case key.Matches(msg, k.Nav.Up):
			s.cursor = max(0, s.cursor-1)
		case key.Matches(msg, k.Nav.Down):
			s.cursor = min(len(s.act.Scopes)-1, s.cursor+1)
		case key.Matches(msg, k.Scope.No):
			s.leave()
		case key.Matches(msg, k.Scope.Yes) && len(s.act.Scopes) > 0:
			return s, s.choose(s.act.Scopes[s.cursor])
		}
	}
	return s, nil
}

// leave goes back without moving; their view, if it waited for the answer, reads now.
func (s *scopeChooser) leave() {
	s.env.post(popMsg{})
	if s.first {
		s.env.post(scopeChangedMsg{gen: s.act.Gen})
	}
}

// choose moves to c, or just goes back when the impersonation acts there already.
func (s *scopeChooser) choose(c client.Choice) tea.Cmd {
	if c.ID == s.act.Target.Scope {
		s.leave()
		return nil
	}
	s.busy, s.err = true, ""
	s.attempt++
	sess, gen, attempt, id := s.env.sess, s.act.Gen, s.attempt, c.ID
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		act, err := sess.SetScope(ctx, gen, id)
		return scopeSetMsg{attempt: attempt, act: act, err: err}
	}
}

func (s *scopeChooser) View(w, h int) sanitize.Safe {
	st := s.env.styles
	lines := []sanitize.Safe{st.Title.Render(sanitize.Fit("Which "+s.place()+" of "+s.env.identity(s.act.Subject)+"?", w)), ""}
	for i, c := range s.act.Scopes {
		line := shownID(c.ID)
		if name := sanitize.Short(c.Name); name != "" {
			line += "  " + quoted(string(name))
		}
		if c.ID == s.act.Target.Scope {
			line += "  (acting in it)"
		}
		if i == s.cursor {
			lines = append(lines, st.Selected.Render(sanitize.Fit("› "+line, w)))
		} else {
			lines = append(lines, "  "+sanitize.Fit(line, max(1, w-2)))
		}
	}
	lines = append(lines, "")
	switch {
	case s.busy:
		lines = append(lines, st.Muted.Render("Checking with the backend…"))
	case s.err != "":
		lines = append(lines, st.Error.Render(sanitize.Fit(s.err, w)))
	default:
		lines = append(lines, st.Muted.Render(sanitize.Fit("The move is journaled; nothing acts there until the backend shows it is theirs.", w)))
	}
	return sanitize.Join(lines, "\n")
}
