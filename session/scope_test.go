package session

import (
	"errors"
	"strings"
	"testing"

	"actas/client"
	"actas/client/backendtest"
	demo "actas/demo/appwrite"
)

// Moving to another environment is journaled before the check that goes out as the
// subject; the check's request carries the new scope; a refused move changes nothing.
func TestScopeMovesAreJournaledAndChecked(t *testing.T) {
	f := newFixture(t)
	f.sess.cfg.Backend = backendtest.WithPlaces(f.sess.cfg.Backend, client.Choice{ID: "env_default", Name: "default"}, client.Choice{ID: "env_staging", Name: "staging"})
	f.sess.cfg.DefaultScope = "env_default"
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, "HELP-1")
	if err != nil {
		t.Fatal(err)
	}
	if act.Target.Scope != "env_default" || len(act.Scopes) != 2 {
		t.Fatalf("started %+v", act)
	}
	moved, err := f.sess.SetScope(ctx, act.Gen, "env_staging")
	if err != nil || moved.Target.Scope != "env_staging" {
		t.Fatalf("move: %+v, %v", moved.Target, err)
	}
	if _, err := f.sess.SetScope(ctx, act.Gen, "env_foreign"); err == nil {
		t.Fatal("a foreign environment was taken")
	}
	if now, _ := f.sess.Active(); now.Target.Scope != "env_staging" {
		t.Fatalf("after the refusal: %q", now.Target.Scope)
	}
	var trail []string
	for _, e := range f.events(t) {
		if e.Impersonation != "" {
			trail = append(trail, e.Event+"@"+e.Scope)
		}
	}
	want := "request@env_default response@env_default impersonation.start@env_default " +
		"impersonation.scope@env_staging request@env_staging response@env_staging " +
		"impersonation.scope@env_foreign request@env_foreign response@env_foreign impersonation.scope.refused@env_foreign"
	if got := strings.Join(trail, " "); !strings.Contains(got, want) {
		t.Fatalf("journal:\n%s\nwant within it:\n%s", got, want)
	}
}

// A subject without places to act in has none to move to.
func TestScopeOfAnUnscopedSubjectIsRefused(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sess.SetScope(ctx, act.Gen, "env_staging"); !errors.Is(err, ErrNotScoped) {
		t.Fatalf("%v", err)
	}
}
