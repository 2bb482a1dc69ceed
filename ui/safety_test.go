package ui

import (
	"net/http"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/keyring"
	"actas/session"
)

// admin sends a request with the demo's API key: an administrator acting elsewhere.
func (w *world) admin(t *testing.T, method, path, body string) {
	t.Helper()
	req, _ := http.NewRequest(method, w.url+path, strings.NewReader(body))
	req.Header.Set("X-Appwrite-Project", demo.DefaultProject)
	req.Header.Set("X-Appwrite-Key", w.srv.APIKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %v %v", method, path, resp, err)
	}
	resp.Body.Close()
}

func sentAsUser(w *world, from int) []demo.Seen {
	var out []demo.Seen
	for _, s := range w.srv.Seen()[from:] {
		if s.Impersonating() {
			out = append(out, s)
		}
	}
	return out
}

// ctrl+x pressed before the start command has run: the attempt was registered in Update,
// so the command, run afterwards, sends nothing as the user.
func TestStopBeforeTheStartCommandRunsSendsNothing(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.m = update(h.m, askActAsMsg{target: adaTarget})
	model, held := h.m.Update(keyPress(keys.ActAs.Yes.Keys()[0])) // the command is held back
	h.m = model.(Model)
	if h.m.attempt == nil || held == nil {
		t.Fatal("no attempt registered")
	}
	mark := len(w.srv.Seen())
	h.press(keys.Global.Stop)
	runAll(h, held) // now the held command runs
	if got := sentAsUser(w, mark); len(got) != 0 {
		t.Fatalf("sent as the user after the stop: %+v", got)
	}
	if h.m.active != nil || !strings.Contains(h.screen(), "Impersonation cancelled.") {
		t.Fatalf("\n%s", h.screen())
	}
}

// runAll runs a command and every command its messages lead to, synchronously.
func runAll(h *harness, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runAll(h, c)
		}
	case nil:
	default:
		h.send(msg)
	}
}

func TestStopFromTheHelpLandsOnThePicker(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.press(keys.Global.Help)
	h.press(keys.Global.Stop)
	if _, ok := h.m.top().(*picker); !ok || h.m.overlay != noOverlay || strings.Contains(h.screen(), "any key closes this help") {
		t.Fatalf("not the picker:\n%s", h.screen())
	}
}

// A refused switch says it was refused, and that the first impersonation ended.
func TestRefusedSwitchIsNotOverwritten(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.m = update(h.m, askActAsMsg{target: client.Target{Kind: client.ByEmail, Value: demo.BlockedEmail}})
	h.press(keys.ActAs.Yes)
	h.untilScreen("Refused: that user is blocked.")
	if !strings.Contains(h.screen(), "Stopped acting as ada@example.com (ada)") || h.m.active != nil {
		t.Fatalf("\n%s", h.screen())
	}
}

// A search that fails must not leave the previous query's rows under the new query.
func TestFailedSearchClearsTheRows(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	w.srv.Inject("/v1/users", 10, demo.Fault{Status: 500})
	h.press(keys.Picker.Search)
	h.typeText("zzz")
	h.press(keys.Search.Submit)
	h.untilScreen("Search failed")
	p := h.m.top().(*picker)
	if p.table.Len() != 0 || strings.Contains(h.screen(), "Ada Lovelace") {
		t.Fatalf("%d rows stay under a failed search:\n%s", p.table.Len(), h.screen())
	}
	h.press(keys.Picker.Impersonate)
	if h.m.dialog != nil {
		t.Fatal("i acted on a row that is not shown")
	}
}

// The operator's session is revoked elsewhere while acting as a user: the banner and
// everything shown as them go, the stop is journaled, and the console asks to sign in.
func TestRevokedSessionGoesBackToTheSignIn(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.untilScreen("Their sessions")
	w.admin(t, "DELETE", "/users/"+demo.OperatorID+"/sessions", "")
	h.press(keys.Details.Refresh)
	h.until("the sign-in form", func(m Model) bool { _, ok := m.top().(*loginScreen); return ok })
	if h.m.active != nil || strings.Contains(h.screen(), "IMPERSONATING") || !strings.Contains(h.screen(), "sign in again") ||
		strings.Contains(h.screen(), "support@example.com ·") {
		t.Fatalf("\n%s", h.screen())
	}
	got, _, _ := session.ReadJournal(w.journal)
	if names := eventNames(got); !strings.HasSuffix(names, "impersonation.stop session.ended") {
		t.Fatalf("journal: %s", names)
	}
}

