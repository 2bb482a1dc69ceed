package session

import (
	"context"
	"errors"
	"testing"

	"actas/client"
	"actas/demo"
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
