package appwrite

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

func TestImpersonateVerifiesEachWayOfNamingTheTarget(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	for _, target := range []client.Target{
		{Kind: client.ByID, Value: demo.AdaID},
		{Kind: client.ByEmail, Value: "ADA@example.com"},
		{Kind: client.ByPhone, Value: demo.AdaPhone},
	} {
		mark := b.mark()
		imp, err := c.ImpersonateUser(ctx, target, client.ImpersonateOptions{})
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		if s := imp.Subject(); s.ID != demo.AdaID || s.Name != "Ada Lovelace" {
			t.Fatalf("%s: subject %+v", target, s)
		}
		acct, err := imp.Account(ctx)
		if err != nil || acct.ImpersonatorUserID == nil || *acct.ImpersonatorUserID != demo.OperatorID {
			t.Fatalf("%s: account %+v %v", target, acct, err)
		}
		// The verification names the target as the operator did; every later request
		// names the verified user by id.
		for i, s := range b.seenSince(mark) {
			want := map[string]string{targetHeader(client.ByID): demo.AdaID}
			if i == 0 {
				want = map[string]string{targetHeader(target.Kind): target.Value}
			}
			if len(s.Impersonation) != 1 || s.Impersonation[headerKey(want)] != want[headerKey(want)] {
				t.Fatalf("%s: request %d carried %v, want exactly %v", target, i, s.Impersonation, want)
			}
		}
		imp.Stop()
	}
}

// The server ignores unknown targets and non-impersonators without an error; only the
// verification notices.
func TestImpersonationThatTheServerIgnoresIsRefused(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	for _, target := range []client.Target{
		{Kind: client.ByID, Value: "nobody-has-this-id"},
		{Kind: client.ByEmail, Value: "nobody@example.com"},
		{Kind: client.ByPhone, Value: "+19999999999"},
	} {
		if _, err := c.Impersonate(ctx, target, client.ImpersonateOptions{}); !errors.Is(err, client.ErrNotHonoured) {
			t.Fatalf("%s: err = %v", target, err)
		}
	}
	viewer := b.client(t, nil)
	if _, err := viewer.Login(ctx, client.Credentials{Email: demo.ViewerEmail, Password: demo.ViewerPassword}); err != nil {
		t.Fatal(err)
	}
	_, err := viewer.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, client.ImpersonateOptions{})
	if !errors.Is(err, client.ErrNotHonoured) || !strings.Contains(err.Error(), "viewer") {
		t.Fatalf("non-impersonator: %v", err)
	}
}

func TestImpersonatingBlockedUserIsForbidden(t *testing.T) {
	b := startDemo(t, demo.Options{})
	_, err := b.operator(t).Impersonate(ctx, client.Target{Kind: client.ByEmail, Value: demo.BlockedEmail}, client.ImpersonateOptions{})
	if !errors.Is(err, client.ErrBlocked) || !errors.Is(err, client.ErrForbidden) {
		t.Fatalf("err = %v", err)
	}
}

func TestImpersonateNeedsSignIn(t *testing.T) {
	b := startDemo(t, demo.Options{})
	if _, err := b.client(t, nil).Impersonate(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{}); !errors.Is(err, client.ErrNotSignedIn) {
		t.Fatalf("err = %v", err)
	}
	if _, err := b.operator(t).Impersonate(ctx, client.Target{Value: " "}, client.ImpersonateOptions{}); err == nil {
		t.Fatal("empty target accepted")
	}
}

// A server that strips the impersonator fields (response format below 1.9.0, or an older
// release) cannot prove the impersonation: refuse it.
func TestServerWithoutImpersonatorFieldsIsRefused(t *testing.T) {
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/v1/account/sessions/email":
			w.Header().Set("X-Fallback-Cookies", `{"a_session_p":"v"}`)
			w.WriteHeader(201)
			_, _ = w.Write([]byte(`{}`))
		case r.Header.Get("X-Appwrite-Impersonate-User-Id") != "":
			_, _ = w.Write([]byte(`{"$id":"ada","email":"ada@example.com"}`))
		default:
			_, _ = w.Write([]byte(`{"$id":"op","email":"op@example.com","impersonator":true}`))
		}
	}))
	defer hs.Close()
	c, _ := New(Config{Endpoint: hs.URL, Project: "p"})
	if _, err := c.Login(ctx, client.Credentials{Email: "op@example.com", Password: "password1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Impersonate(ctx, client.Target{Value: "ada"}, client.ImpersonateOptions{}); !errors.Is(err, client.ErrNotHonoured) {
		t.Fatalf("err = %v", err)
	}
}

