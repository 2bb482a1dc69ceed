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

// actingAs is the user's own view, read as them: their account, their devices and their
// recent activity. It is only ever opened from a verified impersonation.
type actingAs struct {
	env     *env
	act     session.Active
	ov      client.Overview
	loading bool
	err     error
	scroll  int
	height  int
}

type overviewMsg struct {
	gen int
	ov  client.Overview
	err error
}

func newActingAs(e *env, act session.Active) *actingAs {
	return &actingAs{env: e, act: act, ov: client.Overview{Subject: act.Subject}}
}

func (a *actingAs) init() tea.Cmd { return a.load() }

func (a *actingAs) load() tea.Cmd {
	a.loading, a.err = true, nil
	sess, gen := a.env.sess, a.act.Gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		ov, err := sess.Overview(ctx, gen)
		return overviewMsg{gen: gen, ov: ov, err: err}
	}
}

func (a *actingAs) Title() string    { return "Acting as user" }
func (a *actingAs) Capturing() bool  { return false }
func (a *actingAs) SetSize(w, h int) { a.height = h }
func (a *actingAs) Help() []key.Binding {
	k := a.env.keys
	return []key.Binding{k.Details.Actions, k.Global.Write, k.Details.Refresh, k.Nav.Down, k.Global.Back}
}

func (a *actingAs) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case overviewMsg:
		if msg.gen != a.act.Gen {
			return a, nil // from an impersonation that has ended
		}
		a.loading, a.err = false, msg.err
		if msg.err == nil {
			a.ov = msg.ov
		}
	case tea.KeyPressMsg:
		k := a.env.keys
		switch {
		case key.Matches(msg, k.Details.Refresh):
			return a, a.load()
		case key.Matches(msg, k.Details.Actions):
			a.env.post(pushMsg{newActions(a.env)})
		case key.Matches(msg, k.Nav.Up):
			a.scroll = max(0, a.scroll-1)
		case key.Matches(msg, k.Nav.Down):
			a.scroll++
		case key.Matches(msg, k.Nav.PageDown):
			a.scroll += max(1, a.height-2)
		case key.Matches(msg, k.Nav.PageUp):
			a.scroll = max(0, a.scroll-max(1, a.height-2))
		case key.Matches(msg, k.Global.Back):
			a.env.post(popMsg{})
			return a, nil
		}
	}
	return a, nil
}

func (a *actingAs) View(w, h int) string {
	st := a.env.styles
	now := a.env.now()
	lines := []string{st.Title.Render(sanitize.Line("Their account, as they see it: "+a.ov.Subject.Name, w))}
	switch {
	case a.loading:
		lines = append(lines, st.Muted.Render("Loading their view…"))
	case a.err != nil:
		lines = append(lines, st.Error.Render(sanitize.Line("Could not read their view: "+a.err.Error()+" (r to retry)", w)))
	}
	facts := subjectFacts(a.ov.Subject, now)
	for _, f := range a.ov.Facts {
		facts = append(facts, fact{f.Label, f.Value})
	}
	lines = append(lines, renderFacts(st, facts, w)...)
	lines = append(lines, "", st.Title.Render(sanitize.Fit("Their sessions ("+formatCount(len(a.ov.Devices))+")", w)))
	for _, d := range a.ov.Devices {
		cur := "  "
		if d.Current {
			cur = "* "
		}
		parts := []string{orNone(strings.TrimSpace(d.Client)), orNone(d.OS), d.IP, d.Country, "since " + when(d.Created, now)}
		lines = append(lines, "  "+cur+sanitize.Line(strings.Join(nonEmpty(parts), " · "), max(1, w-4)))
	}
	lines = append(lines, "", st.Title.Render(sanitize.Fit("Their recent activity", w)))
	if len(a.ov.Activity) == 0 && !a.loading {
		lines = append(lines, st.Muted.Render("  none recorded"))
	}
	for _, e := range a.ov.Activity {
		line := e.Time.UTC().Format("2006-01-02 15:04") + "  " + e.Event + "  " + e.IP + "  " + e.Client
		lines = append(lines, "  "+sanitize.Line(line, max(1, w-2)))
	}
	a.scroll = min(a.scroll, max(0, len(lines)-h))
	return strings.Join(lines[a.scroll:], "\n")
}

func nonEmpty(parts []string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}
