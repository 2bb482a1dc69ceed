package session

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
)

var ctx = context.Background()

type fixture struct {
	srv     *demo.Server
	url     string
	sess    *Session
	journal string
	hooks   *hookTransport
}

// hookTransport runs a function just before the first request to a path goes out, so a
// test can change the backend at an exact point without waiting.
type hookTransport struct {
	mu    sync.Mutex
	hooks map[string]func()
}

func (h *hookTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	fn := h.hooks[r.URL.Path]
	delete(h.hooks, r.URL.Path)
	h.mu.Unlock()
	if fn != nil {
		fn()
	}
	return http.DefaultTransport.RoundTrip(r)
}

// before makes fn run right before the next request to path.
func (f *fixture) before(path string, fn func()) {
	f.hooks.mu.Lock()
	defer f.hooks.mu.Unlock()
	f.hooks.hooks[path] = fn
}

type ctxType = context.Context

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureWith(t, Policy{}, time.Now)
}

func newFixtureWith(t *testing.T, policy Policy, clock func() time.Time) *fixture {
	t.Helper()
	srv := demo.New(demo.Options{Users: 500, LoginLimit: -1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	hooks := &hookTransport{hooks: map[string]func(){}}
	c, err := appwrite.New(appwrite.Config{Endpoint: hs.URL, Project: demo.DefaultProject, HTTP: client.HTTPConfig{Transport: hooks}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return &fixture{srv: srv, url: c.Endpoint(), journal: path, hooks: hooks,
		sess: New(Config{Backend: c, Journal: j, Endpoint: c.Endpoint(), Project: demo.DefaultProject, Policy: policy, Clock: clock})}
}

func (f *fixture) login(t *testing.T, email, password string) {
	t.Helper()
	if _, err := f.sess.Login(ctx, client.Credentials{Email: email, Password: password}); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) events(t *testing.T) []Entry {
	t.Helper()
	got, _, err := ReadJournal(f.journal)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func eventNames(entries []Entry) string {
	var names []string
	for _, e := range entries {
		names = append(names, e.Event)
	}
	return strings.Join(names, " ")
}

var ada = client.Target{Kind: client.ByEmail, Value: demo.AdaEmail}

func TestSignedOutCannotImpersonate(t *testing.T) {
	f := newFixture(t)
	if _, err := f.sess.Impersonate(ctx, ada, ""); !errors.Is(err, client.ErrNotSignedIn) {
		t.Fatalf("err = %v", err)
	}
	if _, err := f.sess.Do(ctx, f.gen(), client.Request{Method: "GET", Path: "/account"}, ""); !errors.Is(err, ErrNotImpersonating) {
		t.Fatalf("Do: %v", err)
	}
	if f.sess.State() != SignedOut || f.sess.Stop(StopKey) {
		t.Fatal("stop while signed out did something")
	}
}

func TestNonImpersonatorIsRefusedWithoutAsking(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.ViewerEmail, demo.ViewerPassword)
	f.srv.ResetSeen()
	if _, err := f.sess.Impersonate(ctx, ada, ""); !errors.Is(err, ErrNotOperator) {
		t.Fatalf("err = %v", err)
	}
	if len(f.srv.Seen()) != 0 {
		t.Fatalf("a request went out: %+v", f.srv.Seen())
	}
}

func TestImpersonateDoStop(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	act, err := f.sess.Impersonate(ctx, ada, "HELP-4711")
	if err != nil {
		t.Fatal(err)
	}
	if act.Subject.ID != demo.AdaID || act.Reason != "HELP-4711" || f.sess.State() != Impersonating {
		t.Fatalf("active %+v state %v", act, f.sess.State())
	}
	resp, err := f.sess.Do(ctx, f.gen(), client.Request{Method: "GET", Path: "/account"}, "")
	if err != nil || resp.Status != 200 || !strings.Contains(string(resp.Body), `"ada"`) {
		t.Fatalf("Do: %d %v", resp.Status, err)
	}
	if !f.sess.Stop(StopKey) || f.sess.State() != SignedIn {
		t.Fatal("stop")
	}
	if _, ok := f.sess.Active(); ok {
		t.Fatal("still active after stop")
	}
	if _, err := f.sess.Do(ctx, f.gen(), client.Request{Method: "GET", Path: "/account"}, ""); !errors.Is(err, ErrNotImpersonating) {
		t.Fatalf("Do after stop: %v", err)
	}
	f.srv.ResetSeen()
	if _, err := f.sess.Search(ctx, client.SubjectQuery{Search: "ada"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range f.srv.Seen() {
		if s.Impersonating() {
			t.Fatalf("after stop a request carried %v", s.Impersonation)
		}
	}
	got := f.events(t)
	// The verification, the start, the request and the check after it, the stop: every
	// request line written before the request went out, its response after.
	if names := eventNames(got); names != "login request response impersonation.start request response request response impersonation.stop" {
		t.Fatalf("journal: %s", names)
	}
	start, req, answer, stop := got[3], got[4], got[5], got[8]
	if start.Target != demo.AdaID || start.NamedBy != "email" || start.NamedAs != demo.AdaEmail || start.Reason != "HELP-4711" || start.OperatorID != demo.OperatorID {
		t.Fatalf("start %+v", start)
	}
	if req.Method != "GET" || req.Path != "/v1/account" || req.Status != 0 || req.Reason != "HELP-4711" || req.Target != demo.AdaID {
		t.Fatalf("request %+v", req)
	}
	if answer.Seq != req.Seq || answer.Status != 200 || answer.Impersonation != start.Impersonation || start.Impersonation == "" {
		t.Fatalf("response %+v for %+v", answer, req)
	}
	if stop.Why != "key" || stop.Target != demo.AdaID {
		t.Fatalf("stop %+v", stop)
	}
}

func TestSwitchingTargetsStopsTheFirst(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	if _, err := f.sess.Impersonate(ctx, ada, ""); err != nil {
		t.Fatal(err)
	}
	act, err := f.sess.Impersonate(ctx, client.Target{Kind: client.ByID, Value: "olga"}, "")
	if err != nil || act.Subject.ID != "olga" {
		t.Fatalf("%+v %v", act, err)
	}
	var stops []Entry
	for _, e := range f.events(t) {
		if e.Event == EventImpersonateStop {
			stops = append(stops, e)
		}
	}
	if len(stops) != 1 || stops[0].Why != "switch" || stops[0].Target != demo.AdaID {
		t.Fatalf("stops %+v", stops)
	}
}

func TestRefusedImpersonationIsJournaledAndChangesNothing(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	for _, target := range []client.Target{{Value: "no-such-user"}, {Kind: client.ByEmail, Value: demo.BlockedEmail}} {
		if _, err := f.sess.Impersonate(ctx, target, ""); err == nil {
			t.Fatalf("%s accepted", target)
		}
		if f.sess.State() != SignedIn {
			t.Fatalf("%s: state %v", target, f.sess.State())
		}
	}
	got := f.events(t)
	refused := 0
	for _, e := range got {
		if e.Event == EventImpersonateRefuse {
			refused++
			if e.Why == "" || e.NamedAs == "" {
				t.Fatalf("refusal without why/target: %+v", e)
			}
		}
		if e.Event == EventImpersonateStart {
			t.Fatal("a refused impersonation was journaled as started")
		}
	}
	if refused != 2 {
		t.Fatalf("journal: %s", eventNames(got))
	}
}

// Stopping while the backend is still verifying the target: the impersonation never starts.
func TestStopDuringVerification(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	f.srv.Inject("/v1/account", 1, demo.Fault{Delay: 400 * time.Millisecond})
	done := make(chan error, 1)
	go func() {
		_, err := f.sess.Impersonate(ctx, ada, "")
		done <- err
	}()
	time.Sleep(100 * time.Millisecond)
	f.sess.Stop(StopKey)
	if err := <-done; !errors.Is(err, client.ErrStopped) {
		t.Fatalf("err = %v", err)
	}
	if f.sess.State() != SignedIn {
		t.Fatalf("state %v", f.sess.State())
	}
}

func TestNoJournalNoImpersonation(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	f.sess.cfg.Journal.Close()
	if _, err := f.sess.Impersonate(ctx, ada, ""); err == nil {
		t.Fatal("impersonation started without a journal")
	}
	if f.sess.State() != SignedIn {
		t.Fatalf("state %v", f.sess.State())
	}
}

func TestLogoutStopsImpersonationFirst(t *testing.T) {
	f := newFixture(t)
	f.login(t, demo.OperatorEmail, demo.OperatorPassword)
	secret := f.sess.Secret()
	if _, err := f.sess.Impersonate(ctx, ada, ""); err != nil {
		t.Fatal(err)
	}
	if err := f.sess.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	got := f.events(t)
	n := len(got)
	if f.sess.State() != SignedOut || got[n-2].Event != EventImpersonateStop || got[n-2].Why != "logout" || got[n-1].Event != EventLogout {
		t.Fatalf("state %v journal %s", f.sess.State(), eventNames(got))
	}
	raw, _ := os.ReadFile(f.journal)
	if strings.Contains(string(raw), secret) || strings.Contains(string(raw), demo.OperatorPassword) {
		t.Fatal("the journal holds a secret")
	}
}

// gen is the running impersonation's generation (0 when none).
func (f *fixture) gen() int {
	act, _ := f.sess.Active()
	return act.Gen
}