func eventNames(entries []session.Entry) string {
	var names []string
	for _, e := range entries {
		if e.Event != session.EventRequest && e.Event != session.EventResponse {
			names = append(names, e.Event)
		}
	}
	return strings.Join(names, " ")
}

// The operator loses the capability: the actions menu's Account would come back as the
// operator's own. It is not shown, and the impersonation ends saying why.
func TestOperatorsOwnDataIsNeverShownAsTheirs(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.untilScreen("Their sessions")
	h.press(keys.Details.Actions)
	h.untilScreen("Request console")
	w.admin(t, "PATCH", "/users/"+demo.OperatorID+"/impersonator", `{"impersonator":false}`)
	h.press(keys.Actions.Open) // Account
	h.untilScreen("the backend stopped acting as the user")
	if h.m.active != nil || strings.Contains(h.screen(), `"email": "support@example.com"`) || strings.HasPrefix(h.screen(), "IMPERSONATING") {
		t.Fatalf("\n%s", h.screen())
	}
}

// With the journal unable to take a line, nothing more goes out as the user: the
// impersonation stops and the screen says why.
func TestJournalFailureStopsAndSaysSo(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.untilScreen("Their sessions")
	w.deps.Journal.Close() // as a full disk would
	mark := len(w.srv.Seen())
	h.press(keys.Details.Refresh)
	h.untilScreen("the journal could not be written")
	if h.m.active != nil || len(sentAsUser(w, mark)) != 0 {
		t.Fatalf("%d sent as the user\n%s", len(sentAsUser(w, mark)), h.screen())
	}
}

