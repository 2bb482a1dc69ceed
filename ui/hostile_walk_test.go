package ui

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/ui/sanitize"
)

// The permanent hostile-backend walk (issue 7, sections 1 and 2): the demo backend in
// hostile mode appends escape sequences, every control character, bidi controls, a forged
// banner, a pile of combining marks, a wall of wide characters and invalid UTF-8 to every
// string it serves, and adds a hostile preference and a hostile header to its answers.
// The walk goes through every screen and state and checks every frame the console draws
// (after every message, as Bubble Tea would draw it) with the frame checker
// (checkSafeFrame, frame_check_test.go), with colour and without.

// walker drives a harness through the screens and checks every frame.
type walker struct {
	t        *testing.T
	w        *world
	h        *harness
	k        KeyMap
	target   client.Subject // the user acted as, as the backend serves them
	acting   walkState
	frames   int // frames checked
	skipped  int // frames drawn again unchanged, not checked twice
	checked  map[uint64]bool
	report   *dedup
	operator string            // the operator's email, as the banner names them
	lastRaw  string            // the frame checked last
	last     map[string]string // WALK_DUMP: the last frame of each step
	order    []string
}

type walkState int

const (
	notActing walkState = iota
	starting            // the banner may or may not be up yet
	acting
)

var frameSeed = maphash.MakeSeed()

func newWalker(t *testing.T, w *world, h *harness) *walker {
	wk := &walker{t: t, w: w, h: h, k: DefaultKeyMap(), checked: map[uint64]bool{}, report: &dedup{t: t, seen: map[string]bool{}},
		operator: demo.OperatorEmail}
	t.Cleanup(func() {
		if n := wk.report.suppressed; n > 0 {
			t.Logf("%d more frames broke the same rules as those reported", n)
		}
	})
	return wk
}

// expect is who the banner must name now (zero: nobody).
func (wk *walker) expect() client.Subject {
	switch {
	case wk.acting == acting, wk.acting == starting && wk.h.m.active != nil:
		return wk.target
	}
	return client.Subject{}
}

// dedup reports each set of broken rules once, with the first step that broke them, so
// that one bug does not bury the others under a thousand frames.
type dedup struct {
	t          *testing.T
	seen       map[string]bool
	suppressed int
}

func (d *dedup) Helper() { d.t.Helper() }
func (d *dedup) Errorf(format string, args ...any) {
	d.t.Helper()
	msg := fmt.Sprintf(format, args...)
	profile := ""
	if i, j := strings.Index(msg, " ("), strings.Index(msg, "): "); i >= 0 && j > i {
		profile = msg[i:j]
	}
	k := profile + strings.Join(tags(strings.Split(msg, "\n  ")), "")
	if d.seen[k] {
		d.suppressed++
		return
	}
	d.seen[k] = true
	d.t.Error(msg)
}

// check checks the frame the model draws now (with colour and without), unless that very
// frame was checked before.
func (wk *walker) check(where string) {
	wk.t.Helper()
	f := snap(where, wk.h.m)
	wk.lastRaw = f.raw
	want := identityWant{sub: wk.expect(), operator: wk.operator, noEmail: !wk.h.m.env.subjectsHaveEmail()}
	if a := wk.h.m.active; a != nil && want.impersonating() {
		want.scope = a.Target.Scope
	}
	var hash maphash.Hash
	hash.SetSeed(frameSeed)
	fmt.Fprintf(&hash, "%d %d %s %s %s\x00%s\x00", f.width, f.height, want.sub.ID, want.sub.Email, want.scope, f.title)
	hash.WriteString(f.raw)
	if sum := hash.Sum64(); wk.checked[sum] {
		wk.skipped++
	} else {
		wk.checked[sum] = true
		wk.frames++
		checkTakenFrame(wk.report, f, want)
	}
	if d := os.Getenv("WALK_DUMP"); d != "" && strings.Contains(where, d) { // a step's last frame, for debugging
		if wk.last == nil {
			wk.last = map[string]string{}
			wk.t.Cleanup(func() {
				for _, w := range wk.order {
					wk.t.Logf("=== %s\n%s", w, wk.last[w])
				}
			})
		}
		if _, ok := wk.last[where]; !ok {
			wk.order = append(wk.order, where)
		}
		wk.last[where] = ansi.Strip(f.raw)
	}
}

