// Package backendtest is the conformance suite every dialect's client runs against its
// demo backend: sign-in, resume, paging, verification before anything is shown,
// impersonation a server silently ignores, stop, writes never retried, no credential in
// what the console shows, and every typed error. It is test support: import it only
// from _test.go files.
package backendtest

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"actas/client"
)

// Fault is how the demo misbehaves for the next requests to a path.
type Fault struct {
	Status     int           // answer with this status, in the dialect's error shape
	RetryAfter time.Duration // with a Retry-After header
	Delay      time.Duration // wait before answering
	Malformed  bool          // answer 200 with the JSON cut in half
}

// Seen is one request the demo received.
type Seen struct {
	Method, Path string
	ActingAs     string // whom the request acted as ("" for the operator's own)
}

// Fixture is one dialect's demo backend, as the suite drives it. Start gives a fresh one
// for each test.
type Fixture struct {
	Dialect  client.Dialect
	Endpoint string
	Scope    string
	Operator client.Credentials // may act as subjects
	Denied   client.Credentials // signed in, may not act as anyone
	// Search finds more than one page of PageSize subjects.
	Search   string
	PageSize int
	Target   client.Target // a subject to act as
	TargetID string        // the id the backend gives it
	// Ignored names a subject a server ignores without saying so (an unknown one): the
	// backend answers as the operator.
	Ignored client.Target
	// IgnoringEndpoint, when set, is a second demo that ignores the target in that way
	// (MPDX's: it mints the token for the caller); Ignored is asked for there.
	IgnoringEndpoint string
	// Read and Write are requests as the subject; ReadPath and WritePath are the paths
	// the server sees for them (what Fail matches).
	Read, Write         client.Request
	ReadPath, WritePath string
	// VerifyPath is the path of the request Verify sends.
	VerifyPath string
	// Fail makes the demo answer the next n requests whose path starts with prefix so.
	Fail func(prefix string, n int, f Fault)
	// LogoutOnlyForgets says the backend has no call that ends a session: its tokens live
	// until they expire, and logging out forgets them here (Ironflow).
	LogoutOnlyForgets bool
	// Expire, for a backend whose impersonations expire by themselves (MPDX's one-hour
	// token), moves the demo's clock past every expiry; nil: they do not expire.
	Expire func()
	// Seen is what the demo has received; ResetSeen forgets it.
	Seen      func() []Seen
	ResetSeen func()
}

// Run runs the suite; start makes a fresh fixture for each test.
func Run(t *testing.T, start func(t *testing.T) *Fixture) {
	t.Run("SignIn", func(t *testing.T) { signIn(t, start(t)) })
	t.Run("Resume", func(t *testing.T) { resume(t, start(t)) })
	t.Run("Denied", func(t *testing.T) { denied(t, start(t)) })
	t.Run("Paging", func(t *testing.T) { paging(t, start(t)) })
	t.Run("VerifyBeforeShow", func(t *testing.T) { verifyBeforeShow(t, start(t)) })
	t.Run("SilentIgnoreIsNotHonoured", func(t *testing.T) { silentIgnore(t, start(t)) })
	t.Run("StopCancelsInFlight", func(t *testing.T) { stopCancels(t, start(t)) })
	t.Run("NothingSentAfterStop", func(t *testing.T) { nothingAfterStop(t, start(t)) })
	t.Run("WritesAreNeverRetried", func(t *testing.T) { writesNotRetried(t, start(t)) })
	t.Run("NoCredentialShown", func(t *testing.T) { noCredentialShown(t, start(t)) })
	t.Run("TypedErrors", func(t *testing.T) { typedErrors(t, start(t)) })
	t.Run("ExpiresByItself", func(t *testing.T) { expires(t, start(t)) })
}

var ctx = context.Background()

func open(t *testing.T, f *Fixture, http client.HTTPConfig) client.Backend {
	t.Helper()
	b, err := f.Dialect.Open(client.Config{Endpoint: f.Endpoint, Scope: f.Scope, Insecure: true, HTTP: http})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return b
}

func signedIn(t *testing.T, f *Fixture, http client.HTTPConfig) (client.Backend, client.Operator) {
	t.Helper()
	b := open(t, f, http)
	op, err := b.Login(ctx, f.Operator)
	if err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	return b, op
}

func acting(t *testing.T, f *Fixture, http client.HTTPConfig) client.Impersonation {
	t.Helper()
	b, _ := signedIn(t, f, http)
	imp, err := b.Impersonate(ctx, f.Target, client.ImpersonateOptions{Reason: "conformance"})
	if err != nil {
		t.Fatalf("impersonate: %v", err)
	}
	t.Cleanup(imp.Stop)
	return imp
}