// A bracketed paste goes into whichever input has focus, up to its limit, with a note
// when some was left out.
func TestPasteGoesIntoEveryInput(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	login := h.m.top().(*loginScreen)
	h.send(tea.PasteMsg{Content: "pass word"})
	if login.fields[fieldPassword].Value() != "pass word" {
		t.Fatalf("password %q", login.fields[fieldPassword].Value())
	}
	login.fields[fieldPassword].SetValue("")
	h.signIn()

	h.press(keys.Picker.Search)
	h.send(tea.PasteMsg{Content: strings.Repeat("y", 1000)})
	p := h.m.top().(*picker)
	if len(p.search.Value()) != limitSearch || !strings.Contains(h.screen(), "were left out") {
		t.Fatalf("search %d\n%s", len(p.search.Value()), h.screen())
	}
	h.press(keys.Search.Leave)

	h.m = update(h.m, askActAsMsg{target: adaTarget})
	h.send(tea.PasteMsg{Content: "HELP-4711"})
	if got := h.m.dialog.(*actAsDialog).reason.Value(); got != "HELP-4711" {
		t.Fatalf("reason %q", got)
	}
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	for i, limit := range []int{limitMethod, limitPath, limitBody} {
		c.focus = i
		c.focusInput()
		h.send(tea.PasteMsg{Content: strings.Repeat("z", limit+5)})
		if n := len(c.inputs[i].Value()); n != limit {
			t.Fatalf("field %d holds %d, limit %d", i, n, limit)
		}
	}
	c.inputs[consoleMethod].SetValue("PATCH")
	c.inputs[consolePath].SetValue("/account/prefs")
	c.inputs[consoleBody].SetValue(`{"prefs":{}}`)
	c.focus = consoleResponse
	c.focusInput()
	h.press(keys.Global.Write)
	h.press(keys.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	h.press(keys.Console.Send)
	wd, ok := h.m.dialog.(*writeDialog)
	if !ok {
		t.Fatalf("no write dialog:\n%s", h.screen())
	}
	h.send(tea.PasteMsg{Content: demo.AdaEmail})
	if wd.typed.Value() != demo.AdaEmail {
		t.Fatalf("typed %q", wd.typed.Value())
	}
	h.press(keys.Write.No)

	h.press(keys.Global.Audit)
	a := h.m.top().(*auditScreen)
	h.press(keys.Audit.Filter)
	h.send(tea.PasteMsg{Content: "impersonation"})
	if a.filter.Value() != "impersonation" {
		t.Fatalf("filter %q", a.filter.Value())
	}
}

// A target pasted from a ticket with a bidi control shows it as U+FFFD in the input, and
// is refused with a word on what to do.
func TestBidiInAnInputShowsAsAPlaceholder(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.press(keys.Picker.ImpersonateBy)
	h.send(tea.PasteMsg{Content: "ada\u202e@example.com"})
	raw := h.m.View().Content
	if strings.Contains(raw, "\u202e") || !strings.Contains(plain(h.m), "ada\uFFFD@example.com") {
		t.Fatalf("the bidi control is drawn as it is:\n%s", plain(h.m))
	}
	h.press(keys.Prompt.Submit)
	if !strings.Contains(h.screen(), "invisible character") || h.m.dialog != nil {
		t.Fatalf("\n%s", h.screen())
	}
}

// A mistyped target is looked up first and said plainly; the whole reason is one key away.
func TestMistypedTargetIsLookedUp(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.press(keys.Picker.ImpersonateBy)
	h.typeText("ada@exampel.com")
	h.press(keys.Prompt.Submit)
	h.untilScreen("No user with email ada@exampel.com.")
	if h.m.dialog != nil {
		t.Fatal("a confirmation for nobody")
	}
	h.press(keys.Global.Why)
	h.untilScreen("The whole message")
	if !strings.Contains(h.screen(), "not found: no user with email ada@exampel.com") {
		t.Fatalf("\n%s", h.screen())
	}
	h.press(keys.Global.Why)
	for range len("ada@exampel.com") {
		h.key("backspace")
	}
	h.typeText("14155550100")
	h.press(keys.Prompt.Submit)
	h.untilScreen("Phone numbers start with +")
	for range len("14155550100") {
		h.key("backspace")
	}
	h.typeText("ADA@example.com")
	h.press(keys.Prompt.Submit)
	h.until("the confirmation", func(m Model) bool { return m.dialog != nil })
	if !strings.Contains(h.screen(), "ada@example.com (ada)") {
		t.Fatalf("the confirmation does not name the user found:\n%s", h.screen())
	}
}

// What a status said belongs to its moment: the next key ends it, and a refusal about
// read-only goes once writes are allowed.
func TestStatusBelongsToItsMoment(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.send(openConsoleMsg{method: "GET", path: "/account/prefs"})
	c := h.m.top().(*requestConsole)
	h.until("the answer", func(Model) bool { return !c.sending && c.resp != nil })
	h.press(keys.Console.Copy)
	h.untilScreen("Response copied")
	h.press(keys.Nav.Down)
	if strings.Contains(h.screen(), "Response copied") {
		t.Fatalf("the status outlived its moment:\n%s", h.screen())
	}
	c.inputs[consoleMethod].SetValue("PATCH")
	h.press(keys.Console.Send)
	h.until("the refusal", func(Model) bool { return !c.sending && c.err != nil })
	h.press(keys.Global.Write)
	h.press(keys.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	if strings.Contains(h.screen(), "press w") || strings.Contains(h.screen(), "read-only") {
		t.Fatalf("a read-only refusal under a WRITE banner:\n%s", h.screen())
	}
}

// A read-only profile offers no w, and says the profile is read-only, not "elevate".
func TestReadOnlyProfileSaysSo(t *testing.T) {
	w := newWorld(t)
	w.deps.Policy.ReadOnly = true
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	if strings.Contains(lastLine(h.screen()), "allow writes") {
		t.Fatalf("w offered: %q", lastLine(h.screen()))
	}
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("DELETE")
	h.press(keys.Console.Send)
	h.until("the refusal", func(Model) bool { return !c.sending && c.err != nil })
	if !strings.Contains(h.screen(), "profile is read-only") || strings.Contains(h.screen(), "press w") {
		t.Fatalf("\n%s", h.screen())
	}
}

func lastLine(s string) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return l[len(l)-1]
}

// An empty method field shows a grey GET, and sends GET.
func TestEmptyMethodMeansGET(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("")
	mark := len(w.srv.Seen())
	h.press(keys.Console.Send)
	h.until("the answer", func(Model) bool { return !c.sending && (c.resp != nil || c.err != nil) })
	sent := sentAsUser(w, mark)
	if c.err != nil || len(sent) == 0 || sent[0].Method != "GET" {
		t.Fatalf("err %v, sent %+v", c.err, sent)
	}
}

// At 40x12 the write cannot be shown whole: the dialog says to enlarge the terminal, and
// typing their email blind sends nothing.
func TestWriteThatCannotBeSeenIsNotSent(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 40, 12)
	h.signIn()
	h.actAsWithReason("")
	c := h.sendWrite(`{"prefs":{"theme":"light","language":"en-GB","newsletter":true}}`)
	if !strings.Contains(h.screen(), "too small") {
		t.Fatalf("\n%s", h.screen())
	}
	h.typeText(demo.AdaEmail)
	h.press(keys.Write.Yes)
	if writesSeenBy(w) != 0 || h.m.dialog == nil {
		t.Fatalf("%d writes sent blind, dialog %T\n%s", writesSeenBy(w), h.m.dialog, h.screen())
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40}) // enlarged: now it can be seen and sent
	h.press(keys.Write.Yes)
	h.until("the answer", func(Model) bool { return !c.sending && c.resp != nil })
	if writesSeenBy(w) != 1 {
		t.Fatalf("%d writes", writesSeenBy(w))
	}
}

