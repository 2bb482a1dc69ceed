package ui

import (
	"errors"
	"strings"
	"testing"

	demo "actas/demo/appwrite"
	"actas/keyring"
	"actas/session"
)

func TestSignInOpensThePickerAndStoresTheSession(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	login := h.m.top().(*loginScreen)
	if login.focus != fieldPassword || !strings.Contains(h.screen(), demo.OperatorEmail) || !strings.Contains(h.screen(), "Demo backend.") {
		t.Fatalf("login form: focus %d\n%s", login.focus, h.screen())
	}
	h.signIn()
	if !strings.Contains(h.screen(), "Ada Lovelace") || !strings.Contains(h.screen(), "1–25 of") {
		t.Fatalf("picker:\n%s", h.screen())
	}
	h.until("the keyring entry", func(Model) bool {
		_, err := w.store.Get(h.m.env.profile)
		return err == nil
	})
	entry, _ := w.store.Get(h.m.env.profile)
	if entry.Secret == "" || entry.Secret != h.m.env.sess.Secret() || entry.OperatorID != demo.OperatorID {
		t.Fatalf("stored %+v", entry)
	}
	got, _, _ := session.ReadJournal(w.journal)
	if len(got) != 1 || got[0].Event != session.EventLogin || got[0].Via != "password" {
		t.Fatalf("journal %+v", got)
	}
}

func TestWrongPasswordSaysSoAndKeepsTheForm(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.typeText("not-it-at-all")
	h.press(keys.Login.Submit)
	h.untilScreen("Wrong email or password.")
	login := h.m.top().(*loginScreen)
	if login.fields[fieldEmail].Value() != demo.OperatorEmail || login.fields[fieldPassword].Value() != "not-it-at-all" {
		t.Fatal("the form lost what was typed")
	}
	if strings.Contains(h.screen(), "not-it-at-all") {
		t.Fatal("the password is shown")
	}
}

func TestMissingFieldIsNamed(t *testing.T) {
	w := newWorld(t)
	w.deps.Login.Project = ""
	h := newHarness(t, w.deps, 120, 40)
	h.press(keys.Login.Submit)
	if !strings.Contains(h.screen(), "Project is required.") || h.m.top().(*loginScreen).focus != fieldProject {
		t.Fatalf("\n%s", h.screen())
	}
}

func TestNextStartResumesTheStoredSession(t *testing.T) {
	w := newWorld(t)
	first := newHarness(t, w.deps, 120, 40)
	first.signIn()
	first.until("the keyring entry", func(m Model) bool { _, err := w.store.Get(m.env.profile); return err == nil })

	w.deps.Login.Resume = true
	second := newHarness(t, w.deps, 120, 40)
	second.until("the resumed picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
	if !strings.Contains(second.screen(), "Resumed the stored session") {
		t.Fatalf("\n%s", second.screen())
	}
}

func TestExpiredStoredSessionIsForgotten(t *testing.T) {
	w := newWorld(t)
	profile := keyring.Profile{Endpoint: w.url, Project: demo.DefaultProject, Email: demo.OperatorEmail}
	_ = w.store.Set(profile, keyring.Entry{Secret: "revoked-long-ago"})
	w.deps.Login.Resume = true
	h := newHarness(t, w.deps, 120, 40)
	h.untilScreen("The stored session has expired")
	if _, err := w.store.Get(profile); !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("the dead entry is kept: %v", err)
	}
}

func TestNonImpersonatorIsToldWhatToAskFor(t *testing.T) {
	w := newWorld(t)
	w.deps.Login.Email = demo.ViewerEmail
	h := newHarness(t, w.deps, 120, 40)
	h.typeText(demo.ViewerPassword)
	h.press(keys.Login.Submit)
	h.untilScreen("may not act as users")
	if !strings.Contains(h.screen(), "impersonator") || !strings.Contains(h.screen(), "/v1/users/viewer/impersonator") {
		t.Fatalf("\n%s", h.screen())
	}
}

func TestSecondFactor(t *testing.T) {
	w := newWorld(t)
	w.deps.Login.Email = demo.MFAEmail
	h := newHarness(t, w.deps, 120, 40)
	h.typeText(demo.MFAPassword)
	h.press(keys.Login.Submit)
	h.untilScreen("TOTP code")
	h.typeText("000000")
	h.press(keys.MFA.Submit)
	h.untilScreen("That code is not valid")
	code, _ := demo.TOTPCode(demo.MFATOTPSecret, w.clock.Now())
	for range 6 {
		h.key("backspace")
	}
	h.typeText(code)
	h.press(keys.MFA.Submit)
	h.until("the picker", func(m Model) bool { _, ok := m.top().(*picker); return ok })
}

// kernelStore stands in for the kernel keyring: it keeps entries and names itself.
type kernelStore struct{ *keyring.Memory }

func (kernelStore) Durable() bool { return true }
func (kernelStore) Where() string {
	return "the kernel keyring until reboot, actas logout or the session's end"
}

// Once signed in, the console says in one line which store keeps the session.
func TestConsoleSaysWhichStoreKeepsTheSession(t *testing.T) {
	w := newWorld(t)
	store := kernelStore{keyring.NewMemory()}
	w.deps.Keyring = store
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.untilScreen("Session kept in the kernel keyring until reboot, actas logout or the session's end.")
	e, err := store.Get(keyring.Profile{Endpoint: w.url, Project: demo.DefaultProject, Email: strings.ToLower(demo.OperatorEmail)})
	if err != nil || e.Expires.IsZero() {
		t.Fatalf("stored %+v, %v: want the entry with the session's expiry", e, err)
	}
}
