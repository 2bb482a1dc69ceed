package session

import (
	"errors"
	"strings"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/internal/fakeclock"
)

func newClock() *fakeclock.Clock {
	return fakeclock.New(time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
}

func signedIn(t *testing.T, p Policy, clock func() time.Time) *fixture {
	f := newFixtureWith(t, p, clock)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	return f
}

var prefsWrite = client.Request{Method: "PATCH", Path: "/account/prefs", Body: []byte(`{"prefs":{"theme":"light"}}`)}

// writesSeen counts the writes the demo backend received.
func writesSeen(f *fixture) int {
	n := 0
	for _, s := range f.srv.Seen() {
		if client.IsWrite(s.Method) {
			n++
		}
	}
	return n
}

func TestReasonRequiredByProfile(t *testing.T) {
	f := signedIn(t, Policy{RequireReason: true}, time.Now)
	f.srv.ResetSeen()
	if _, err := f.sess.Impersonate(ctx, ada, "  "); !errors.Is(err, ErrReasonRequired) {
		t.Fatalf("err = %v", err)
	}
	if len(f.srv.Seen()) != 0 {
		t.Fatal("a request went out without a reason")
	}
	act, err := f.sess.Impersonate(ctx, ada, " HELP-4711 ")
	if err != nil || act.Reason != "HELP-4711" {
		t.Fatalf("%+v %v", act, err)
	}
	if got := eventNames(f.events(t)); !strings.HasPrefix(got, "login impersonation.refused") {
		t.Fatalf("journal: %s", got)
	}
}

func TestJournalHoldsTheReasonOnEveryLine(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	if _, err := f.sess.Impersonate(ctx, ada, "HELP-4711"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.Do(ctx, f.gen(), client.Request{Method: "GET", Path: "/account/prefs"}, ""); err != nil {
		t.Fatal(err)
	}
	f.sess.Stop(StopKey)
	n := 0
	for _, e := range f.events(t) {
		switch e.Event {
		case EventImpersonateStart, EventRequest, EventImpersonateStop:
			n++
			if e.Reason != "HELP-4711" {
				t.Fatalf("%s line without the reason: %+v", e.Event, e)
			}
		}
	}
	if n < 4 {
		t.Fatalf("only %d lines", n)
	}
}

func TestReadOnlyUntilElevated(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, err := f.sess.Impersonate(ctx, ada, "")
	if err != nil || act.Write {
		t.Fatalf("%+v %v: impersonation must start read-only", act, err)
	}
	f.srv.ResetSeen()
	if _, err := f.sess.Do(ctx, f.gen(), prefsWrite, demo.AdaEmail); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write in read-only: %v", err)
	}
	if writesSeen(f) != 0 {
		t.Fatal("a write reached the backend in read-only mode")
	}
	if act, err = f.sess.Elevate(f.gen()); err != nil || !act.Write {
		t.Fatalf("elevate: %+v %v", act, err)
	}
	for _, typed := range []string{"", "ada@example.co", "someone-else", "Ada Lovelace"} {
		if _, err := f.sess.Do(ctx, f.gen(), prefsWrite, typed); !errors.Is(err, ErrNotConfirmed) {
			t.Fatalf("typed %q: %v", typed, err)
		}
	}
	if writesSeen(f) != 0 {
		t.Fatal("an unconfirmed write reached the backend")
	}
	for _, typed := range []string{"ADA@example.com", "ada"} {
		resp, err := f.sess.Do(ctx, f.gen(), prefsWrite, typed)
		if err != nil || resp.Status != 200 {
			t.Fatalf("confirmed with %q: %d %v", typed, resp.Status, err)
		}
	}
	if writesSeen(f) != 2 {
		t.Fatalf("%d writes seen", writesSeen(f))
	}
	got := eventNames(f.events(t))
	if !strings.Contains(got, "impersonation.write") || strings.Count(got, "request.refused") != 5 {
		t.Fatalf("journal: %s", got)
	}
	// A new impersonation starts read-only again.
	if act, _ := f.sess.Impersonate(ctx, client.Target{Value: "olga"}, ""); act.Write {
		t.Fatal("write mode carried over to the next impersonation")
	}
}

func TestReadOnlyProfileForbidsElevation(t *testing.T) {
	f := signedIn(t, Policy{ReadOnly: true}, time.Now)
	if _, err := f.sess.Impersonate(ctx, ada, ""); err != nil {
		t.Fatal(err)
	}
	f.srv.ResetSeen()
	if act, err := f.sess.Elevate(f.gen()); !errors.Is(err, ErrWriteForbidden) || act.Write {
		t.Fatalf("%+v %v", act, err)
	}
	if _, err := f.sess.Do(ctx, f.gen(), prefsWrite, demo.AdaEmail); !errors.Is(err, ErrWriteForbidden) || writesSeen(f) != 0 {
		t.Fatalf("write: %v, %d seen", err, writesSeen(f))
	}
}

func TestOperatorTargetsRefusedUnlessAllowed(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	f.srv.ResetSeen()
	if _, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.OperatorTargetID}, ""); !errors.Is(err, ErrTargetIsOperator) {
		t.Fatalf("by id: %v", err)
	}
	for _, s := range f.srv.Seen() {
		if s.Impersonating() {
			t.Fatal("a request went out as an operator named by id")
		}
	}
	if _, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByEmail, Value: "olive@example.com"}, ""); !errors.Is(err, ErrTargetIsOperator) {
		t.Fatalf("by email: %v", err)
	}
	if f.sess.State() != SignedIn {
		t.Fatal("state changed")
	}
	allowed := signedIn(t, Policy{AllowOperatorTargets: true}, time.Now)
	if act, err := allowed.sess.Impersonate(ctx, client.Target{Value: demo.OperatorTargetID}, ""); err != nil || act.Subject.ID != demo.OperatorTargetID {
		t.Fatalf("allowed: %+v %v", act, err)
	}
}