func TestInsecureProfileSaysSoInTheHeader(t *testing.T) {
	w := newWorld(t)
	w.deps.Insecure = true
	h := newHarness(t, w.deps, 120, 40)
	if !strings.Contains(strings.Split(h.screen(), "\n")[0], "INSECURE") {
		t.Fatalf("\n%s", h.screen())
	}
	h.signIn()
	h.actAs(demo.AdaID)
	if !strings.Contains(strings.Split(h.screen(), "\n")[1], "INSECURE") {
		t.Fatalf("\n%s", h.screen())
	}
}

// A session kept in memory only is ended on the backend when the console quits: nobody
// could use it again.
func TestMemoryOnlySessionIsEndedAtQuit(t *testing.T) {
	w := newWorld(t)
	w.deps.Keyring = keyring.NewMemory()
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	secret := h.m.env.sess.Secret()
	if !w.srv.IsSessionSecret(secret) {
		t.Fatal("no live session to end")
	}
	h.m.Shutdown()
	if w.srv.IsSessionSecret(secret) {
		t.Fatal("the session outlives the console")
	}
}

func TestAuditSaysHowManyLinesWereSkipped(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	if err := w.deps.Journal.Append(session.Entry{Event: "x"}); err != nil {
		t.Fatal(err)
	}
	appendRaw(t, w.journal, "{not json\n{\"time\":1}\n")
	h.press(keys.Global.Audit)
	h.untilScreen("2 journal lines could not be read")
}

// The brake drops the keys queued before the stop key, lets the stop key through, and
// stops the session at once.
func TestBrakeStopsAtOnceAndDropsWhatWasQueued(t *testing.T) {
	w := newWorld(t)
	brake := NewBrake()
	w.deps.Brake = brake
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	var sent []tea.Msg
	brake.SetSend(func(m tea.Msg) { sent = append(sent, m) })
	brake.Pull()
	if _, ok := h.m.env.sess.Active(); ok {
		t.Fatal("the brake did not stop the session")
	}
	for _, k := range []tea.Msg{keyPress("q"), keyPress("i"), tea.PasteMsg{Content: "x"}} {
		if brake.Filter(h.m, k) != nil {
			t.Fatalf("%v passed while draining", k)
		}
	}
	if brake.Filter(h.m, tea.WindowSizeMsg{}) == nil {
		t.Fatal("a non-key message was dropped")
	}
	stop := keyPress(keys.Global.Stop.Keys()[0])
	if brake.Filter(h.m, stop) == nil || brake.Filter(h.m, keyPress("q")) == nil {
		t.Fatal("the stop key, or the keys after it, did not pass")
	}
	h.send(stop)
	if h.m.active != nil || !strings.Contains(h.screen(), "Stopped acting as ada@example.com (ada)") {
		t.Fatalf("\n%s", h.screen())
	}
}

func TestStartSaysAnEarlierImpersonationNeverEnded(t *testing.T) {
	note := unterminatedNote([]session.Entry{{Target: "ada", TargetName: "ada@example.com"}})
	if !strings.Contains(string(note), "ada@example.com (ada) never ended") {
		t.Fatalf("%q", note)
	}
	if unterminatedNote(nil) != "" {
		t.Fatal("a note with nothing to say")
	}
	_ = time.Second
}

