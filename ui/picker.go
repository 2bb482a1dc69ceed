package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"actas/client"
	"actas/ui/sanitize"
	"actas/ui/subjecttable"
)

// searchDebounce is how long typing must pause before a search goes out.
const searchDebounce = 150 * time.Millisecond

const pageSize = 25

// picker finds users with the backend's own search and cursor paging: search as you type
// (debounced, one request in flight, stale answers dropped), the next page loaded as the
// cursor nears the end.
type picker struct {
	env     *env
	search  textinput.Model
	table   subjecttable.Model
	spinner spinner.Model

	query       string             // the search whose results are shown (or loading)
	debounce    int                // bumps on every edit; only the last edit's timer searches
	gen         int                // bumps on every new search; older answers are dropped
	cancel      context.CancelFunc // of the request in flight: a new search cancels it
	loading     bool
	loadingMore bool
	total       int
	capped      bool
	next        string
	err         error
	errMore     bool

	width, height int
}

type searchTickMsg struct{ seq int }

type searchDoneMsg struct {
	gen   int
	query string
	page  client.SubjectPage
	more  bool
	err   error
}

func newPicker(e *env) *picker {
	p := &picker{env: e, search: newInput(e, e.deps.Description.SearchHint, limitSearch),
		table:   subjecttable.New(subjecttable.DefaultStyles(e.styles.IsDark), e.deps.Clock),
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
	p.table.SetColumns(e.deps.Description.Columns)
	return p
}

func (p *picker) init() tea.Cmd { return p.startSearch("") }

func (p *picker) close() {
	if p.cancel != nil {
		p.cancel()
	}
}

func (p *picker) Title() sanitize.Safe { return p.env.Nouns() }
func (p *picker) fitsWidth() bool      { return true }
func (p *picker) Capturing() bool      { return p.search.Focused() }

func (p *picker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, w-30))
	p.table.SetSize(max(0, w-len(gutter)), max(0, h-2))
}

func (p *picker) Help() []key.Binding {
	k := p.env.keys
	if p.search.Focused() {
		return []key.Binding{k.Search.Submit, k.Search.Leave}
	}
	b := []key.Binding{k.Picker.Search, k.Picker.Open, k.Picker.Impersonate, k.Picker.ImpersonateBy}
	if p.err != nil {
		b = append(b, k.Picker.Retry)
	}
	return b
}

func (p *picker) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case searchTickMsg:
		if msg.seq != p.debounce || strings.TrimSpace(p.search.Value()) == p.query {
			return p, nil
		}
		return p, p.startSearch(strings.TrimSpace(p.search.Value()))
	case searchDoneMsg:
		return p, p.done(msg)
	case tea.PasteMsg:
		if p.search.Focused() {
			return p, p.edited(func() { pasteInto(p.env, &p.search, msg.Content) })
		}
	case spinner.TickMsg:
		if !p.loading && !p.loadingMore {
			return p, nil
		}
		var cmd tea.Cmd
		p.spinner, cmd = p.spinner.Update(msg)
		return p, cmd
	case stylesChangedMsg:
		p.table.SetStyles(subjecttable.DefaultStyles(p.env.styles.IsDark))
		p.search.SetStyles(textinput.DefaultStyles(p.env.styles.IsDark))
		return p, nil
	case tea.KeyPressMsg:
		if p.search.Focused() {
			return p, p.typing(msg)
		}
		return p, p.browsing(msg)
	}
	return p, nil
}

func (p *picker) typing(msg tea.KeyPressMsg) tea.Cmd {
	k := p.env.keys
	switch {
	case key.Matches(msg, k.Search.Leave):
		p.search.Blur()
		return nil
	case key.Matches(msg, k.Search.Submit), key.Matches(msg, k.Nav.Down):
		p.search.Blur()
		if q := strings.TrimSpace(p.search.Value()); q != p.query {
			return p.startSearch(q)
		}
		return nil
	}
	var cmd tea.Cmd
	return tea.Batch(p.edited(func() { p.search, cmd = p.search.Update(msg) }), cmd)
}

// edited runs an edit of the search and, when it changed the text, starts the debounce.
func (p *picker) edited(edit func()) tea.Cmd {
	before := p.search.Value()
	edit()
	if p.search.Value() == before {
		return nil
	}
	p.debounce++
	seq := p.debounce
	return tea.Tick(searchDebounce, func(time.Time) tea.Msg { return searchTickMsg{seq} })
}

