package session

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

// sentAsUser counts the requests the demo backend received that named a target.
func sentAsUser(f *fixture) int {
	n := 0
	for _, s := range f.srv.Seen() {
		if s.Impersonating() {
			n++
		}
	}
	return n
}

// apiCall sends a request with the demo's API key (an administrator elsewhere).
func (f *fixture) apiCall(t *testing.T, method, path, body string) {
	t.Helper()
	req, _ := http.NewRequest(method, f.url+path, strings.NewReader(body))
	req.Header.Set("X-Appwrite-Project", demo.DefaultProject)
	req.Header.Set("X-Appwrite-Key", f.srv.APIKey())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %v %v", method, path, resp, err)
	}
	resp.Body.Close()
}

// A stop between Begin (in the console's Update) and Verify (in its command) cancels
// the attempt: nothing is sent as the user, not even the verification.
func TestStopBeforeVerifySendsNothing(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	att, err := f.sess.Begin(ada, "HELP-1")
	if err != nil {
		t.Fatal(err)
	}
	f.srv.ResetSeen()
	f.sess.Stop(StopKey)
	if _, err := f.sess.Verify(ctx, att); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("verify after stop: %v", err)
	}
	if n := len(f.srv.Seen()); n != 0 {
		t.Fatalf("%d requests went out after the stop: %+v", n, f.srv.Seen())
	}
}

// The operator loses the impersonator capability mid-session: the backend then answers
// as the operator. Such an answer is never returned as the user's, and the impersonation
// ends saying why.
func TestAnswerAfterTheBackendStoppedActingIsWithheld(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, err := f.sess.Impersonate(ctx, ada, "")
	if err != nil {
		t.Fatal(err)
	}
	f.apiCall(t, "PATCH", "/users/"+demo.OperatorID+"/impersonator", `{"impersonator":false}`)
	for _, path := range []string{"/account/prefs", "/account/sessions"} {
		resp, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: path}, "")
		if path == "/account/prefs" {
			if !errors.Is(err, ErrNoLongerActing) || resp.Status != 0 || resp.Body != nil {
				t.Fatalf("%s: %d %q %v", path, resp.Status, resp.Body, err)
			}
			continue
		}
		if !errors.Is(err, ErrNotImpersonating) {
			t.Fatalf("after the impersonation ended, %s: %v", path, err)
		}
	}
	if e := f.sess.Ended(); e.Why != StopError || e.Detail != "the backend stopped acting as the user" {
		t.Fatalf("ended %+v", e)
	}
	if _, err := f.sess.Overview(ctx, act.Gen); err == nil {
		t.Fatal("overview after the end")
	}
}

func TestOverviewIsVerifiedAfterItsLastRead(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "")
	// An administrator revokes the capability just before the overview's last read (the
	// logs): every read before it was theirs, the last one is not.
	f.before("/v1/account/logs", func() {
		f.apiCall(t, "PATCH", "/users/"+demo.OperatorID+"/impersonator", `{"impersonator":false}`)
	})
	ov, err := f.sess.Overview(ctx, act.Gen)
	if !errors.Is(err, ErrNoLongerActing) || ov.Subject.ID != "" {
		t.Fatalf("overview %+v, %v", ov.Subject, err)
	}
}

// The operator's session is revoked elsewhere: the next request gets 401, the
// impersonation stops, both are journaled and the session is signed out.
func TestRevokedSessionEndsEverything(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "HELP-9")
	f.apiCall(t, "DELETE", "/users/"+demo.OperatorID+"/sessions", "")
	_, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account"}, "")
	if !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("err %v", err)
	}
	if f.sess.State() != SignedOut || !strings.Contains(f.sess.SignedOutWhy(), "sign in again") {
		t.Fatalf("state %v, why %q", f.sess.State(), f.sess.SignedOutWhy())
	}
	names := eventNames(f.events(t))
	if !strings.HasSuffix(names, "impersonation.stop session.ended") {
		t.Fatalf("journal: %s", names)
	}
	if _, err := f.sess.Search(ctx, client.SubjectQuery{}); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("search: %v", err)
	}
}

// A journal that stops accepting lines stops the impersonation before the next request
// goes out, and says so.
func TestJournalFailureStopsBeforeAnythingIsSent(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "")
	f.sess.cfg.Journal.Close() // as a full disk would: every append fails
	f.srv.ResetSeen()
	_, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account"}, "")
	if !errors.Is(err, ErrJournal) {
		t.Fatalf("err %v", err)
	}
	if n := sentAsUser(f); n != 0 {
		t.Fatalf("%d requests went out as the user without a journal line", n)
	}
	e := f.sess.Ended()
	if _, ok := f.sess.Active(); ok || e.Detail != journalFailure || e.JournalErr == nil {
		t.Fatalf("still active, or ended %+v", e)
	}
}

func TestJournalFailureRefusesTheStart(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	f.sess.cfg.Journal.Close()
	f.srv.ResetSeen()
	if _, err := f.sess.Impersonate(ctx, ada, ""); !errors.Is(err, ErrJournal) {
		t.Fatalf("err %v", err)
	}
	if n := sentAsUser(f); n != 0 {
		t.Fatalf("%d requests went out as the user", n)
	}
}

