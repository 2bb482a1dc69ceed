package ui

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
	"actas/internal/fakeclock"
	"actas/keyring"
	"actas/session"
)

// newClock is a settable clock shared by the console and the demo backend, so that times
// on screen are the same on every run.
func newClock() *fakeclock.Clock {
	return fakeclock.New(time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
}

// world is a demo backend over real HTTP and the console's dependencies wired to it.
type world struct {
	srv     *demo.Server
	url     string
	clock   *fakeclock.Clock
	deps    Deps
	journal string
	store   *keyring.Memory
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{clock: newClock(), store: keyring.NewMemory()}
	w.srv = demo.New(demo.Options{Users: 3000, LoginLimit: -1, Now: w.clock.Now})
	hs := httptest.NewServer(w.srv)
	t.Cleanup(hs.Close)
	w.url = hs.URL + "/v1"
	w.journal = filepath.Join(t.TempDir(), "audit.jsonl")
	j, err := session.OpenJournal(w.journal)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	w.deps = Deps{
		Clock: w.clock.Now,
		Open: func(endpoint, project string) (client.Backend, error) {
			return appwrite.New(appwrite.Config{Endpoint: endpoint, Project: project})
		},
		Keyring:     w.store,
		Description: appwrite.Dialect{}.Describe(),
		Journal:     j,
		Login:       LoginDefaults{Endpoint: w.url, Project: demo.DefaultProject, Email: demo.OperatorEmail, Hint: "Demo backend."},
	}
	return w
}

// harness runs the root model the way Bubble Tea does, without a terminal: commands run on
// goroutines and their messages come back through Update, except timer ticks that only
// animate (spinner, cursor blink, banner clock): those are dropped, so nothing loops.
type harness struct {
	t    *testing.T
	m    Model
	msgs chan tea.Msg
}

func newHarness(t *testing.T, deps Deps, width, height int) *harness {
	h := &harness{t: t, m: New(deps), msgs: make(chan tea.Msg, 256)}
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.m.Init())
	return h
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() { h.msgs <- cmd() }()
}

// send delivers one message synchronously.
func (h *harness) send(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
		return
	case spinner.TickMsg, cursor.BlinkMsg, bannerTickMsg:
		return
	case tea.QuitMsg:
		return
	}
	if strings.HasSuffix(typeName(msg), "initialBlinkMsg") || strings.HasSuffix(typeName(msg), "blinkCanceled") {
		return
	}
	m, cmd := h.m.Update(msg)
	h.m = m.(Model)
	h.run(cmd)
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }

// until delivers messages as they arrive until cond holds.
func (h *harness) until(what string, cond func(Model) bool) {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond(h.m) {
		select {
		case msg := <-h.msgs:
			h.send(msg)
		case <-deadline:
			h.t.Fatalf("timed out waiting for %s; screen:\n%s", what, h.screen())
		}
	}
}

// untilScreen waits until the plain-text screen contains s.
func (h *harness) untilScreen(s string) {
	h.t.Helper()
	h.until("“"+s+"” on screen", func(m Model) bool { return strings.Contains(plain(m), s) })
}

func (h *harness) key(k string) {
	h.send(keyPress(k))
}

func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (h *harness) screen() string { return plain(h.m) }

func plain(m Model) string { return ansi.Strip(m.View().Content) }

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+x":
		return tea.KeyPressMsg{Code: 'x', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+o":
		return tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// signIn takes the harness from the login form to the picker as the demo operator.
func (h *harness) signIn() {
	h.t.Helper()
	h.typeText(demo.OperatorPassword)
	h.press(keys.Login.Submit)
	h.until("the picker", func(m Model) bool {
		p, ok := m.stack[0].(*picker)
		return ok && !p.loading && p.table.Len() > 0
	})
}

// actAs selects the user with this id in the picker and confirms the impersonation.
func (h *harness) actAs(id string) {
	h.t.Helper()
	p := h.m.stack[0].(*picker)
	for i := 0; i < 200; i++ {
		if s, ok := p.table.Selected(); ok && s.ID == id {
			break
		}
		h.press(keys.Nav.Down)
	}
	h.press(keys.Picker.Impersonate)
	h.untilScreen("Act as")
	h.press(keys.ActAs.Yes)
	h.until("the impersonation", func(m Model) bool { return m.active != nil })
}

// pump delivers messages as they arrive for d (typing at human speed).
func (h *harness) pump(d time.Duration) {
	deadline := time.After(d)
	for {
		select {
		case msg := <-h.msgs:
			h.send(msg)
		case <-deadline:
			return
		}
	}
}

var adaTarget = client.Target{Kind: client.ByID, Value: demo.AdaID}

// press sends the first key of a binding from the keymap: tests press keys by what they
// are bound to, so a changed binding changes the tests with it.
func (h *harness) press(b key.Binding) {
	h.t.Helper()
	h.send(keyPress(b.Keys()[0]))
}

// keys is the console's keymap, for press.
var keys = DefaultKeyMap()

// appendRaw writes text at the end of a file as it is (a torn or foreign line).
func appendRaw(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
