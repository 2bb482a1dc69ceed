package ironflow

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"actas/client"
	demo "actas/demo/ironflow"
)

var ctx = context.Background()

func startDemo(t *testing.T, o demo.Options) (*demo.Server, string) {
	t.Helper()
	if o.LoginLimit == 0 {
		o.LoginLimit = -1
	}
	if o.Tenants == 0 {
		o.Tenants = 200
	}
	srv := demo.New(o)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

func signedIn(t *testing.T, base, email, password string) *Client {
	t.Helper()
	c, err := New(Config{Endpoint: base})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Login(ctx, client.Credentials{Email: email, Password: password}); err != nil {
		t.Fatal(err)
	}
	return c
}

// Sign-in: a token that says when it lapses, a platform key typed as the password, and
// the refusals read as the console's kinds.
func TestSignIn(t *testing.T) {
	srv, base := startDemo(t, demo.Options{})
	c := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword)
	if op, _ := c.Operator(); op.ID != demo.OperatorID || !op.Can.Has(client.CanRead|client.CanWrite|client.CanAudit) {
		t.Fatalf("operator %+v", op)
	}
	if left := time.Until(c.SessionExpires()); left < 23*time.Hour || left > 25*time.Hour {
		t.Fatalf("token lapses in %v", left)
	}
	if c.Endpoint() != base+"/api/v1" {
		t.Fatalf("endpoint %q", c.Endpoint())
	}
	k, _ := New(Config{Endpoint: base})
	op, err := k.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: srv.OperatorKey()})
	if err != nil || op.ID != demo.OperatorKeyID || !k.SessionExpires().IsZero() || k.Secret() != srv.OperatorKey() {
		t.Fatalf("key: %+v %v", op, err)
	}
	for _, tc := range []struct {
		email, password string
		want            error
	}{
		{demo.OperatorEmail, "wrong-password", client.ErrBadPassword},
		{demo.InactiveEmail, demo.InactivePassword, client.ErrBlocked},
		{demo.OperatorEmail, "ifplatform_not-a-key", client.ErrBadPassword},
		{demo.OperatorEmail, srv.TenantKey(), client.ErrForbidden}, // a tenant key is not a platform credential
	} {
		c, _ := New(Config{Endpoint: base})
		if _, err := c.Login(ctx, client.Credentials{Email: tc.email, Password: tc.password}); !errors.Is(err, tc.want) {
			t.Errorf("%s / %s: %v, want %v", tc.email, tc.password, err, tc.want)
		}
	}
}

// Roles become capabilities: a viewer reads as a tenant but cannot write; the auditor
// acts as nobody.
func TestRolesAreCapabilities(t *testing.T) {
	_, base := startDemo(t, demo.Options{})
	viewer, _ := signedIn(t, base, demo.ViewerEmail, demo.ViewerPassword).Operator()
	auditor, _ := signedIn(t, base, demo.AuditorEmail, demo.AuditorPassword).Operator()
	if !viewer.CanImpersonate() || viewer.Can.Has(client.CanWrite) || auditor.CanImpersonate() {
		t.Fatalf("viewer %v, auditor %v", viewer.Can, auditor.Can)
	}
	// The platform refuses the viewer's write too, should one get past the console.
	imp, err := signedIn(t, base, demo.ViewerEmail, demo.ViewerPassword).Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AcmeID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	if _, err := imp.Do(ctx, client.Request{Method: "POST", Path: "/events", Body: []byte(`{"name":"x"}`)}); !errors.Is(err, client.ErrForbidden) {
		t.Fatalf("viewer's write: %v", err)
	}
}

// Acting as a tenant: verified by its environments, the place by id or name, a foreign
// place refused and the one before kept, ?env= in a path refused unsent.
func TestActingInEnvironments(t *testing.T) {
	srv, base := startDemo(t, demo.Options{})
	c := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword)
	imp, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AcmeID, Scope: "staging"}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	scoped := imp.(client.Scoped)
	if scoped.Scope() != "env_staging" || len(scoped.Scopes()) != 3 || imp.Subject().Name != demo.AcmeName || imp.Target().Scope != "env_staging" {
		t.Fatalf("scope %q of %v, subject %+v", scoped.Scope(), scoped.Scopes(), imp.Subject())
	}
	if err := scoped.SetScope(ctx, "env_nowhere"); err == nil || scoped.Scope() != "env_staging" {
		t.Fatalf("foreign place: %v, now %q", err, scoped.Scope())
	}
	if err := scoped.SetScope(ctx, "env_production"); err != nil || scoped.Scope() != "env_production" {
		t.Fatalf("move: %v, now %q", err, scoped.Scope())
	}
	srv.ResetSeen()
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/functions?env=env_default"}); err == nil || !strings.Contains(err.Error(), "nothing was sent") {
		t.Fatalf("?env=: %v", err)
	}
	if len(srv.Seen()) != 0 {
		t.Fatal("a request naming its own environment went out")
	}
	resp, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/api/v1/functions"})
	if err != nil || resp.Status != 200 {
		t.Fatalf("read from the root: %+v %v", resp, err)
	}
	seen := srv.Seen()
	if last := seen[len(seen)-1]; last.Impersonation[demo.HeaderEnvironment] != "env_production" || last.Path != "/api/v1/functions" {
		t.Fatalf("sent %+v", last)
	}
	if _, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.GlobexID, Scope: "env_staging"}, client.ImpersonateOptions{}); err == nil {
		t.Fatal("globex has no staging")
	}
	if _, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: "org_nobody"}, client.ImpersonateOptions{}); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("unknown tenant: %v", err)
	}
}

