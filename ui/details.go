package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
)

// detailsScreen shows a user as the operator sees them through users.read, fetched fresh.
type detailsScreen struct {
	env     *env
	subject client.Subject
	loading bool
	err     error
	gen     int
}

type detailsMsg struct {
	gen     int
	subject client.Subject
	err     error
}

func newDetails(e *env, s client.Subject) *detailsScreen {
	return &detailsScreen{env: e, subject: s}
}

func (d *detailsScreen) init() tea.Cmd { return d.load() }

func (d *detailsScreen) load() tea.Cmd {
	d.gen++
	d.loading, d.err = true, nil
	backend, id, gen := d.env.sess.Backend(), d.subject.ID, d.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		s, err := backend.Subject(ctx, id)
		return detailsMsg{gen: gen, subject: s, err: err}
	}
}

func (d *detailsScreen) Title() string    { return "User details" }
func (d *detailsScreen) Capturing() bool  { return false }
func (d *detailsScreen) SetSize(w, h int) {}
func (d *detailsScreen) Help() []key.Binding {
	k := d.env.keys
	return []key.Binding{k.Details.Impersonate, k.Details.Refresh, k.Global.Back}
}

func (d *detailsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case detailsMsg:
		if msg.gen != d.gen {
			return d, nil
		}
		d.loading, d.err = false, msg.err
		if msg.err == nil {
			d.subject = msg.subject
		}
	case tea.KeyPressMsg:
		k := d.env.keys
		switch {
		case key.Matches(msg, k.Global.Back):
			d.env.post(popMsg{})
			return d, nil
		case key.Matches(msg, k.Details.Refresh):
			return d, d.load()
		case key.Matches(msg, k.Details.Impersonate):
			d.env.post(askActAs(client.Target{Kind: client.ByID, Value: d.subject.ID}, d.subject))
			return d, nil
		}
	}
	return d, nil
}

func (d *detailsScreen) View(w, h int) string {
	st := d.env.styles
	out := st.Title.Render(sanitize.Line(d.subject.Name, max(1, w-2))) + "\n"
	switch {
	case d.loading:
		out += st.Muted.Render("Loading…") + "\n"
	case d.err != nil:
		out += st.Error.Render(sanitize.Line("Could not load this user: "+d.err.Error()+" (r to retry)", w)) + "\n"
	default:
		out += "\n"
	}
	for _, l := range renderFacts(st, subjectFacts(d.subject, d.env.now()), w) {
		out += l + "\n"
	}
	return out
}
