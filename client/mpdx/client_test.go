package mpdx

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"actas/client"
	demo "actas/demo/mpdx"
)

var ctx = context.Background()

func start(t *testing.T, o demo.Options) (*demo.Server, *Client) {
	t.Helper()
	o.LoginLimit, o.Members = -1, 200
	srv := demo.New(o)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	c, err := New(Config{Endpoint: hs.URL, Organization: demo.CruDemoID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(ctx, client.Credentials{Token: srv.OperatorToken()}); err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// Sign-in with the pasted token or the demo's email and password; a member who
// administers nothing may act as nobody; a wrong token is a wrong credential.
func TestSignIn(t *testing.T) {
	_, c := start(t, demo.Options{})
	if op, _ := c.Operator(); op.ID != demo.OrgAdminUserID || op.Email != demo.OrgAdminEmail || !op.CanImpersonate() {
		t.Fatalf("operator %+v", op)
	}
	pw, _ := New(Config{Endpoint: strings.TrimSuffix(c.Endpoint(), "/api/v2"), Organization: demo.CruDemoID})
	if op, err := pw.Login(ctx, client.Credentials{Email: demo.OrgAdminEmail, Token: demo.OrgAdminPassword}); err != nil || op.ID != demo.OrgAdminUserID {
		t.Fatalf("email and password: %+v %v", op, err)
	}
	if op, err := pw.Login(ctx, client.Credentials{Email: demo.MemberEmail, Token: demo.MemberPassword}); err != nil || op.CanImpersonate() {
		t.Fatalf("member: %+v %v", op, err)
	}
	if _, err := pw.Login(ctx, client.Credentials{Token: "not-a-token"}); !errors.Is(err, client.ErrBadPassword) {
		t.Fatalf("wrong token: %v", err)
	}
}

// An email two members share is refused with both named: the server would pick one.
func TestASharedEmailIsRefusedWithBothShown(t *testing.T) {
	srv, c := start(t, demo.Options{})
	_, err := c.Find(ctx, client.Target{Kind: client.ByEmail, Value: demo.SharedEmail})
	if err == nil || !strings.Contains(err.Error(), demo.SharedFirstUserID) || !strings.Contains(err.Error(), demo.SharedSecondUserID) {
		t.Fatalf("shared email: %v", err)
	}
	srv.ResetSeen()
	if _, err := c.Impersonate(ctx, client.Target{Kind: client.ByEmail, Value: demo.SharedEmail}, client.ImpersonateOptions{}); err == nil {
		t.Fatal("acted as one of two members sharing an email")
	}
	if n := len(srv.Impersonations()); n != 0 {
		t.Fatalf("%d impersonations minted", n)
	}
}

// Acting as Ada by her email goes by her uuid; the reason reaches the backend; the token
// is scrubbed from what the console shows; the role the backend gives is read.
func TestActingAsAMember(t *testing.T) {
	srv, c := start(t, demo.Options{})
	srv.SetImpersonationRole("impersonation_role", "mpd_leader")
	imp, err := c.Impersonate(ctx, client.Target{Kind: client.ByEmail, Value: demo.AdaEmail}, client.ImpersonateOptions{Reason: "HELP-4711"})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	log := srv.Impersonations()
	if len(log) != 1 || log[0].Requested != demo.AdaUserID || log[0].Reason != "HELP-4711" || imp.Subject().ID != demo.AdaUserID {
		t.Fatalf("log %+v, subject %+v", log, imp.Subject())
	}
	if r := imp.(client.Roled); r.Role() != "mpd_leader" || !r.ReadOnly() {
		t.Fatalf("role %q read-only %v", r.Role(), r.ReadOnly())
	}
	resp, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/user"})
	if err != nil || resp.Status != 200 || strings.Contains(string(resp.Body), "json_web_token") {
		t.Fatalf("GET /user: %d %v %s", resp.Status, err, resp.Body)
	}
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/user?access_token=x"}); err == nil {
		t.Fatal("a path with a token of its own was sent")
	}
	ov, err := imp.Overview(ctx)
	if err != nil || len(ov.Sections) < 2 {
		t.Fatalf("overview %+v %v", ov.Sections, err)
	}
	if _, err := c.OperatorAudit(ctx, 10); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("audit: %v", err)
	}
}

// An unknown role counts as the most restricted; writing roles may write.
func TestRoles(t *testing.T) {
	for role, readOnly := range map[string]bool{"": false, "developer": false, "helpdesk_admin": false, "hr_leader": true, "wizard": true} {
		if got := (&Impersonation{role: role}).ReadOnly(); got != readOnly {
			t.Errorf("%q: read-only %v", role, got)
		}
	}
}

// A stale updated_in_db_at comes back said in words, not as the server's text.
func TestAStaleUpdateIsExplained(t *testing.T) {
	_, c := start(t, demo.Options{})
	imp, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaUserID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	m := imp.(*Impersonation)
	lists, err := m.list(ctx, "/account_lists", nil)
	if err != nil || len(lists) == 0 {
		t.Fatalf("lists %v %v", lists, err)
	}
	contacts, err := m.list(ctx, "/account_lists/"+lists[0].ID+"/contacts", nil)
	if err != nil || len(contacts) == 0 {
		t.Fatalf("contacts %v %v", contacts, err)
	}
	body := `{"data":{"type":"contacts","id":"` + contacts[0].ID + `","attributes":{"name":"x","updated_in_db_at":"2001-01-01T00:00:00Z"}}}`
	_, err = imp.Do(ctx, client.Request{Method: "PUT", Path: "/account_lists/" + lists[0].ID + "/contacts/" + contacts[0].ID, Body: []byte(body)})
	if !errors.Is(err, client.ErrConflict) || !strings.Contains(err.Error(), "the record changed since it was read") {
		t.Fatalf("stale write: %v", err)
	}
}
