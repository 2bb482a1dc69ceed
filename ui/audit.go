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
	skipped int // journal lines that could not be read
	gen     int
	scroll  int
	height  int
}

type auditRow struct {
	time                        time.Time
	source, event, target, what string
	status                      string
	hay                         string // what the filter searches, lower-cased once
}

// searchable is what the filter looks in: the row's fields, lower-cased, each read up to
// 1 KB (a hostile 40 KB field must not slow every key of the filter).
func (r auditRow) searchable() string {
	var b strings.Builder
	for _, f := range []string{r.source, r.event, r.target, r.what, r.status} {
		if len(f) > 1<<10 {
			f = f[:1<<10]
		}
		b.WriteString(strings.ToLower(f))
		b.WriteByte(' ')
	}
	return b.String()
}

type auditMsg struct {
	gen     int
	rows    []auditRow
	remote  error
	err     error
	skipped int
}

const auditLimit = 100

func newAudit(e *env) *auditScreen {
	return &auditScreen{env: e, filter: newInput(e, "event, "+string(e.noun())+", path…", limitFilter)}
}

func (a *auditScreen) init() tea.Cmd { return a.load() }

func (a *auditScreen) load() tea.Cmd {
	a.gen++
	a.loading = true
	sess, journal, gen := a.env.sess, a.env.deps.Journal, a.gen
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		msg := auditMsg{gen: gen}
		remote, err := sess.OperatorAudit(ctx, auditLimit)
		msg.remote = err
		for _, e := range remote {
			msg.rows = append(msg.rows, remoteRow(e))
		}
		if journal != nil {
			entries, skipped, err := session.ReadJournal(journal.Path())
			msg.err, msg.skipped = err, skipped
			msg.rows = append(msg.rows, journalRows(entries)...)
		}
		sort.SliceStable(msg.rows, func(i, j int) bool { return msg.rows[i].time.After(msg.rows[j].time) })
		for i := range msg.rows {
			msg.rows[i].hay = msg.rows[i].searchable()
		}
		return msg
	}
}

func remoteRow(e client.AuditEntry) auditRow {
	if e.Method != "" { // what an impersonated request did, as the backend recorded it
		r := auditRow{time: e.Time, source: "backend", event: e.Event, target: e.Target, what: e.Method + " " + e.Path}
		if e.Scope != "" {
			r.what += " · in " + e.Scope
		}
		r.what += " · by " + first(e.ActorEmail, e.ActorID)
		if e.Status != 0 {
			r.status = strconv.Itoa(e.Status)
		}
		return r
	}
	return auditRow{time: e.Time, source: "backend", event: e.Event, target: e.ActorEmail, what: strings.TrimSpace(e.IP + " " + e.Client)}
}

// journalRows are the journal's entries as rows, one per request with its answer.
func journalRows(entries []session.Entry) []auditRow {
	answered := session.Answered(entries)
	rows := make([]auditRow, len(answered))
	for i, e := range answered {
		rows[i] = localRow(e)
	}
	return rows
}

func localRow(e session.Entry) auditRow {
	r := auditRow{time: e.Time, source: "console", event: e.Event, target: first(e.TargetName, e.Target, e.NamedAs, e.Operator)}
	switch {
	case e.Method != "":
		r.what = e.Method + " " + e.Path
		if e.Scope != "" {
			r.what += " · in " + e.Scope
		}
	case e.Why != "":
		r.what = "why: " + e.Why
	case e.NamedAs != "":
		r.what = "named by " + e.NamedBy + " " + e.NamedAs
	case e.Detail != "":
		r.what = e.Detail
	case e.Via != "":
		r.what = "via " + e.Via
	}
	if e.Attempt > 1 {
		r.what += " (sent " + strconv.Itoa(e.Attempt) + " times)"
	}
	if e.Reason != "" {
		r.what += " · reason: " + e.Reason
	}
	if e.Status != 0 {
		r.status = strconv.Itoa(e.Status)
	}
	return r
}

func (a *auditScreen) Title() sanitize.Safe { return "Audit" }
func (a *auditScreen) Capturing() bool      { return a.filter.Focused() }
func (a *auditScreen) SetSize(w, h int)     { a.height = h; a.filter.SetWidth(max(10, min(40, w-12))) }
func (a *auditScreen) Help() []key.Binding {
	k := a.env.keys
	if a.filter.Focused() {
		return []key.Binding{k.Filter.Submit, k.Filter.Leave}
	}
	return []key.Binding{k.Audit.Filter, k.Audit.Refresh, k.Nav.Down, k.Global.Back}
}

func (a *auditScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case auditMsg:
		if msg.gen == a.gen {
			a.loading, a.rows, a.remote, a.err, a.skipped = false, msg.rows, msg.remote, msg.err, msg.skipped
		}
	case tea.PasteMsg:
		if a.filter.Focused() {
			pasteInto(a.env, &a.filter, msg.Content)
			a.scroll = 0
		}
	case tea.KeyPressMsg:
		k := a.env.keys
		if a.filter.Focused() {
			if key.Matches(msg, k.Filter.Leave) || key.Matches(msg, k.Filter.Submit) {
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
		if strings.Contains(r.hay, f) {
			out = append(out, r)
		}
	}
	return out
}

func (a *auditScreen) View(w, h int) sanitize.Safe {
	st := a.env.styles
	rows := a.visible()
	head := st.Label.Render("Filter ") + inputView(a.filter)
	lines := []sanitize.Safe{head}
	switch {
	case a.loading:
		lines = append(lines, st.Muted.Render("Loading…"))
	case a.remote != nil && errors.Is(a.remote, client.ErrNotFound):
		lines = append(lines, st.Muted.Render(sanitize.Fit("This backend keeps no audit log over its API; the console's journal follows.", w)))
	case a.remote != nil:
		lines = append(lines, st.Error.Render(sanitize.Fit("Backend audit log unavailable: "+errText(a.remote), w)))
	case a.err != nil:
		lines = append(lines, st.Error.Render(sanitize.Fit("Journal unreadable: "+errText(a.err), w)))
	default:
		lines = append(lines, st.Muted.Render(sanitize.Fit(sanitize.Text(strconv.Itoa(len(rows))+" entries, newest first"), w)))
	}
	if a.skipped > 0 {
		lines = append(lines, st.Error.Render(sanitize.Fit(sanitize.Text(strconv.Itoa(a.skipped)+" journal lines could not be read and are not shown"), w)))
	}
	lines = append(lines, st.Label.Render(sanitize.Fit(auditLine("TIME", "SOURCE", "EVENT", strings.ToUpper(string(a.env.noun())), "STATUS", "DETAIL"), w)))
	a.scroll = min(a.scroll, max(0, len(rows)-max(0, h-3)))
	for _, r := range rows[a.scroll:] {
		if len(lines) >= h {
			break
		}
		t := r.time.UTC().Format("01-02 15:04:05")
		lines = append(lines, sanitize.Fit(auditLine(t, r.source, r.event, r.target, r.status, r.what), w))
	}
	return sanitize.Join(lines, "\n")
}

func auditLine(t, source, event, target, status, what string) sanitize.Safe {
	col := func(s string, n int) sanitize.Safe { return sanitize.Pad(sanitize.Short(s), n) }
	return col(t, 15) + " " + col(source, 8) + " " + col(event, 22) + " " + col(target, 24) + " " + col(status, 6) + " " + sanitize.Short(what)
}

func first(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
