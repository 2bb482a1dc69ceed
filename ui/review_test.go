package ui

import (
	"context"
	"strings"
	"testing"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/session"
)

// Acting as ada, the operator picks a user whose id no backend issues: Begin refuses
// before it stops anything, so ada's impersonation and its banner go on, and the status
// says only the refusal.
func TestRefusedBeforeBeginKeepsTheRunningImpersonation(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.m = update(h.m, actAsConfirmedMsg{target: client.Target{Kind: client.ByID, Value: "not an id"}})
	if h.m.env.sess.State() != session.Impersonating || h.m.active == nil || !strings.HasPrefix(h.screen(), "IMPERSONATING ada@example.com") {
		t.Fatalf("state %v, active %v\n%s", h.m.env.sess.State(), h.m.active != nil, h.screen())
	}
	if !strings.Contains(h.screen(), "Refused:") || strings.Contains(h.screen(), "Stopped acting as") {
		t.Fatalf("\n%s", h.screen())
	}
}

// A session impersonation that the console does not show cannot be stopped from it: it
// is ended at once.
func TestUnseenImpersonationIsEnded(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	if _, err := h.m.env.sess.Impersonate(context.Background(), adaTarget, ""); err != nil {
		t.Fatal(err)
	}
	h.m = update(h.m, unrelatedMsg{})
	if h.m.env.sess.State() == session.Impersonating {
		t.Fatal("an impersonation runs with no banner")
	}
}

type unrelatedMsg struct{}

// A new session numbers its impersonations from 1 again: the banner drawn for the first
// one must still be of whom it acts as now, not of the last session's first.
func TestBannerOfANewSessionNamesItsOwnUser(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	h.m.env.sess.Stop(session.StopError)
	h.run(h.m.signedOut("revoked"))
	h.untilScreen("Password")
	h.signIn()
	h.actAs("yuki")
	if banner := firstLine(h.screen()); !strings.Contains(banner, "yuki.yamada@example.jp (yuki)") {
		t.Fatalf("banner: %q", banner)
	}
}

// On a narrow, tall terminal the confirmation field has a line of its own: what is typed
// into it is seen whole before it can send the write.
func TestWriteConfirmationIsSeenAtNarrowWidths(t *testing.T) {
	for _, width := range []int{30, 40, 46, 60} {
		w := newWorld(t)
		h := newHarness(t, w.deps, width, 60)
		h.signIn()
		h.actAsWithReason("")
		h.sendWrite(`{"prefs":{"theme":"light"}}`)
		h.typeText("ada")
		d := h.m.dialog.(*writeDialog)
		if d.fits && !strings.Contains(h.screen(), "│ ada") {
			t.Fatalf("at %d columns the dialog confirms what it does not show:\n%s", width, h.screen())
		}
	}
}

// A brake message that arrives late, after a newer impersonation started, leaves that one.
func TestLateBrakeMessageLeavesANewerImpersonation(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAs(demo.AdaID)
	old := h.m.active.Gen
	h.press(keys.Global.Stop)
	h.actAs(demo.AdaID)
	h.send(brakeMsg{gen: old})
	if h.m.active == nil {
		t.Fatal("a late brake stopped the newer impersonation")
	}
	h.send(brakeMsg{gen: h.m.active.Gen})
	if h.m.active != nil {
		t.Fatal("the brake of the running one did not stop it")
	}
}