// The subject's view is the tenant's sections, read as them.
func TestOverviewIsTheTenantsSections(t *testing.T) {
	_, base := startDemo(t, demo.Options{})
	imp, err := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword).Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AcmeID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	ov, err := imp.Overview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range ov.Sections {
		titles = append(titles, s.Title)
	}
	if strings.Join(titles, ",") != "Environments,Projects,Functions,Recent events,Workers" || len(ov.Sections[0].Rows) != 3 || len(ov.Sections[1].Rows) == 0 {
		t.Fatalf("sections %v: %+v", titles, ov.Sections)
	}
}

// The tenant list: the platform's search and paging; a plain server's whole list,
// searched here; a server without the licence says so.
func TestTenantList(t *testing.T) {
	srv, base := startDemo(t, demo.Options{Tenants: 500})
	c := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword)
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: "acme", Limit: 10})
	if err != nil || len(page.Subjects) == 0 || page.Subjects[0].ID != demo.AcmeID || page.Subjects[0].Facts["environments"] != "3" {
		t.Fatalf("search: %+v %v", page, err)
	}
	srv.SetPlainTenantList(true)
	plain := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword)
	all, err := plain.SearchSubjects(ctx, client.SubjectQuery{Limit: 25})
	if err != nil || len(all.Subjects) != 25 || all.Total != 500 || !strings.HasPrefix(all.Next, localCursor) {
		t.Fatalf("plain first page: %d, total %d, next %q, %v", len(all.Subjects), all.Total, all.Next, err)
	}
	srv.ResetSeen()
	found, err := plain.SearchSubjects(ctx, client.SubjectQuery{Search: "GLOBEX", Limit: 25})
	if err != nil || len(found.Subjects) == 0 || found.Subjects[0].ID != demo.GlobexID {
		t.Fatalf("plain search: %+v %v", found, err)
	}
	if len(srv.Seen()) != 0 {
		t.Fatal("the plain server was asked again: its list is kept")
	}
	srv.SetUnlicensed(true)
	if _, err := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword).SearchSubjects(ctx, client.SubjectQuery{}); err == nil || !strings.Contains(err.Error(), "enterprise license required") {
		t.Fatalf("unlicensed: %v", err)
	}
}

// The operator's audit is what they did as tenants, from the platform's log.
func TestOperatorAuditIsTheirImpersonatedRequests(t *testing.T) {
	_, base := startDemo(t, demo.Options{})
	c := signedIn(t, base, demo.OperatorEmail, demo.OperatorPassword)
	imp, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AcmeID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/functions"}); err != nil {
		t.Fatal(err)
	}
	imp.Stop()
	other := signedIn(t, base, demo.AdminEmail, demo.AdminPassword)
	if imp, err := other.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.GlobexID}, client.ImpersonateOptions{}); err == nil {
		imp.Stop()
	}
	rows, err := c.OperatorAudit(ctx, 50)
	if err != nil || len(rows) < 2 {
		t.Fatalf("audit: %d rows, %v", len(rows), err)
	}
	for _, r := range rows {
		if r.ActorID != demo.OperatorID || r.Target != demo.AcmeID || r.Scope != "env_default" || r.Status == 0 || r.Method != "GET" {
			t.Fatalf("row %+v", r)
		}
	}
	byTenant, err := c.SubjectAudit(ctx, demo.GlobexID, 10)
	if err != nil || len(byTenant) == 0 || byTenant[0].ActorID != demo.AdminID {
		t.Fatalf("globex audit: %+v %v", byTenant, err)
	}
}

// A token's expiry is read from its exp claim; without one it is a day.
func TestTokenExpiry(t *testing.T) {
	srv, _ := startDemo(t, demo.Options{})
	now := time.Now()
	exp := now.Add(3 * time.Hour).Truncate(time.Second)
	tok := srv.SignToken(demo.Claims{Platform: true, RegisteredClaims: jwt.RegisteredClaims{Subject: demo.OperatorID,
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp)}})
	if got := tokenExpiry(tok, now); !got.Equal(exp) {
		t.Fatalf("exp %v, want %v", got, exp)
	}
	if got := tokenExpiry("not-a-jwt", now); !got.Equal(now.Add(24 * time.Hour).UTC()) {
		t.Fatalf("no claim: %v", got)
	}
}