func (p *picker) browsing(msg tea.KeyPressMsg) tea.Cmd {
	k := p.env.keys
	switch {
	case key.Matches(msg, k.Picker.Search):
		return p.search.Focus()
	case key.Matches(msg, k.Nav.Up):
		p.table.MoveUp(1)
	case key.Matches(msg, k.Nav.Down):
		p.table.MoveDown(1)
	case key.Matches(msg, k.Nav.PageUp):
		p.table.PageUp()
	case key.Matches(msg, k.Nav.PageDown):
		p.table.PageDown()
	case key.Matches(msg, k.Nav.Top):
		p.table.Top()
	case key.Matches(msg, k.Nav.Bottom):
		p.table.Bottom()
	case key.Matches(msg, k.Picker.Open):
		if s, ok := p.table.Selected(); ok {
			p.env.post(openDetailsMsg{subject: s})
			return nil
		}
	case key.Matches(msg, k.Picker.Impersonate):
		if s, ok := p.table.Selected(); ok {
			p.env.post(askActAsMsg{target: client.Target{Kind: client.ByID, Value: s.ID}, who: s})
			return nil
		}
	case key.Matches(msg, k.Picker.ImpersonateBy):
		p.env.post(promptActAsMsg{})
		return nil
	case key.Matches(msg, k.Picker.Retry) && p.err != nil:
		if p.errMore {
			return p.loadMore()
		}
		return p.startSearch(p.query)
	case key.Matches(msg, k.Global.Back) && p.query != "":
		p.search.SetValue("")
		return p.startSearch("")
	}
	if p.table.NearEnd(5) {
		return p.loadMore()
	}
	return nil
}

// startSearch cancels the search in flight, if any, and starts q: at most one request is
// in flight, and only the newest answer is shown.
func (p *picker) startSearch(q string) tea.Cmd {
	if p.cancel != nil {
		p.cancel()
	}
	p.gen++
	p.query, p.loading, p.loadingMore, p.err = q, true, false, nil
	return tea.Batch(p.fetch(client.SubjectQuery{Search: q, Limit: pageSize}, false), p.spinner.Tick)
}

func (p *picker) loadMore() tea.Cmd {
	if p.next == "" || p.loading || p.loadingMore {
		return nil
	}
	p.loadingMore, p.err = true, nil
	return tea.Batch(p.fetch(client.SubjectQuery{Search: p.query, Limit: pageSize, After: p.next}, true), p.spinner.Tick)
}

func (p *picker) fetch(q client.SubjectQuery, more bool) tea.Cmd {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	p.cancel = cancel // page loads too: at most one request in flight
	sess, gen := p.env.sess, p.gen
	return func() tea.Msg {
		defer cancel()
		page, err := sess.Search(ctx, q)
		return searchDoneMsg{gen: gen, query: q.Search, page: page, more: more, err: err}
	}
}

func (p *picker) done(msg searchDoneMsg) tea.Cmd {
	if msg.gen != p.gen {
		return nil // an answer to a search that was replaced
	}
	if msg.more {
		p.loadingMore = false
	} else {
		p.loading = false
	}
	if msg.err != nil {
		if errors.Is(msg.err, context.Canceled) {
			return nil
		}
		p.err, p.errMore = msg.err, msg.more
		if !msg.more {
			// The rows of the previous query must not stand under this one: i would act
			// on a row that does not match what the search says.
			p.table.SetRows(nil)
			p.total, p.capped, p.next = 0, false, ""
		}
		return nil
	}
	if msg.more {
		p.table.AppendRows(msg.page.Subjects)
	} else {
		p.table.SetRows(msg.page.Subjects)
	}
	p.total, p.capped, p.next = msg.page.Total, msg.page.TotalCapped, msg.page.Next
	if p.table.Len() < p.height { // a tall terminal: fill the screen
		return p.loadMore()
	}
	return nil
}

func (p *picker) count() sanitize.Safe {
	n := p.table.Len()
	if n == 0 {
		return "0 " + p.env.nouns()
	}
	plus := ""
	if p.capped {
		plus = "+"
	}
	return sanitize.Text(fmt.Sprintf("1–%d of %d%s", n, max(p.total, n), plus))
}

func (p *picker) View(w, h int) sanitize.Safe {
	st := p.env.styles
	label := st.Label.Render("Search ")
	if p.search.Focused() {
		label = st.Focused.Render("Search ")
	}
	right := p.count()
	if p.loading || p.loadingMore {
		right = sanitize.Styled(p.spinner.View()) + " " + right
	}
	left := label + inputView(p.search)
	gap := max(1, w-sanitize.Width(left)-sanitize.Width(right))
	top := fitLine(left+sanitize.Spaces(gap)+st.Muted.Render(right), w)

	var footer sanitize.Safe
	switch {
	case p.err != nil:
		footer = st.Error.Render(sanitize.Fit("Search failed: "+errText(p.err)+" (r to retry)", w))
	case !p.loading && p.table.Len() == 0 && p.query != "":
		footer = st.Muted.Render(sanitize.Fit("No "+p.env.nouns()+" match “"+sanitize.Text(p.query)+"”.", w))
	case !p.loading && p.table.Len() == 0:
		footer = st.Muted.Render("No " + p.env.nouns() + ".")
	case p.loadingMore:
		footer = st.Muted.Render("Loading more…")
	}
	return top + "\n" + indent(sanitize.Styled(p.table.View())) + "\n" + footer
}

// gutter keeps rows off the first column, where only the console's own text starts: a
// user named "IMPERSONATING …" cannot line up like the banner.
const gutter = "  "

func indent(s sanitize.Safe) sanitize.Safe {
	return gutter + sanitize.Join(sanitize.Lines(s), "\n"+gutter)
}
