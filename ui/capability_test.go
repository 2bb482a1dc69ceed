package ui

import (
	"context"
	"strings"
	"testing"

	"actas/client"
)

// readOnlyRole is a backend whose operators may act as subjects but not write as them.
type readOnlyRole struct{ client.Backend }

func (b readOnlyRole) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	op, err := b.Backend.Login(ctx, cred)
	op.Can &^= client.CanWrite
	return op, err
}

// An operator whose role cannot write gets w refused at once: no dialog, nothing asked.
func TestWriteIsRefusedForARoleThatCannotWrite(t *testing.T) {
	w := newWorld(t)
	open := w.deps.Open
	w.deps.Open = func(endpoint, project string) (client.Backend, error) {
		b, err := open(endpoint, project)
		return readOnlyRole{b}, err
	}
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	h.actAsWithReason("HELP-1")
	h.press(keys.Global.Write)
	if h.m.dialog != nil || !strings.Contains(h.screen(), "may act as the subject read-only") {
		t.Fatalf("dialog %T\n%s", h.m.dialog, h.screen())
	}
	if h.m.active.Write {
		t.Fatal("writes allowed")
	}
}