// resize is the terminal resized, as Bubble Tea reports it.
func (wk *walker) resize(where string, width, height int) {
	wk.t.Helper()
	wk.h.send(tea.WindowSizeMsg{Width: width, Height: height})
	wk.check(where)
}

// dialogFits says whether the open dialog is shown whole, so that it can be confirmed.
func dialogFits(d dialog) bool {
	switch d := d.(type) {
	case *actAsDialog:
		return d.fits
	case *elevateDialog:
		return d.fits
	case *writeDialog:
		return d.fits
	}
	return true
}

// confirm presses yes on the open dialog. A dialog that cannot be shown whole at this
// size must refuse it; then the terminal is enlarged, as the dialog asks, the dialog is
// confirmed there, and the terminal gets its size back.
func (wk *walker) confirm(where string, yes key.Binding) {
	wk.t.Helper()
	d := wk.h.m.dialog
	if d == nil {
		wk.t.Fatalf("%s: no dialog:\n%s", where, wk.h.screen())
	}
	wk.check(where)
	if dialogFits(d) {
		wk.press(where, yes)
		return
	}
	wk.press(where+", too small to confirm", yes)
	if wk.h.m.dialog != d {
		wk.t.Errorf("%s: a dialog that cannot be seen whole was confirmed:\n%s", where, wk.h.screen())
		return
	}
	width, height := wk.h.m.width, wk.h.m.height
	wk.resize(where+", enlarged", 200, 60)
	defer wk.resize(where+", size given back", width, height)
	if !dialogFits(d) {
		wk.t.Fatalf("%s: the dialog cannot be shown whole even at 200x60:\n%s", where, wk.h.screen())
	}
	wk.press(where+", enlarged", yes)
}

// delivered says whether the harness hands msg to Update (it drops the ticks that only
// animate, and splits batches): only then can the frame change.
func delivered(msg tea.Msg) bool {
	switch msg.(type) {
	case nil, tea.BatchMsg, spinner.TickMsg, cursor.BlinkMsg, bannerTickMsg, tea.QuitMsg:
		return false
	}
	n := typeName(msg)
	return !strings.HasSuffix(n, "initialBlinkMsg") && !strings.HasSuffix(n, "blinkCanceled")
}

// press presses a key by its binding and checks the frame it leads to.
func (wk *walker) press(where string, b key.Binding) {
	wk.t.Helper()
	wk.h.press(b)
	wk.check(where)
}

func (wk *walker) typeText(where, s string) {
	wk.t.Helper()
	for _, r := range s {
		wk.h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		wk.check(where)
	}
}

func (wk *walker) paste(where, s string) {
	wk.t.Helper()
	wk.h.send(tea.PasteMsg{Content: s})
	wk.check(where)
}

// until delivers messages as they arrive, checking the frame after each, until cond holds.
func (wk *walker) until(where string, cond func(Model) bool) {
	wk.t.Helper()
	deadline := time.After(20 * time.Second)
	for !cond(wk.h.m) {
		select {
		case msg := <-wk.h.msgs:
			wk.h.send(msg)
			if delivered(msg) {
				wk.check(where)
			}
		case <-deadline:
			wk.t.Fatalf("%s: timed out; screen:\n%s", where, wk.h.screen())
		}
	}
	wk.check(where)
}

// scrollThrough presses b until the frame stops changing: the end of what there is.
func (wk *walker) scrollThrough(where string, b key.Binding, most int) int {
	wk.t.Helper()
	wk.check(where)
	before := wk.lastRaw
	for i := 0; i < most; i++ {
		wk.press(fmt.Sprintf("%s (%s ×%d)", where, b.Help().Key, i+1), b)
		if wk.lastRaw == before {
			return i
		}
		before = wk.lastRaw
	}
	wk.t.Errorf("%s: still scrolling after %d presses of %s", where, most, b.Help().Key)
	return most
}

func pickerOf(m Model) *picker { return m.stack[0].(*picker) }

func topIs[S screen](m Model) bool { _, ok := m.top().(S); return ok }

