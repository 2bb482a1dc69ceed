package session

import (
	"context"
	"errors"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

// readOnlyRole is a backend whose operators may act as subjects but not write as them
// (an Ironflow platform_viewer, say).
type readOnlyRole struct{ client.Backend }

func (b readOnlyRole) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	op, err := b.Backend.Login(ctx, cred)
	op.Can &^= client.CanWrite
	return op, err
}

// An operator who may read but not write as a subject acts as them read-only: elevation
// is refused before anything is sent or journaled as a write.
func TestAReadOnlyRoleCannotElevate(t *testing.T) {
	f := newFixture(t)
	f.sess.cfg.Backend = readOnlyRole{f.sess.cfg.Backend}
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, "HELP-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.Elevate(act.Gen); !errors.Is(err, ErrCannotWrite) {
		t.Fatalf("elevate: %v", err)
	}
	f.srv.ResetSeen()
	if _, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "PATCH", Path: "/account/prefs", Body: []byte(`{"prefs":{}}`)}, demo.AdaEmail); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write: %v", err)
	}
	for _, s := range f.srv.Seen() {
		if s.Method == "PATCH" {
			t.Fatal("the write went out")
		}
	}
	for _, e := range f.events(t) {
		if e.Event == EventElevate {
			t.Fatal("an elevation was journaled")
		}
	}
}

func TestCapabilities(t *testing.T) {
	all := client.CanRead | client.CanWrite | client.CanAudit
	if !all.Has(client.CanRead|client.CanWrite) || client.CanRead.Has(client.CanWrite) || !(client.Operator{Can: client.CanRead}).CanImpersonate() ||
		(client.Operator{Can: client.CanAudit}).CanImpersonate() {
		t.Fatal("capability arithmetic")
	}
}

// expiring is a backend whose impersonations end by themselves at a set time (an MPDX
// JWT's exp).
type expiring struct {
	client.Backend
	at time.Time
}

type expiringImp struct {
	client.Impersonation
	at time.Time
}

func (i expiringImp) Expires() time.Time { return i.at }

func (b expiring) Impersonate(ctx context.Context, t client.Target, o client.ImpersonateOptions) (client.Impersonation, error) {
	imp, err := b.Backend.Impersonate(ctx, t, o)
	if err != nil {
		return nil, err
	}
	return expiringImp{imp, b.at}, nil
}

// An impersonation the backend ends by itself stops a margin before that, when it comes
// before the profile's limits, and says why.
func TestTheBackendsExpiryIsTheDeadline(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	f := newFixtureWith(t, Policy{IdleTimeout: 15 * time.Minute, MaxDuration: time.Hour}, clock)
	f.sess.cfg.Backend = expiring{f.sess.cfg.Backend, now.Add(10 * time.Minute)}
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, "HELP-1")
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(10*time.Minute - ExpiryMargin); !act.Deadline.Equal(want) || act.Ending != "the backend's impersonation expires" {
		t.Fatalf("deadline %v (%s), want %v", act.Deadline, act.Ending, want)
	}
	now = now.Add(10*time.Minute - ExpiryMargin)
	if stopped, why := f.sess.CheckExpiry(); !stopped || why != "the backend's impersonation expires" {
		t.Fatalf("stopped %v (%s)", stopped, why)
	}
	// A later expiry leaves the profile's limits in charge.
	g := newFixtureWith(t, Policy{IdleTimeout: 15 * time.Minute}, clock)
	g.sess.cfg.Backend = expiring{g.sess.cfg.Backend, now.Add(2 * time.Hour)}
	g.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err = g.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, "HELP-1")
	if err != nil || !act.Deadline.Equal(now.Add(15*time.Minute)) {
		t.Fatalf("deadline %v %v", act.Deadline, err)
	}
}

// Every journal line names the dialect, and each line of an impersonation its scope.
func TestJournalLinesCarryDialectAndScope(t *testing.T) {
	f := newFixture(t)
	f.sess.cfg.Dialect = "appwrite"
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID, Scope: "env_staging"}, "HELP-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account"}, ""); err != nil {
		t.Fatal(err)
	}
	f.sess.Stop(StopKey)
	seen := map[string]bool{}
	for _, e := range f.events(t) {
		if e.Dialect != "appwrite" {
			t.Fatalf("%s without the dialect: %+v", e.Event, e)
		}
		if e.Impersonation != "" {
			if e.Scope != "env_staging" {
				t.Fatalf("%s without the scope: %+v", e.Event, e)
			}
			seen[e.Event] = true
		}
	}
	for _, ev := range []string{EventImpersonateStart, EventRequest, EventResponse, EventImpersonateStop} {
		if !seen[ev] {
			t.Fatalf("no %s line among %v", ev, seen)
		}
	}
}

// What confirms a write is the dialect's: by default the id or the email (any case).
func TestConfirmsByTheDialectsFields(t *testing.T) {
	sub := client.Subject{ID: "org_acme", Email: "Ops@Acme.example"}
	if !Confirms("ops@acme.example", sub) || !Confirms(" org_acme ", sub) || Confirms("", sub) || Confirms("ORG_ACME", sub) {
		t.Fatal("default")
	}
	if Confirms("ops@acme.example", sub, client.ConfirmID) || !Confirms("org_acme", sub, client.ConfirmID) {
		t.Fatal("by id only")
	}
}

// What the command line confirms with (its --write) is a value the dialect's fields accept.
func TestConfirmationIsOneTheDialectAccepts(t *testing.T) {
	sub := client.Subject{ID: "org_acme", Email: "Ops@Acme.example"}
	for _, by := range [][]client.ConfirmField{nil, {client.ConfirmID}, {client.ConfirmEmail}, {client.ConfirmEmail, client.ConfirmID}} {
		s := New(Config{ConfirmBy: by})
		if got := s.Confirmation(sub); !Confirms(got, sub, by...) {
			t.Errorf("by %v: %q does not confirm", by, got)
		}
	}
	if got := New(Config{ConfirmBy: []client.ConfirmField{client.ConfirmEmail}}).Confirmation(sub); got != sub.Email {
		t.Errorf("by email: %q", got)
	}
}