// logoutSpy records the session value a sign-in created, and whether it was ended.
type logoutSpy struct {
	client.Backend
	secret string
	ended  bool
}

func (s *logoutSpy) Logout(c2 ctxType) error {
	s.secret, s.ended = s.Backend.Secret(), true
	return s.Backend.Logout(c2)
}

func TestSignInThatCannotBeJournaledIsEnded(t *testing.T) {
	f := newFixture(t)
	spy := &logoutSpy{Backend: f.sess.cfg.Backend}
	f.sess.cfg.Backend = spy
	f.sess.cfg.Journal.Close()
	if _, err := f.sess.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword}); !errors.Is(err, ErrJournal) {
		t.Fatalf("err %v", err)
	}
	if !spy.ended || spy.secret == "" || f.srv.IsSessionSecret(spy.secret) || f.sess.State() != SignedOut {
		t.Fatalf("ended %v, still live %v, state %v", spy.ended, f.srv.IsSessionSecret(spy.secret), f.sess.State())
	}
}

func TestResumeIsNotASignIn(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	again := newFixture(t)
	again.sess.cfg.Backend = f.sess.cfg.Backend
	if _, err := again.sess.Resume(ctx, f.sess.Secret()); err != nil {
		t.Fatal(err)
	}
	if names := eventNames(again.events(t)); names != EventResumed {
		t.Fatalf("journal: %s", names)
	}
}

// A read the transport retries (503) is journaled before each sending, and a stop during
// the wait for the retry keeps the retry from going out.
func TestEveryRetryIsJournaledFirst(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "")
	f.srv.Inject("/v1/account/prefs", 1, demo.Fault{Status: 503})
	if resp, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account/prefs"}, ""); err != nil || resp.Status != 200 {
		t.Fatalf("%d %v", resp.Status, err)
	}
	var lines []string
	for _, e := range f.events(t) {
		if e.Path == "/v1/account/prefs" || (e.Event == EventResponse && len(lines) > 0 && len(lines) < 3) {
			lines = append(lines, e.Event+":"+itoa(e.Attempt)+":"+itoa(e.Status))
		}
	}
	if got := strings.Join(lines, " "); got != "request:0:0 request:2:0 response:2:200" {
		t.Fatalf("journal: %s", got)
	}
	merged := Answered(f.events(t))
	for _, e := range merged {
		if e.Path == "/v1/account/prefs" && (e.Attempt != 2 || e.Status != 200) {
			t.Fatalf("merged %+v", e)
		}
	}

	f.srv.Inject("/v1/account/prefs", 1, demo.Fault{Status: 503, RetryAfter: time.Second})
	mark := len(f.srv.Seen())
	go func() {
		for {
			seen := f.srv.Seen()
			if len(seen) > mark && seen[len(seen)-1].Status == 503 {
				f.sess.Stop(StopKey)
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	if _, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "GET", Path: "/account/prefs"}, ""); err == nil {
		t.Fatal("the stopped request answered")
	}
	prefs := 0
	for _, s := range f.srv.Seen()[mark:] {
		if s.Path == "/v1/account/prefs" {
			prefs++
		}
	}
	if prefs != 1 {
		t.Fatalf("the retry went out after the stop: %d sendings", prefs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A 401 is also how the backend refuses a missing scope: the user may not rename others.
// The operator's session is fine, so nothing but the request is refused, and the answer is
// shown only once verified.
func TestMissingScopeIsNotASignOut(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	act, _ := f.sess.Impersonate(ctx, ada, "")
	if _, err := f.sess.Elevate(act.Gen); err != nil {
		t.Fatal(err)
	}
	resp, err := f.sess.Do(ctx, act.Gen, client.Request{Method: "PATCH", Path: "/users/ada/name", Body: []byte(`{"name":"x"}`)}, demo.AdaID)
	if !errors.Is(err, client.ErrUnauthorized) || resp.Status != 401 {
		t.Fatalf("%d %v", resp.Status, err)
	}
	if f.sess.State() != Impersonating || strings.Contains(eventNames(f.events(t)), EventSessionEnded) {
		t.Fatalf("state %v, journal %s", f.sess.State(), eventNames(f.events(t)))
	}
	if _, err := f.sess.Search(ctx, client.SubjectQuery{Search: "ada"}); err != nil {
		t.Fatal(err)
	}
}

// A stop while the backend is being asked leaves an end line for what was sent.
func TestStopDuringVerificationIsJournaled(t *testing.T) {
	f := signedIn(t, Policy{}, time.Now)
	att, err := f.sess.Begin(ada, "HELP-3")
	if err != nil {
		t.Fatal(err)
	}
	f.before("/v1/account", func() { f.sess.StopWith(StopSignal, "interrupted by SIGTERM") })
	if _, err := f.sess.Verify(ctx, att); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("err %v", err)
	}
	var sent, ended bool
	for _, e := range f.events(t) {
		sent = sent || e.Event == EventRequest && e.NamedAs == demo.AdaEmail
		ended = ended || e.Event == EventImpersonateStop && e.Why == "signal" && e.Impersonation != "" &&
			e.NamedAs == demo.AdaEmail && strings.Contains(e.Detail, "before the backend confirmed")
	}
	if !sent || !ended {
		t.Fatalf("sent %v, ended %v: %s", sent, ended, eventNames(f.events(t)))
	}
}