func signIn(t *testing.T, f *Fixture) {
	b, op := signedIn(t, f, client.HTTPConfig{})
	if op.ID == "" || op.Email == "" || !op.CanImpersonate() || b.Secret() == "" || b.Endpoint() == "" {
		t.Fatalf("operator %+v, secret set %v, endpoint %q", op, b.Secret() != "", b.Endpoint())
	}
	if err := b.Logout(ctx); err != nil || b.Secret() != "" {
		t.Fatalf("logout: %v, secret kept %v", err, b.Secret() != "")
	}
}

func resume(t *testing.T, f *Fixture) {
	b, op := signedIn(t, f, client.HTTPConfig{})
	again := open(t, f, client.HTTPConfig{})
	got, err := again.Resume(ctx, b.Secret())
	if err != nil || got.ID != op.ID {
		t.Fatalf("resume: %+v %v", got, err)
	}
	if _, err := open(t, f, client.HTTPConfig{}).Resume(ctx, "not-a-session-value"); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("a made-up session: %v", err)
	}
	secret := b.Secret()
	_ = b.Logout(ctx)
	if b.Secret() != "" {
		t.Fatal("logout kept the session value")
	}
	if f.LogoutOnlyForgets {
		return
	}
	if _, err := open(t, f, client.HTTPConfig{}).Resume(ctx, secret); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("a session ended elsewhere: %v", err)
	}
}

func denied(t *testing.T, f *Fixture) {
	b := open(t, f, client.HTTPConfig{})
	op, err := b.Login(ctx, f.Denied)
	if err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	if op.CanImpersonate() {
		t.Fatalf("%+v may impersonate", op)
	}
}

func paging(t *testing.T, f *Fixture) {
	b, _ := signedIn(t, f, client.HTTPConfig{})
	first, err := b.SearchSubjects(ctx, client.SubjectQuery{Search: f.Search, Limit: f.PageSize})
	// At least a page's worth: a page of MPDX's account lists may hold more members than lists.
	if err != nil || len(first.Subjects) < f.PageSize || first.Next == "" || first.Total <= f.PageSize {
		t.Fatalf("first page: %d subjects, next %q, total %d, %v", len(first.Subjects), first.Next, first.Total, err)
	}
	second, err := b.SearchSubjects(ctx, client.SubjectQuery{Search: f.Search, Limit: f.PageSize, After: first.Next})
	if err != nil || len(second.Subjects) == 0 {
		t.Fatalf("second page: %+v %v", second, err)
	}
	seen := map[string]bool{}
	for _, s := range first.Subjects {
		seen[s.ID] = true
	}
	for _, s := range second.Subjects {
		if seen[s.ID] {
			t.Fatalf("%s on both pages", s.ID)
		}
	}
}

