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
	sess, id, gen := d.env.sess, d.subject.ID, d.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		s, err := sess.Subject(ctx, id)
		return detailsMsg{gen: gen, subject: s, err: err}
	}
}

func (d *detailsScreen) Title() sanitize.Safe { return d.env.Noun() + " details" }
func (d *detailsScreen) Capturing() bool      { return false }
func (d *detailsScreen) SetSize(w, h int)     {}
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
			d.env.post(askActAsMsg{target: client.Target{Kind: client.ByID, Value: d.subject.ID}, who: d.subject})
			return d, nil
		}
	}
	return d, nil
}

// View opens with words of the console's own, never with the user's name: a name that
// begins "IMPERSONATING …" must not stand at the start of a line like the banner.
func (d *detailsScreen) View(w, h int) sanitize.Safe {
	st := d.env.styles
	out := []sanitize.Safe{st.Title.Render(sanitize.Fit(d.env.Noun()+" "+d.env.identity(d.subject), max(1, w)))}
	switch {
	case d.loading:
		out = append(out, st.Muted.Render("Loading…"))
	case d.err != nil:
		out = append(out, st.Error.Render(sanitize.Fit("Could not load this "+d.env.noun()+": "+errText(d.err)+" (r to retry)", w)))
	default:
		out = append(out, "")
	}
	out = append(out, renderFacts(st, subjectFacts(d.subject, d.env.now(), d.env.deps.Description.Facts, d.env.noun()), w)...)
	return sanitize.Join(out, "\n")
}
