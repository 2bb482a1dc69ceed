package ui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/session"
	"actas/ui/sanitize"
)

// auditScreen merges the operator's backend audit log with the console's own journal,
// newest first, and filters them as you type.
type auditScreen struct {
	env     *env
	rows    []auditRow
	filter  textinput.Model
	loading bool
	remote  error // the backend's log could not be read (the journal still shows)
	err     error
	gen     int
	scroll  int
	height  int
}

type auditRow struct {
	time                        time.Time
	source, event, target, what string
	status                      string
}

type auditMsg struct {
	gen    int
	rows   []auditRow
	remote error
	err    error
}

const auditLimit = 100

func newAudit(e *env) *auditScreen {
	return &auditScreen{env: e, filter: newInput(e, "event, user, path…", 120)}
}

func (a *auditScreen) init() tea.Cmd { return a.load() }

func (a *auditScreen) load() tea.Cmd {
	a.gen++
	a.loading = true
	backend, journal, gen := a.env.sess.Backend(), a.env.deps.Journal, a.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		msg := auditMsg{gen: gen}
		remote, err := backend.OperatorAudit(ctx, auditLimit)
		msg.remote = err
		for _, e := range remote {
			msg.rows = append(msg.rows, remoteRow(e))
		}
		if journal != nil {
			entries, _, err := session.ReadJournal(journal.Path())
			msg.err = err
			for _, e := range entries {
				msg.rows = append(msg.rows, localRow(e))
			}
		}
		sort.SliceStable(msg.rows, func(i, j int) bool { return msg.rows[i].time.After(msg.rows[j].time) })
		return msg
	}
}

func remoteRow(e client.AuditEntry) auditRow {
	return auditRow{time: e.Time, source: "backend", event: e.Event, target: e.ActorEmail, what: strings.TrimSpace(e.IP + " " + e.Client)}
}

func localRow(e session.Entry) auditRow {
	r := auditRow{time: e.Time, source: "console", event: e.Event, target: first(e.TargetName, e.Target, e.NamedAs, e.Operator)}
	switch {
	case e.Method != "":
		r.what = e.Method + " " + e.Path
	case e.Why != "":
		r.what = "why: " + e.Why
	case e.NamedAs != "":
		r.what = "named by " + e.NamedBy + " " + e.NamedAs
	case e.Via != "":
		r.what = "via " + e.Via
	}
	if e.Reason != "" {
		r.what += " · reason: " + e.Reason
	}
	if e.Status != 0 {
		r.status = strconv.Itoa(e.Status)
	}
	return r
}

func (a *auditScreen) Title() string    { return "Audit" }
func (a *auditScreen) Capturing() bool  { return a.filter.Focused() }
func (a *auditScreen) SetSize(w, h int) { a.height = h; a.filter.SetWidth(max(10, min(40, w-12))) }
func (a *auditScreen) Help() []key.Binding {
	k := a.env.keys
	if a.filter.Focused() {
		return []key.Binding{k.Login.Submit, k.Global.Back}
	}
	return []key.Binding{k.Audit.Filter, k.Audit.Refresh, k.Nav.Down, k.Global.Back}
}

func (a *auditScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case auditMsg:
		if msg.gen == a.gen {
			a.loading, a.rows, a.remote, a.err = false, msg.rows, msg.remote, msg.err
		}
	case tea.KeyPressMsg:
		k := a.env.keys
		if a.filter.Focused() {
			if key.Matches(msg, k.Global.Back) || key.Matches(msg, k.Login.Submit) {
				a.filter.Blur()
				return a, nil
			}
			var cmd tea.Cmd
			a.filter, cmd = a.filter.Update(msg)
			a.scroll = 0
			return a, cmd
		}
		switch {
		case key.Matches(msg, k.Audit.Filter):
			return a, a.filter.Focus()
		case key.Matches(msg, k.Audit.Refresh):
			return a, a.load()
		case key.Matches(msg, k.Nav.Down):
			a.scroll++
		case key.Matches(msg, k.Nav.Up):
			a.scroll = max(0, a.scroll-1)
		case key.Matches(msg, k.Global.Back):
			a.env.post(popMsg{})
			return a, nil
		}
	}
	return a, nil
}

func (a *auditScreen) visible() []auditRow {
	f := strings.ToLower(strings.TrimSpace(a.filter.Value()))
	if f == "" {
		return a.rows
	}
	var out []auditRow
	for _, r := range a.rows {
		if strings.Contains(strings.ToLower(r.source+" "+r.event+" "+r.target+" "+r.what+" "+r.status), f) {
			out = append(out, r)
		}
	}
	return out
}

func (a *auditScreen) View(w, h int) string {
	st := a.env.styles
	rows := a.visible()
	head := st.Label.Render("Filter ") + a.filter.View()
	lines := []string{head}
	switch {
	case a.loading:
		lines = append(lines, st.Muted.Render("Loading…"))
	case a.remote != nil && errors.Is(a.remote, client.ErrNotFound):
		lines = append(lines, st.Muted.Render(sanitize.Fit("This backend keeps no audit log over its API; the console's journal follows.", w)))
	case a.remote != nil:
		lines = append(lines, st.Error.Render(sanitize.Line("Backend audit log unavailable: "+a.remote.Error(), w)))
	case a.err != nil:
		lines = append(lines, st.Error.Render(sanitize.Line("Journal unreadable: "+a.err.Error(), w)))
	default:
		lines = append(lines, st.Muted.Render(sanitize.Fit(strconv.Itoa(len(rows))+" entries, newest first", w)))
	}
	lines = append(lines, st.Label.Render(sanitize.Fit(auditLine("TIME", "SOURCE", "EVENT", "USER", "STATUS", "DETAIL"), w)))
	a.scroll = min(a.scroll, max(0, len(rows)-max(0, h-3)))
	for _, r := range rows[a.scroll:] {
		if len(lines) >= h {
			break
		}
		t := r.time.UTC().Format("01-02 15:04:05")
		lines = append(lines, sanitize.Line(auditLine(t, r.source, r.event, r.target, r.status, r.what), w))
	}
	return strings.Join(lines, "\n")
}

func auditLine(t, source, event, target, status, what string) string {
	col := func(s string, n int) string { return pad(sanitize.Text(s), n) }
	return col(t, 15) + " " + col(source, 8) + " " + col(event, 22) + " " + col(target, 24) + " " + col(status, 6) + " " + sanitize.Text(what)
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