// The backend is asked whom it acts as before Impersonate returns, through Before.
func verifyBeforeShow(t *testing.T, f *Fixture) {
	b, _ := signedIn(t, f, client.HTTPConfig{})
	var before []client.Exchange
	imp, err := b.Impersonate(ctx, f.Target, client.ImpersonateOptions{Reason: "conformance",
		Before: func(x client.Exchange) error { before = append(before, x); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	if imp.Subject().ID != f.TargetID || len(before) == 0 {
		t.Fatalf("subject %q (want %q), %d requests went through Before", imp.Subject().ID, f.TargetID, len(before))
	}
	if err := imp.Verify(ctx); err != nil {
		t.Fatalf("verify: %v", err)
	}
	// A Before that refuses sends nothing: no impersonation without the journal's line.
	f.ResetSeen()
	refusal := errors.New("journal full")
	if _, err := b.Impersonate(ctx, f.Target, client.ImpersonateOptions{Before: func(client.Exchange) error { return refusal }}); !errors.Is(err, refusal) {
		t.Fatalf("refused by Before: %v", err)
	}
	for _, s := range f.Seen() {
		if s.ActingAs != "" {
			t.Fatalf("%s %s went out as %s although Before refused", s.Method, s.Path, s.ActingAs)
		}
	}
}

func silentIgnore(t *testing.T, f *Fixture) {
	if f.IgnoringEndpoint != "" {
		g := *f
		g.Endpoint = f.IgnoringEndpoint
		f = &g
	}
	b, _ := signedIn(t, f, client.HTTPConfig{})
	if imp, err := b.Impersonate(ctx, f.Ignored, client.ImpersonateOptions{}); !errors.Is(err, client.ErrNotHonoured) {
		if imp != nil {
			imp.Stop()
		}
		t.Fatalf("ignored target: %v, want ErrNotHonoured", err)
	}
}

func stopCancels(t *testing.T, f *Fixture) {
	imp := acting(t, f, client.HTTPConfig{})
	f.Fail(f.ReadPath, 1, Fault{Delay: 10 * time.Second})
	done := make(chan error, 1)
	go func() { _, err := imp.Do(ctx, f.Read); done <- err }()
	waitSeen(t, f, f.ReadPath)
	start := time.Now()
	imp.Stop()
	select {
	case err := <-done:
		if err == nil || time.Since(start) > 2*time.Second {
			t.Fatalf("after stop: %v in %v", err, time.Since(start))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the request in flight outlived the stop")
	}
}

func nothingAfterStop(t *testing.T, f *Fixture) {
	imp := acting(t, f, client.HTTPConfig{})
	imp.Stop()
	f.ResetSeen()
	if _, err := imp.Do(ctx, f.Read); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("after stop: %v", err)
	}
	if err := imp.Verify(ctx); !errors.Is(err, client.ErrStopped) {
		t.Fatalf("verify after stop: %v", err)
	}
	for _, s := range f.Seen() {
		if s.ActingAs != "" {
			t.Fatalf("%s %s went out as %s after stop", s.Method, s.Path, s.ActingAs)
		}
	}
}

func writesNotRetried(t *testing.T, f *Fixture) {
	imp := acting(t, f, client.HTTPConfig{RetryWait: 10 * time.Millisecond})
	f.Fail(f.WritePath, 1, Fault{Status: 503})
	f.ResetSeen()
	if _, err := imp.Do(ctx, f.Write); !errors.Is(err, client.ErrServer) {
		t.Fatalf("write: %v", err)
	}
	n := 0
	for _, s := range f.Seen() {
		if strings.HasPrefix(s.Path, f.WritePath) && s.Method == f.Write.Method {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the write was sent %d times", n)
	}
	// A read is retried: the same fault once, then the answer.
	f.Fail(f.ReadPath, 1, Fault{Status: 503})
	if resp, err := imp.Do(ctx, f.Read); err != nil || resp.Status != http.StatusOK {
		t.Fatalf("retried read: %+v %v", resp, err)
	}
}

func noCredentialShown(t *testing.T, f *Fixture) {
	b, _ := signedIn(t, f, client.HTTPConfig{})
	imp, err := b.Impersonate(ctx, f.Target, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	resp, err := imp.Do(ctx, f.Read)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(resp.Body, []byte(b.Secret())) {
		t.Fatal("the session value is in the body shown")
	}
	for name, values := range resp.Header {
		for _, v := range values {
			if strings.Contains(v, b.Secret()) || strings.EqualFold(name, "Set-Cookie") {
				t.Fatalf("header %s carries a credential", name)
			}
		}
	}
}

func typedErrors(t *testing.T, f *Fixture) {
	imp := acting(t, f, client.HTTPConfig{Retries: -1, Timeout: 500 * time.Millisecond})
	for _, tc := range []struct {
		name  string
		fault Fault
		want  error
	}{
		{"403", Fault{Status: 403}, client.ErrForbidden},
		{"404", Fault{Status: 404}, client.ErrNotFound},
		{"409", Fault{Status: 409}, client.ErrConflict},
		{"429", Fault{Status: 429, RetryAfter: 7 * time.Second}, client.ErrRateLimited},
		{"500", Fault{Status: 500}, client.ErrServer},
		{"503", Fault{Status: 503}, client.ErrServer},
		{"timeout", Fault{Delay: 3 * time.Second}, client.ErrTimeout},
		{"401", Fault{Status: 401}, client.ErrUnauthorized}, // last: the operator's session may end with it
	} {
		f.Fail(f.ReadPath, 1, tc.fault)
		_, err := imp.Do(ctx, f.Read)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			continue
		}
		var apiErr *client.Error
		if tc.name == "429" && (!errors.As(err, &apiErr) || apiErr.RetryAfter != 7*time.Second) {
			t.Errorf("429: Retry-After not read: %v", err)
		}
		if tc.name == "403" { // a refusal, then the checks go on with a fresh answer
			if err := imp.Verify(ctx); err != nil {
				t.Fatalf("verify after a 403: %v", err)
			}
		}
	}
	// A body the client must read (the verification) that is cut in half.
	imp = acting(t, f, client.HTTPConfig{Retries: -1})
	f.Fail(f.VerifyPath, 1, Fault{Malformed: true})
	if err := imp.Verify(ctx); !errors.Is(err, client.ErrMalformed) {
		t.Errorf("malformed: %v, want %v", err, client.ErrMalformed)
	}
}

// expires: an impersonation that says when it ends is refused after it.
func expires(t *testing.T, f *Fixture) {
	imp := acting(t, f, client.HTTPConfig{Retries: -1})
	if f.Expire == nil {
		if !imp.Expires().IsZero() {
			t.Fatalf("the impersonation expires at %v, but the fixture cannot move the clock", imp.Expires())
		}
		return
	}
	if imp.Expires().IsZero() {
		t.Fatal("the impersonation does not say when it expires")
	}
	f.Expire()
	if _, err := imp.Do(ctx, f.Read); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("after expiry: %v, want refused (401)", err)
	}
}

// waitSeen waits until the demo has received a request to path (it is in flight).
func waitSeen(t *testing.T, f *Fixture, path string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, s := range f.Seen() {
			if strings.HasPrefix(s.Path, path) {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no request to %s reached the demo", path)
}
