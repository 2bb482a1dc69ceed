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
// recent activity. It is only ever opened from a verified impersonation, and shows an
// answer only once the backend confirmed, after it, that it still acts as them.
type actingAs struct {
	env     *env
	act     session.Active
	ov      client.Overview
	loaded  bool
	loading bool
	err     error
	scroll  int
	height  int
	waiting bool // for the place to act in to be chosen (scopeChangedMsg), before reading
}

type overviewMsg struct {
	gen int
	ov  client.Overview
	err error
}

func newActingAs(e *env, act session.Active) *actingAs {
	return &actingAs{env: e, act: act, ov: client.Overview{Subject: act.Subject}}
}

func (a *actingAs) init() tea.Cmd {
	if a.waiting {
		return nil
	}
	return a.load()
}

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

func (a *actingAs) Title() sanitize.Safe { return "Acting as " + a.env.noun() }
func (a *actingAs) Capturing() bool      { return false }
func (a *actingAs) SetSize(w, h int)     { a.height = h }
func (a *actingAs) Help() []key.Binding {
	k := a.env.keys
	if a.scoped() {
		return []key.Binding{k.Details.Actions, k.Details.Scope, k.Details.Refresh, k.Nav.Down, k.Global.Back}
	}
	return []key.Binding{k.Details.Actions, k.Details.Refresh, k.Nav.Down, k.Global.Back}
}

// scoped says whether the subject has places to choose from (a tenant's environments).
func (a *actingAs) scoped() bool {
	return a.env.active != nil && len(a.env.active.Scopes) > 0 && a.env.deps.Description.TargetScope.Label != ""
}

func (a *actingAs) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case overviewMsg:
		if msg.gen != a.act.Gen {
			return a, nil // from an impersonation that has ended
		}
		a.loading, a.err = false, msg.err
		if msg.err == nil {
			a.ov, a.loaded = msg.ov, true
		}
	case scopeChangedMsg: // another place: what was read in the last one is not shown as this one's
		if msg.gen == a.act.Gen && a.env.active != nil {
			a.act, a.loaded, a.waiting = *a.env.active, false, false
			return a, a.load()
		}
	case tea.KeyPressMsg:
		k := a.env.keys
		switch {
		case key.Matches(msg, k.Details.Refresh):
			return a, a.load()
		case key.Matches(msg, k.Details.Actions):
			a.env.post(pushMsg{newActions(a.env)})
		case key.Matches(msg, k.Details.Scope) && a.scoped():
			a.env.post(pushMsg{newScopeChooser(a.env, *a.env.active)})
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

func (a *actingAs) View(w, h int) sanitize.Safe {
	st := a.env.styles
	now := a.env.now()
	lines := []sanitize.Safe{st.Title.Render(sanitize.Fit("Their account, as they see it: "+a.env.identity(a.act.Subject), w))}
	switch {
	case a.loading:
		lines = append(lines, st.Muted.Render("Loading their view…"))
	case a.err != nil:
		lines = append(lines, st.Error.Render(sanitize.Fit("Could not read their view: "+errText(a.err)+" (r to retry)", w)))
	}
	if !a.loaded { // nothing is shown as theirs before the backend confirmed it
		return sanitize.Join(lines, "\n")
	}
	facts := append(subjectFacts(a.ov.Subject, now, a.env.deps.Description.Facts, a.env.noun()), overviewFacts(a.ov)...)
	lines = append(lines, renderFacts(st, facts, w)...)
	if len(a.ov.Sections) > 0 {
		lines = append(lines, sectionLines(st, a.ov.Sections, w)...)
	} else {
		lines = append(lines, a.userLines(w, now)...)
	}
	a.scroll = min(a.scroll, max(0, len(lines)-h))
	return sanitize.Join(lines[a.scroll:], "\n")
}

// userLines are a user's sessions and recent activity.
func (a *actingAs) userLines(w int, now time.Time) []sanitize.Safe {
	st := a.env.styles
	lines := []sanitize.Safe{"", st.Title.Render(sanitize.Fit(sanitize.Text("Their sessions ("+itoa(len(a.ov.Devices))+")"), w))}
	for _, d := range a.ov.Devices {
		cur := sanitize.Safe("  ")
		if d.Current {
			cur = "* "
		}
		parts := []string{strings.TrimSpace(d.Client), d.OS, d.IP, d.Country}
		line := sanitize.Join(nonEmpty(parts), " · ") + " · since " + when(d.Created, now)
		lines = append(lines, "  "+cur+sanitize.Fit(line, max(1, w-4)))
	}
	lines = append(lines, "", st.Title.Render(sanitize.Fit("Their recent activity", w)))
	if len(a.ov.Activity) == 0 {
		lines = append(lines, st.Muted.Render("  none recorded"))
	}
	for _, e := range a.ov.Activity {
		line := sanitize.Text(e.Time.UTC().Format("2006-01-02 15:04")) + "  " + sanitize.Short(e.Event) + "  " + sanitize.Short(e.IP) + "  " + sanitize.Short(e.Client)
		lines = append(lines, "  "+sanitize.Fit(line, max(1, w-2)))
	}
	return lines
}

// sectionLines are a dialect's own sections: a title with the count, a row a line.
func sectionLines(st Styles, sections []client.Section, w int) []sanitize.Safe {
	var lines []sanitize.Safe
	for _, sec := range sections {
		count := itoa(len(sec.Rows))
		if sec.More {
			count += "+"
		}
		lines = append(lines, "", st.Title.Render(sanitize.Fit(sanitize.Text(sec.Title+" ("+count+")"), w)))
		if len(sec.Rows) == 0 {
			lines = append(lines, st.Muted.Render("  none"))
		}
		for _, row := range sec.Rows {
			lines = append(lines, "  "+sanitize.Fit(sanitize.Join(nonEmpty(row), " · "), max(1, w-2)))
		}
	}
	return lines
}

// nonEmpty is the parts that say something, made safe; "none" when none do.
func nonEmpty(parts []string) []sanitize.Safe {
	var out []sanitize.Safe
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, sanitize.Short(p))
		}
	}
	if len(out) == 0 {
		out = append(out, "none")
	}
	return out
}