func TestIdleLimitStopsImpersonation(t *testing.T) {
	clock := newClock()
	f := signedIn(t, Policy{IdleTimeout: 15 * time.Minute, MaxDuration: time.Hour}, clock.Now)
	act, err := f.sess.Impersonate(ctx, ada, "")
	if err != nil || !act.Deadline.Equal(clock.Now().Add(15*time.Minute)) || !strings.HasPrefix(act.Ending, "idle") {
		t.Fatalf("%+v %v", act, err)
	}
	clock.Advance(14 * time.Minute)
	f.sess.Touch() // the operator pressed a key
	clock.Advance(14 * time.Minute)
	if stopped, _ := f.sess.CheckExpiry(); stopped {
		t.Fatal("stopped although the operator was active")
	}
	clock.Advance(time.Minute + time.Second)
	stopped, why := f.sess.CheckExpiry()
	if !stopped || why != "idle for 15m0s" || f.sess.State() != SignedIn {
		t.Fatalf("%v %q %v", stopped, why, f.sess.State())
	}
	last := f.events(t)[len(f.events(t))-1]
	if last.Event != EventImpersonateStop || last.Why != "expiry" || last.Detail != "idle for 15m0s" {
		t.Fatalf("journal %+v", last)
	}
}

func TestAbsoluteLimitStopsEvenWhenActive(t *testing.T) {
	clock := newClock()
	f := signedIn(t, Policy{IdleTimeout: 15 * time.Minute, MaxDuration: time.Hour}, clock.Now)
	act, err := f.sess.Impersonate(ctx, ada, "")
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		clock.Advance(10 * time.Minute)
		f.sess.Touch()
	}
	clock.Advance(11 * time.Minute) // 61 minutes in, 11 idle: the absolute limit is past
	f.srv.ResetSeen()
	if _, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account"}, ""); !errors.Is(err, ErrExpired) {
		t.Fatalf("request past the limit: %v", err)
	}
	if len(f.srv.Seen()) != 0 || f.sess.State() != SignedIn {
		t.Fatal("a request went out past the limit")
	}
	last := f.events(t)[len(f.events(t))-1]
	if last.Why != "expiry" || last.Detail != "reached the 1h0m0s limit" {
		t.Fatalf("journal %+v", last)
	}
}

func TestNoLimitsNoDeadline(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, err := f.sess.Impersonate(ctx, ada, "")
	if err != nil || !act.Deadline.IsZero() {
		t.Fatalf("%+v %v", act, err)
	}
}

// A key press after the idle limit does not revive the impersonation.
func TestTouchAfterTheLimitDoesNotRevive(t *testing.T) {
	clock := newClock()
	f := signedIn(t, Policy{IdleTimeout: 5 * time.Minute}, clock.Now)
	if _, err := f.sess.Impersonate(ctx, ada, ""); err != nil {
		t.Fatal(err)
	}
	clock.Advance(30 * time.Minute)
	f.sess.Touch()
	if _, ok := f.sess.Active(); ok || f.sess.Ended().Why != StopExpiry {
		t.Fatalf("revived: %+v", f.sess.Ended())
	}
}

// A request that finishes after the stop is still journaled, under its impersonation.
func TestRequestFinishingAfterStopIsJournaled(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, err := f.sess.Impersonate(ctx, ada, "HELP-7")
	if err != nil {
		t.Fatal(err)
	}
	f.srv.Inject("/v1/account/prefs", 1, demo.Fault{SlowBody: 400 * time.Millisecond})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account/prefs"}, "")
	}()
	time.Sleep(150 * time.Millisecond)
	f.sess.Stop(StopKey)
	<-done
	seq := 0
	for _, e := range f.events(t) {
		if e.Event == EventRequest && e.Path == "/v1/account/prefs" && e.Target == demo.AdaID && e.Reason == "HELP-7" {
			seq = e.Seq
		}
		if e.Event == EventResponse && seq != 0 && e.Seq == seq && e.Target == demo.AdaID {
			return // journaled before it went out, and how it ended after the stop
		}
	}
	t.Fatalf("the request cut short by stop is not journaled: %s", eventNames(f.events(t)))
}

// A request meant for an impersonation that has been replaced is refused.
func TestStaleGenerationIsRefused(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	first, _ := f.sess.Impersonate(ctx, ada, "")
	if _, err := f.sess.Impersonate(ctx, client.Target{Value: "olga"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.Do(ctx, first.Gen, client.Request{Method: "GET", Path: "/account"}, ""); !errors.Is(err, ErrStale) {
		t.Fatalf("err = %v", err)
	}
	if _, err := f.sess.Elevate(first.Gen); !errors.Is(err, ErrStale) {
		t.Fatalf("elevate: %v", err)
	}
}

// The write's intent is journaled before it is sent; a refused write's path is redacted.
func TestWriteIntentIsJournaledFirst(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "HELP-8")
	if _, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "PATCH", Path: "/account/prefs?secret=s3cr3t"}, ""); !errors.Is(err, ErrReadOnly) {
		t.Fatal(err)
	}
	if _, err := f.sess.Elevate(act.Gen); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.Do(ctx, act.Gen, prefsWrite, "ada"); err != nil {
		t.Fatal(err)
	}
	names := eventNames(f.events(t))
	// The intent; the check of who the backend acts as; the write; the check after it.
	if !strings.HasSuffix(names, "request.write request response request response request response") {
		t.Fatalf("journal: %s", names)
	}
	for _, e := range f.events(t) {
		if strings.Contains(e.Path, "s3cr3t") {
			t.Fatalf("secret-looking parameter journaled: %+v", e)
		}
	}
}