func TestStopCancelsInFlightAndLaterCalls(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b.srv.Inject("/v1/account/sessions", 1, demo.Fault{Delay: 10 * time.Second})
	done := make(chan error, 1)
	go func() {
		_, err := imp.Sessions(ctx)
		done <- err
	}()
	time.Sleep(100 * time.Millisecond) // let the request reach the server
	start := time.Now()
	imp.Stop()
	select {
	case err := <-done:
		if !errors.Is(err, client.ErrStopped) {
			t.Fatalf("in-flight request: %v", err)
		}
		if time.Since(start) > 2*time.Second {
			t.Fatal("stop did not cut the request short")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("in-flight request survived stop")
	}
	if _, err := imp.Account(ctx); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("after stop: %v", err)
	}
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/account"}); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("Do after stop: %v", err)
	}
	mark := b.mark()
	if _, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: "ada"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range b.seenSince(mark) {
		if s.Impersonating() {
			t.Fatalf("operator request after stop carried %v", s.Impersonation)
		}
	}
}

// While an impersonation exists, the operator's own client still sends no target.
func TestOperatorClientNeverCarriesTarget(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	mark := b.mark()
	if _, err := c.Subject(ctx, demo.AdaID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.OperatorAudit(ctx, 3); err != nil {
		t.Fatal(err)
	}
	for _, s := range b.seenSince(mark) {
		if s.Impersonating() {
			t.Fatalf("operator request carried %v", s.Impersonation)
		}
	}
}

func TestTypedViewsAsTheUser(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	sessions, err := imp.Sessions(ctx)
	if err != nil || len(sessions) == 0 || sessions[0].UserID != demo.AdaID {
		t.Fatalf("sessions %+v %v", sessions, err)
	}
	for _, s := range sessions {
		if s.Current {
			t.Fatalf("the operator's session shows as the user's current one: %+v", s)
		}
	}
	prefs, err := imp.Prefs(ctx)
	if err != nil || prefs["theme"] != "dark" {
		t.Fatalf("prefs %v %v", prefs, err)
	}
	factors, err := imp.MFAFactors(ctx)
	if err != nil || factors.TOTP {
		t.Fatalf("factors %+v %v", factors, err)
	}
	logs, err := imp.Logs(ctx, 10)
	if err != nil || len(logs) == 0 || logs[0].ActorID != demo.AdaID {
		t.Fatalf("logs %+v %v", logs, err)
	}
}

func TestDoScrubsPasswordFieldsAndCredentialHeaders(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	resp, err := imp.Do(ctx, client.Request{Method: "get", Path: "/users/" + demo.AdaID})
	if err != nil || resp.Status != 200 {
		t.Fatalf("%d %v", resp.Status, err)
	}
	var doc map[string]any
	if err := json.Unmarshal(resp.Body, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"password", "hash", "hashOptions"} {
		if _, ok := doc[k]; ok {
			t.Fatalf("%q kept in %s", k, resp.Body)
		}
	}
	if doc["$id"] != demo.AdaID || resp.Duration <= 0 {
		t.Fatalf("doc %v duration %v", doc, resp.Duration)
	}

	resp, err = imp.Do(ctx, client.Request{Method: "PATCH", Path: "/account/prefs", Body: []byte(`{"prefs":{"theme":"light"}}`)})
	if err != nil || resp.Status != 200 {
		t.Fatalf("write: %d %v", resp.Status, err)
	}
	resp, err = imp.Do(ctx, client.Request{Method: "GET", Path: "/users/nobody"})
	if resp.Status != 404 || !errors.Is(err, client.ErrNotFound) || len(resp.Body) == 0 {
		t.Fatalf("404: %d %v %s", resp.Status, err, resp.Body)
	}
	if resp, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/v1/account"}); err != nil || !strings.Contains(string(resp.Body), `"ada"`) {
		t.Fatalf("a path from the server root: %d %v", resp.Status, err)
	}
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "account"}); err == nil {
		t.Fatal("relative path without / accepted")
	}
}

func TestObserverSeesEveryRequestAsTheUser(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	var mu sync.Mutex
	var seen []client.Exchange
	observe := func(x client.Exchange) { mu.Lock(); seen = append(seen, x); mu.Unlock() }
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{Observe: observe})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/users/nobody"}); !errors.Is(err, client.ErrNotFound) {
		t.Fatal(err)
	}
	if _, err := c.Subject(ctx, demo.AdaID); err != nil { // the operator's own: not observed
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0].Path != "/v1/account" || seen[0].Status != 200 ||
		seen[1].Method != "GET" || seen[1].Path != "/v1/users/nobody" || seen[1].Status != 404 || seen[1].Duration <= 0 {
		t.Fatalf("observed %+v", seen)
	}
}

func TestOverview(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	ov, err := imp.Overview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ov.Subject.ID != demo.AdaID || len(ov.Devices) != 2 || len(ov.Activity) == 0 {
		t.Fatalf("overview %+v", ov)
	}
	facts := map[string]string{}
	for _, f := range ov.Facts {
		facts[f.Label] = f.Value
	}
	if facts["Second factors"] != "email, phone" || facts["Pref theme"] != "dark" {
		t.Fatalf("facts %v", facts)
	}
}

func headerKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}