// search types q into the picker's search and waits for its first page.
func (wk *walker) search(where, q string) {
	wk.t.Helper()
	wk.press(where+": search", wk.k.Picker.Search)
	for range []rune(pickerOf(wk.h.m).search.Value()) {
		wk.h.key("backspace")
		wk.check(where + ": search cleared")
	}
	wk.typeText(where+": typing", q)
	wk.press(where+": search submitted", wk.k.Search.Submit)
	wk.until(where+": results", func(m Model) bool {
		p := pickerOf(m)
		return p.query == q && !p.loading
	})
}

// selectRow moves the picker's cursor to the user with this id.
func (wk *walker) selectRow(where, id string) {
	wk.t.Helper()
	p := pickerOf(wk.h.m)
	for i := 0; i < p.table.Len(); i++ {
		if s, ok := p.table.Selected(); ok && s.ID == id {
			return
		}
		wk.press(where, wk.k.Nav.Down)
	}
	wk.t.Fatalf("%s: no row for %q:\n%s", where, id, wk.h.screen())
}

// served is a user as the backend serves them now (hostile mode included), read with the
// API key and decoded as any JSON client decodes it.
func (w *world) served(t *testing.T, id string) client.Subject {
	t.Helper()
	req, _ := http.NewRequest("GET", w.url+"/users/"+id, nil)
	req.Header.Set("X-Appwrite-Project", demo.DefaultProject)
	req.Header.Set("X-Appwrite-Key", w.srv.APIKey())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var u struct {
		ID    string `json:"$id"`
		Name  string `json:"name"`
		Email string `json:"email"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&u); err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /users/%s: %d %v", id, resp.StatusCode, err)
	}
	return client.Subject{ID: u.ID, Name: u.Name, Email: u.Email}
}

// walkOptions shape one walk.
type walkOptions struct {
	width, height int
	hostile       string
	// brief leaves out what the short string walks at every size (the whole list and its
	// paging, the failing and empty searches, the prompt, the write, typing the audit
	// filter, the hostile ids): with the full string a page of users is about 20 MB, and
	// every frame of the console measures lines of 40 KB.
	brief bool
}

// hostileWalk is the whole walk at one size; it says how many frames it checked.
func hostileWalk(t *testing.T, o walkOptions) string {
	w := newWorld(t)
	h := newHarness(t, w.deps, o.width, o.height)
	wk := newWalker(t, w, h)
	k := wk.k
	wk.check("login")
	h.signIn()
	w.srv.SetKnobs(demo.Knobs{Hostile: o.hostile})
	wk.target = w.served(t, demo.AdaID) // the user with devices and activity
	if !strings.HasPrefix(wk.target.Name, "Ada Lovelace") || !strings.HasSuffix(wk.target.Name, "\uFFFD") {
		t.Fatalf("the backend is not hostile: %q", wk.target.Name)
	}
	details := func(m Model) bool { d, ok := m.top().(*detailsScreen); return ok && !d.loading }

	// The picker: the whole list, hostile; a search typed and its results.
	wk.search("picker", "lovelace")
	if pickerOf(h.m).table.Len() == 0 {
		t.Fatalf("no results:\n%s", h.screen())
	}
	if !o.brief {
		wk.press("picker, search cleared", k.Global.Back)
		wk.until("picker, list", func(m Model) bool { p := pickerOf(m); return p.query == "" && !p.loading && !p.loadingMore })
		wk.search("picker, no results", "qqq")
		if pickerOf(h.m).table.Len() != 0 {
			t.Fatalf("results for nonsense:\n%s", h.screen())
		}
		w.srv.Inject("/v1/users", 10, demo.Fault{Status: 500})
		wk.search("picker, failing search", "x")
		if pickerOf(h.m).err == nil {
			t.Fatalf("the search did not fail:\n%s", h.screen())
		}
		for i := 0; pickerOf(h.m).err != nil; i++ { // retried until the 10 faults are spent
			if i > 12 {
				t.Fatalf("the search keeps failing:\n%s", h.screen())
			}
			wk.press("picker, retry", k.Picker.Retry)
			wk.until("picker, retried", func(m Model) bool { return !pickerOf(m).loading })
		}
		wk.press("picker, search cleared", k.Global.Back)
		wk.until("picker, list", func(m Model) bool { p := pickerOf(m); return p.query == "" && !p.loading && !p.loadingMore })
		for i := 0; i < 2; i++ {
			wk.press("picker, list, page down", k.Nav.PageDown)
			wk.until("picker, list, next page", func(m Model) bool { return !pickerOf(m).loadingMore })
		}
		wk.press("picker, list, bottom", k.Nav.Bottom)
		wk.until("picker, list, next page", func(m Model) bool { return !pickerOf(m).loadingMore })
		wk.press("picker, list, top", k.Nav.Top)

		// The target prompt: a hostile paste, then a lookup that finds nobody, and the
		// whole of its message.
		wk.press("prompt", k.Picker.ImpersonateBy)
		wk.until("prompt", topIs[*targetPrompt])
		wk.paste("prompt, hostile paste", o.hostile)
		wk.press("prompt, hostile target submitted", k.Prompt.Submit)
		wk.until("prompt, hostile target", func(m Model) bool { p, ok := m.top().(*targetPrompt); return !ok || !p.looking })
		if h.m.dialog != nil {
			wk.press("act-as dialog for a pasted target, cancelled", k.ActAs.No)
		}
		if topIs[*targetPrompt](h.m) {
			wk.press("prompt, left", k.Prompt.Leave)
		}
		wk.until("picker", topIs[*picker])
		wk.press("prompt", k.Picker.ImpersonateBy)
		wk.typeText("prompt, typing", "nobody@example.com")
		wk.press("prompt, lookup", k.Prompt.Submit)
		wk.until("prompt, nobody found", func(m Model) bool { p, ok := m.top().(*targetPrompt); return ok && !p.looking && m.status.isErr })
		wk.press("whole-message overlay, lookup", k.Global.Why)
		if h.m.overlay != whyOverlay {
			t.Errorf("ctrl+o did not open the whole message:\n%s", h.screen())
		}
		wk.press("whole-message overlay, closed", k.Global.Why)
		wk.press("prompt, left", k.Prompt.Leave)
		wk.until("picker", topIs[*picker])
	}
	wk.search("picker", "lovelace")

	// User details and the act-as dialog, with a hostile reason pasted.
	wk.selectRow("picker, to ada", demo.AdaID)
	wk.press("details", k.Picker.Open)
	wk.until("details", details)
	wk.press("details, refresh", k.Details.Refresh)
	wk.until("details, refreshed", details)
	wk.press("act-as dialog", k.Details.Impersonate)
	if _, ok := h.m.dialog.(*actAsDialog); !ok {
		t.Fatalf("no act-as dialog:\n%s", h.screen())
	}
	wk.paste("act-as dialog, hostile reason", o.hostile)
	wk.acting = starting
	wk.confirm("act-as dialog", k.ActAs.Yes)
	wk.until("their view", func(m Model) bool { a, ok := m.top().(*actingAs); return ok && a.loaded && !a.loading })
	wk.acting = acting

	// Their view, scrolled through: hostile preference keys and values, devices, activity.
	if !o.brief { // line by line, then page by page
		wk.scrollThrough("their view", k.Nav.Down, 400)
		wk.press("their view, page up", k.Nav.PageUp)
		wk.press("their view, page up", k.Nav.PageUp)
	}
	wk.scrollThrough("their view", k.Nav.PageDown, 100)
	wk.press("help overlay", k.Global.Help)
	if h.m.overlay != helpOverlay {
		t.Errorf("no help overlay:\n%s", h.screen())
	}
	wk.press("help overlay, closed", k.Global.Back)

	// The actions menu, every entry opening the request console on a hostile answer.
	wk.press("actions menu", k.Details.Actions)
	wk.until("actions menu", topIs[*actionsScreen])
	for i, act := range actionsMenu(wk.h.m.env) {
		if i > 0 {
			wk.press("actions menu, next", k.Nav.Down)
		}
		where := "console: " + act.label
		wk.press(where, k.Actions.Open)
		wk.until(where, topIs[*requestConsole])
		c := h.m.top().(*requestConsole)
		if act.path == "" {
			wk.press(where+", sent", k.Console.Send)
		}
		wk.until(where+", answer", func(Model) bool { return !c.sending })
		if c.resp == nil {
			t.Errorf("%s: no answer (%v):\n%s", where, c.err, h.screen())
		} else if c.resp.Header.Get(demo.HeaderHostile) == "" {
			t.Errorf("%s: the answer has no hostile header: the backend is not hostile", where)
		}
		if c.focus != consoleResponse {
			wk.press(where+", to the answer", k.Console.Answer)
		}
		wk.scrollThrough(where+", scrolled", k.Nav.PageDown, 5000)
		if !o.brief {
			wk.scrollThrough(where+", scrolled", k.Nav.Down, 50)
		}
		if act.path != "" {
			wk.press("actions menu, back", k.Global.Back)
			wk.until("actions menu", topIs[*actionsScreen])
		}
	}
	wk.press("console, copied", k.Console.Copy)

	// The elevation dialog, then a write in the console and its dialog.
	wk.press("elevation dialog", k.Global.Write)
	if _, ok := h.m.dialog.(*elevateDialog); !ok {
		t.Fatalf("no elevation dialog:\n%s", h.screen())
	}
	wk.confirm("elevation dialog", k.Elevate.Yes)
	wk.until("elevated", func(m Model) bool { return m.active != nil && m.active.Write })
	c := h.m.top().(*requestConsole)
	if !o.brief {
		wk.press("console, method", k.Console.Next)
		for range c.inputs[consoleMethod].Value() {
			h.key("backspace")
			wk.check("console, method")
		}
		wk.typeText("console, method", "PATCH")
		wk.press("console, path", k.Console.Next)
		wk.typeText("console, path", "/prefs")
		wk.press("console, body", k.Console.Next)
		wk.typeText("console, body", `{"prefs":{"theme":"light"}}`)
		wk.press("write dialog", k.Console.Send)
		if _, ok := h.m.dialog.(*writeDialog); !ok {
			t.Fatalf("no write dialog:\n%s", h.screen())
		}
		wk.paste("write dialog, hostile paste", o.hostile)
		wk.press("write dialog, wrong confirmation", k.Write.Yes)
		if h.m.dialog == nil {
			t.Fatalf("a write confirmed with the hostile text:\n%s", h.screen())
		}
		wk.press("write dialog, cancelled", k.Write.No)
		wk.press("write dialog", k.Console.Send)
		wk.typeText("write dialog, typing", wk.target.ID)
		wk.confirm("write dialog", k.Write.Yes)
		wk.until("console, write answer", func(Model) bool { return !c.sending })
		if c.resp == nil || c.resp.Status != 200 {
			t.Errorf("the write got no answer (%v):\n%s", c.err, h.screen())
		}
		wk.press("console, to the answer", k.Console.Answer)
		wk.scrollThrough("console, write answer, scrolled", k.Nav.PageDown, 5000)
	}
	wk.press("actions menu, back", k.Global.Back)
	wk.until("actions menu", topIs[*actionsScreen])
	wk.press("their view, back", k.Global.Back)
	wk.until("their view", topIs[*actingAs])

	// The audit screen: the backend's (hostile) log and the journal, scrolled, filtered.
	wk.press("audit", k.Global.Audit)
	wk.until("audit", func(m Model) bool { a, ok := m.top().(*auditScreen); return ok && !a.loading })
	wk.scrollThrough("audit, scrolled", k.Nav.Down, 400)
	wk.press("audit, filter", k.Audit.Filter)
	if !o.brief {
		wk.typeText("audit, filter typing", "get")
	}
	wk.paste("audit, filter, hostile paste", o.hostile)
	wk.press("audit, filter applied", k.Filter.Submit)
	wk.press("audit, back", k.Global.Back)
	wk.until("their view", topIs[*actingAs])

	// Stop: back at the picker, the status saying whom it stopped acting as.
	wk.acting = notActing
	wk.press("stopped", k.Global.Stop)
	if h.m.active != nil || !strings.Contains(string(h.m.status.text), "Stopped acting as") {
		t.Errorf("not stopped:\n%s", h.screen())
	}
	// A refused impersonation (a blocked user): one line, and the whole of the backend's
	// (hostile) message one key away.
	wk.refusedAs("blocked user", "mallory", demo.BlockedID)
	if o.brief {
		return wk.stats()
	}
	// The same message with the forged banner after a space, where a wrap may start a
	// line with it.
	w.srv.SetKnobs(demo.Knobs{Hostile: " " + demo.ForgedBanner})
	wk.refusedAs("blocked user, forged banner after a space", "mallory", demo.BlockedID)
	w.srv.SetKnobs(demo.Knobs{Hostile: o.hostile})

	// Hostile ids: the picker, the details and an act-as attempt, refused in one line.
	w.srv.SetKnobs(demo.Knobs{Hostile: o.hostile, HostileIDs: true})
	wk.search("picker, hostile ids", "lovelace")
	p := pickerOf(h.m)
	for i := 0; ; i++ {
		if s, ok := p.table.Selected(); ok && strings.HasPrefix(s.Email, demo.AdaEmail) {
			break
		}
		if i > p.table.Len() {
			t.Fatalf("ada is not listed:\n%s", h.screen())
		}
		wk.press("picker, hostile ids", k.Nav.Down)
	}
	wk.press("details, hostile ids", k.Picker.Open)
	wk.until("details, hostile ids", details)
	wk.press("act-as dialog, hostile ids", k.Details.Impersonate)
	if h.m.dialog == nil {
		t.Fatalf("no act-as dialog:\n%s", h.screen())
	}
	wk.typeText("act-as dialog, hostile ids", "HELP-7")
	wk.refused("act-as, hostile ids")
	return wk.stats()
}

func (wk *walker) stats() string {
	return fmt.Sprintf("%d distinct frames checked with colour and without (%d redrawn unchanged)", wk.frames, wk.skipped)
}

// refusedAs asks to act as the user with this id, found by searching q, and expects a
// refusal.
func (wk *walker) refusedAs(where, q, id string) {
	wk.t.Helper()
	wk.search(where, q)
	wk.selectRow(where, id)
	wk.press(where+", act-as dialog", wk.k.Picker.Impersonate)
	if _, ok := wk.h.m.dialog.(*actAsDialog); !ok {
		wk.t.Fatalf("%s: no act-as dialog:\n%s", where, wk.h.screen())
	}
	wk.typeText(where+", act-as dialog", "HELP-8")
	wk.refused(where)
}

// refused confirms the open act-as dialog and expects the refusal in one line, no banner,
// and the whole message one key away (ctrl+o).
func (wk *walker) refused(where string) {
	wk.t.Helper()
	h := wk.h
	wk.acting = starting
	wk.confirm(where+", act-as dialog", wk.k.ActAs.Yes)
	wk.until(where+", refused", func(m Model) bool {
		return m.attempt == nil && m.status.text != "" && !strings.HasPrefix(string(m.status.text), "Asking")
	})
	wk.acting = notActing
	wk.check(where + ", refused")
	if h.m.active != nil || !h.m.status.isErr {
		wk.t.Errorf("%s: not refused (active %v):\n%s", where, h.m.active != nil, h.screen())
	}
	if n := len(sanitize.Lines(h.m.statusView())); n != 1 {
		wk.t.Errorf("%s: the refusal takes %d lines:\n%s", where, n, h.screen())
	}
	if h.m.status.full == "" {
		return
	}
	wk.press(where+", whole-message overlay", wk.k.Global.Why)
	if h.m.overlay != whyOverlay {
		wk.t.Errorf("%s: ctrl+o did not open the whole message:\n%s", where, h.screen())
	}
	wk.press(where+", whole-message overlay closed", wk.k.Global.Why)
}

func TestHostileBackendWalk(t *testing.T) {
	start := time.Now()
	short := demo.ShortHostileString()
	for _, size := range [][2]int{{30, 8}, {40, 12}, {80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			began := time.Now()
			n := hostileWalk(t, walkOptions{width: size[0], height: size[1], hostile: short})
			t.Logf("%s in %s", n, time.Since(began).Round(time.Millisecond))
		})
	}
	t.Run("120x40 full hostile string", func(t *testing.T) {
		t.Parallel()
		began := time.Now()
		n := hostileWalk(t, walkOptions{width: 120, height: 40, hostile: demo.HostileString(), brief: true})
		t.Logf("%s in %s", n, time.Since(began).Round(time.Millisecond))
	})
	t.Cleanup(func() { t.Logf("the whole walk took %s", time.Since(start).Round(time.Millisecond)) })
}
