package ui

import (
	"strings"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/session"
)

// ctrl+x while the backend is still verifying: the late answer shows nothing.
func TestLateVerificationAfterStopShowsNothing(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	w.srv.Inject("/v1/account", 1, demo.Fault{Delay: 300 * time.Millisecond})
	h.m = update(h.m, askActAsMsg{target: adaTarget})
	h.press(keys.ActAs.Yes)
	h.until("the verification to start", func(m Model) bool { return m.attempt != nil })
	h.press(keys.Global.Stop)
	h.pump(600 * time.Millisecond)
	if h.m.active != nil || strings.HasPrefix(h.screen(), "IMPERSONATING") {
		t.Fatalf("a stopped verification showed a banner:\n%s", h.screen())
	}
	if _, ok := h.m.env.sess.Active(); ok {
		t.Fatal("the session impersonates")
	}
}

// Starting another impersonation stops the first even if the second is refused: the
// first one's banner must go.
func TestFailedSwitchClearsTheOldBanner(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.m = update(h.m, askActAsMsg{target: client.Target{Kind: client.ByEmail, Value: demo.BlockedEmail}})
	h.press(keys.ActAs.Yes)
	h.untilScreen("Refused: that user is blocked.")
	if h.m.active != nil || strings.HasPrefix(h.screen(), "IMPERSONATING") {
		t.Fatalf("the old banner stayed:\n%s", h.screen())
	}
}

// When the backend stops acting as the user (the operator lost the capability), the next
// read ends the impersonation and says why, instead of showing the operator as them.
func TestBackendThatStopsHonouringEndsIt(t *testing.T) {
	w := newWorld(t)
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("")
	h.untilScreen("Their sessions")
	w.admin(t, "PATCH", "/users/"+demo.OperatorID+"/impersonator", `{"impersonator":false}`)
	h.press(keys.Details.Refresh)
	h.untilScreen("the backend stopped acting as the user")
	if h.m.active != nil || strings.Contains(h.screen(), "as they see it: Sam Support") || h.m.env.sess.State() == session.Impersonating {
		t.Fatalf("still impersonating:\n%s", h.screen())
	}
}