// Whichever message first shows the new mode (the elevation's answer, or any other one
// after the session changed), the screens hear of it with the banner: no read-only
// refusal under a WRITE banner, not even for a frame.
func TestElevationSeenFirstByAnotherMessageClearsTheRefusal(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.send(openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.err = session.ErrReadOnly
	if _, err := h.m.env.sess.Elevate(h.m.active.Gen); err != nil { // as the dialog's command does
		t.Fatal(err)
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40}) // an unrelated message comes first
	if !h.m.active.Write || c.err != nil {
		t.Fatalf("WRITE %v with %v shown", h.m.active.Write, c.err)
	}
}

// slowStore is a keyring whose lookups wait until the test lets them answer.
type slowStore struct {
	*keyring.Memory
	release chan struct{}
}

func (s slowStore) Get(p keyring.Profile) (keyring.Entry, error) {
	<-s.release
	return s.Memory.Get(p)
}

// What the operator types while the stored session is looked up is kept, and an enter
// pressed meanwhile signs in with it once the lookup finds nothing: one attempt at a time,
// and no key lost.
func TestTypingWhileTheStoredSessionIsLookedUpIsKept(t *testing.T) {
	w := newWorld(t)
	store := slowStore{Memory: keyring.NewMemory(), release: make(chan struct{})}
	w.deps.Keyring = store
	w.deps.Login.Resume = true
	h := newHarness(t, w.deps, 120, 40)
	h.untilScreen("Resuming the stored session")
	h.typeText(demo.OperatorPassword)
	h.press(keys.Login.Submit) // waits for the lookup
	h.press(keys.Login.Submit) // twice is still once
	if got := h.m.top().(*loginScreen).fields[fieldPassword].Value(); got != demo.OperatorPassword {
		t.Fatalf("the password typed meanwhile became %q", got)
	}
	if !strings.Contains(h.screen(), "then signing in") {
		t.Fatalf("the waiting enter is not said:\n%s", h.screen())
	}
	close(store.release) // nothing stored: the form's password it is
	h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
	logins := 0
	for _, s := range w.srv.Seen() {
		if s.Method == "POST" && s.Path == "/v1/account/sessions/email" {
			logins++
		}
	}
	if logins != 1 {
		t.Fatalf("%d sign-ins, want 1", logins)
	}
}

// A stored session that resumes wins over an enter pressed during the lookup.
func TestQueuedEnterYieldsToAResumedSession(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.untilScreen("Search")
	store := slowStore{Memory: w.store, release: make(chan struct{})}
	w.deps.Keyring = store
	w.deps.Login.Resume = true
	w.srv.ResetSeen()
	h = newHarness(t, w.deps, 120, 40)
	h.untilScreen("Resuming the stored session")
	h.typeText("wrong password")
	h.press(keys.Login.Submit)
	close(store.release)
	h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
	for _, s := range w.srv.Seen() {
		if s.Method == "POST" && s.Path == "/v1/account/sessions/email" {
			t.Fatal("signed in again although the stored session resumed")
		}
	}
}

// The note about an impersonation a killed console left open is said on the sign-in form
// and again once signed in, however the sign-in went (a resumed session skips the form).
func TestStartNoteSurvivesTheSignIn(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.m.env.startNote = "An earlier impersonation of ada@example.com (ada) never ended (the console was killed); the journal now says so."
	h.signIn()
	if !strings.Contains(h.screen(), "never ended") {
		t.Fatalf("\n%s", h.screen())
	}
}

// sendWrite allows writes, opens the request console on a PATCH of their preferences with
// body, and sends it: the write dialog opens.
func (h *harness) sendWrite(body string) *requestConsole {
	h.t.Helper()
	h.press(keys.Global.Write)
	h.press(keys.Elevate.Yes)
	h.until("write mode", func(m Model) bool { return m.active != nil && m.active.Write })
	h.m = update(h.m, openConsoleMsg{})
	c := h.m.top().(*requestConsole)
	c.inputs[consoleMethod].SetValue("PATCH")
	c.inputs[consolePath].SetValue("/account/prefs")
	c.inputs[consoleBody].SetValue(body)
	h.press(keys.Console.Send)
	return c
}