// Appwrite reads impersonateUserId from the query when the Id header is missing: with the
// target pinned by id and such parameters refused, a path cannot switch the user.
func TestPathCannotNameAnotherTarget(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Kind: client.ByEmail, Value: demo.AdaEmail}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	mark := b.mark()
	for _, req := range []client.Request{
		{Method: "GET", Path: "/account?impersonateUserId=olive"},
		{Method: "GET", Path: "/account?IMPERSONATEEMAIL=olive@example.com"},
		{Method: "GET", Path: "/account", Query: map[string][]string{"impersonatePhone": {"+1"}}},
	} {
		if _, err := imp.Do(ctx, req); err == nil || !strings.Contains(err.Error(), "names a target of its own") {
			t.Fatalf("%+v: %v", req, err)
		}
	}
	if len(b.seenSince(mark)) != 0 {
		t.Fatal("a request naming another target went out")
	}
}

// When the backend stops honouring the impersonation (the operator lost the capability),
// the next read notices and ends it instead of showing the operator's account as theirs.
func TestImpersonationThatStopsBeingHonouredEnds(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	revoke, _ := http.NewRequest("PATCH", b.url+"/v1/users/"+demo.OperatorID+"/impersonator", strings.NewReader(`{"impersonator":false}`))
	revoke.Header.Set("X-Appwrite-Project", demo.DefaultProject)
	revoke.Header.Set("X-Appwrite-Key", b.srv.APIKey())
	revoke.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(revoke); err != nil || resp.StatusCode != 200 {
		t.Fatalf("revoke: %v", err)
	}
	if _, err := imp.Overview(ctx); !errors.Is(err, client.ErrNotHonoured) {
		t.Fatalf("overview after the revocation: %v", err)
	}
	mark := b.mark()
	if _, err := imp.Do(ctx, client.Request{Method: "PATCH", Path: "/account/prefs", Body: []byte(`{"prefs":{}}`)}); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("write after the revocation: %v", err)
	}
	if len(b.seenSince(mark)) != 0 {
		t.Fatal("a request went out after the impersonation ended")
	}
}

// Nothing goes out as the user unless Before let it: a refusal there sends nothing.
func TestBeforeRefusalSendsNothing(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	var refuse atomic.Bool
	var seqs []int
	before := func(x client.Exchange) error {
		seqs = append(seqs, x.Seq)
		if refuse.Load() {
			return errors.New("journal full")
		}
		return nil
	}
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{Before: before})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	refuse.Store(true)
	b.srv.ResetSeen()
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/account/prefs"}); err == nil || err.Error() != "journal full" {
		t.Fatalf("err %v", err)
	}
	if n := len(b.srv.Seen()); n != 0 {
		t.Fatalf("%d requests went out", n)
	}
	if len(seqs) != 2 || seqs[0] != 1 || seqs[1] != 2 {
		t.Fatalf("sequence numbers %v", seqs)
	}
}

// Dot-segments are resolved before sending, and a path that leaves the endpoint's base
// is refused with nothing sent.
func TestDoResolvesDotSegments(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	b.srv.ResetSeen()
	if _, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/../../x"}); err == nil || !strings.Contains(err.Error(), "leaves the endpoint's base") {
		t.Fatalf("err %v", err)
	}
	if n := len(b.srv.Seen()); n != 0 {
		t.Fatalf("%d requests went out", n)
	}
	resp, err := imp.Do(ctx, client.Request{Method: "GET", Path: "/account/x/../prefs"})
	if err != nil || resp.Status != 200 {
		t.Fatalf("%d %v", resp.Status, err)
	}
	if seen := b.srv.Seen(); len(seen) != 1 || seen[0].Path != "/v1/account/prefs" {
		t.Fatalf("seen %+v", seen)
	}
}

func TestFindLooksTargetsUpExactly(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	for _, target := range []client.Target{{Kind: client.ByID, Value: demo.AdaID}, {Kind: client.ByEmail, Value: "ADA@example.com"}, {Kind: client.ByPhone, Value: "+14155550100"}} {
		if s, err := c.Find(ctx, target); err != nil || s.ID != demo.AdaID {
			t.Errorf("%v: %+v %v", target, s.ID, err)
		}
	}
	for _, target := range []client.Target{{Kind: client.ByID, Value: "nobody"}, {Kind: client.ByEmail, Value: "ada@exampel.com"}, {Kind: client.ByPhone, Value: "+14155550199"}} {
		if _, err := c.Find(ctx, target); !errors.Is(err, client.ErrNotFound) {
			t.Errorf("%v: %v", target, err)
		}
	}
}

// The journal is told the path as it is sent: escapes kept as they are, not escaped again.
func TestExchangePathKeepsEscapes(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	var paths []string
	imp, err := c.ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{
		Before: func(x client.Exchange) error { paths = append(paths, x.Path); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	_, _ = imp.Do(ctx, client.Request{Method: "GET", Path: "/users/a%20b"})
	if got := paths[len(paths)-1]; got != "/v1/users/a%20b" {
		t.Fatalf("journaled %q", got)
	}
}
