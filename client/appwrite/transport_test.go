package appwrite

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

// Each error status maps to its sentinel, with the backend's type and message kept.
func TestErrorStatusesMapToSentinels(t *testing.T) {
	cases := []struct {
		status   int
		body     string
		sentinel error
	}{
		{401, `{"message":"m","code":401,"type":"general_unauthorized_scope","version":"1.9.6"}`, client.ErrUnauthorized},
		{403, `{"message":"m","code":403,"type":"user_blocked","version":"1.9.6"}`, client.ErrForbidden},
		{404, `{"message":"m","code":404,"type":"user_not_found","version":"1.9.6"}`, client.ErrNotFound},
		{409, `{"message":"m","code":409,"type":"user_already_exists","version":"1.9.6"}`, client.ErrConflict},
		{429, `{"message":"m","code":429,"type":"general_rate_limit_exceeded","version":"1.9.6"}`, client.ErrRateLimited},
		{500, `{"message":"m","code":500,"type":"general_unknown","version":"1.9.6"}`, client.ErrServer},
		{502, `<html>bad gateway</html>`, client.ErrServer},
	}
	for _, tc := range cases {
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(tc.status)
			_, _ = w.Write([]byte(tc.body))
		}))
		c, _ := New(Config{Endpoint: hs.URL, Project: "p", HTTP: client.HTTPConfig{Retries: -1}})
		_, err := c.SearchSubjects(ctx, client.SubjectQuery{})
		hs.Close()
		var apiErr *client.Error
		if !errors.Is(err, tc.sentinel) || !errors.As(err, &apiErr) || apiErr.Status != tc.status {
			t.Errorf("%d: err = %v", tc.status, err)
			continue
		}
		if apiErr.RetryAfter != 2*time.Minute {
			t.Errorf("%d: RetryAfter %v", tc.status, apiErr.RetryAfter)
		}
		if tc.body[0] == '{' && (apiErr.Message != "m" || apiErr.Type == "") {
			t.Errorf("%d: %+v", tc.status, apiErr)
		}
		if tc.body[0] != '{' && apiErr.Message != http.StatusText(tc.status) {
			t.Errorf("%d: non-JSON error gave %+v", tc.status, apiErr)
		}
	}
}

func TestReadsAreRetriedHonouringRetryAfter(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 1, demo.Fault{Status: 429, RetryAfter: time.Second})
	b.srv.Inject("/v1/users", 1, demo.Fault{Status: 503})
	mark := b.mark()
	start := time.Now()
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: "ada"})
	if err != nil || len(page.Subjects) == 0 {
		t.Fatalf("%v", err)
	}
	if took := time.Since(start); took < time.Second {
		t.Fatalf("retried after %v, before Retry-After", took)
	}
	if n := len(b.seenSince(mark)); n != 3 {
		t.Fatalf("%d attempts, want 3", n)
	}
}

func TestRetriesGiveUp(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 10, demo.Fault{Status: 502})
	mark := b.mark()
	_, err := c.SearchSubjects(ctx, client.SubjectQuery{})
	if !errors.Is(err, client.ErrServer) {
		t.Fatalf("err = %v", err)
	}
	if n := len(b.seenSince(mark)); n != 4 {
		t.Fatalf("%d attempts, want 1 + 3 retries", n)
	}
}

func TestLongRetryAfterIsReturnedNotWaited(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 1, demo.Fault{Status: 429, RetryAfter: time.Hour})
	mark := b.mark()
	_, err := c.SearchSubjects(ctx, client.SubjectQuery{})
	var apiErr *client.Error
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour || len(b.seenSince(mark)) != 1 {
		t.Fatalf("err = %v after %d attempts", err, len(b.seenSince(mark)))
	}
}

func TestWritesAreNeverRetried(t *testing.T) {
	b := startDemo(t, demo.Options{})
	imp, err := b.operator(t).ImpersonateUser(ctx, client.Target{Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	for _, method := range []string{"PATCH", "POST", "PUT", "DELETE"} {
		b.srv.Inject("/v1/account/prefs", 1, demo.Fault{Status: 503})
		mark := b.mark()
		_, err := imp.Do(ctx, client.Request{Method: method, Path: "/account/prefs", Body: []byte(`{"prefs":{}}`)})
		attempts := 0
		for _, s := range b.seenSince(mark) {
			if s.Method == method {
				attempts++
			}
		}
		if !errors.Is(err, client.ErrServer) || attempts != 1 {
			t.Fatalf("%s: err %v after %d attempts", method, err, attempts)
		}
	}
}

func TestTimeout(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	slow := b.client(t, func(h *client.HTTPConfig) { h.Timeout = 150 * time.Millisecond; h.Retries = -1 })
	if _, err := slow.Resume(ctx, c.Secret()); err != nil {
		t.Fatal(err)
	}
	b.srv.Inject("/v1/users", 1, demo.Fault{Delay: 3 * time.Second})
	start := time.Now()
	_, err := slow.SearchSubjects(ctx, client.SubjectQuery{})
	if !errors.Is(err, client.ErrTimeout) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
	deadline, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	b.srv.Inject("/v1/users", 1, demo.Fault{Delay: 3 * time.Second})
	if _, err := c.SearchSubjects(deadline, client.SubjectQuery{}); !errors.Is(err, client.ErrTimeout) {
		t.Fatalf("context deadline: %v", err)
	}
}

func TestCancellation(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 1, demo.Fault{Delay: 5 * time.Second})
	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.SearchSubjects(cctx, client.SubjectQuery{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, client.ErrTimeout) || time.Since(start) > 2*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}

func TestMalformedJSON(t *testing.T) {
	b := startDemo(t, demo.Options{})
	// Without the spec validator: this answer is broken on purpose.
	c := b.client(t, func(h *client.HTTPConfig) { h.Transport = http.DefaultTransport })
	if _, err := c.Resume(ctx, b.operator(t).Secret()); err != nil {
		t.Fatal(err)
	}
	b.srv.Inject("/v1/users", 1, demo.Fault{Malformed: true})
	if _, err := c.SearchSubjects(ctx, client.SubjectQuery{}); !errors.Is(err, client.ErrMalformed) {
		t.Fatalf("err = %v", err)
	}
}

func TestDroppedConnection(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 5, demo.Fault{Drop: true})
	if _, err := c.SearchSubjects(ctx, client.SubjectQuery{}); !errors.Is(err, client.ErrNetwork) {
		t.Fatalf("err = %v", err)
	}
}

func TestSlowBodyArrivesWhole(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	b.srv.Inject("/v1/users", 1, demo.Fault{SlowBody: 300 * time.Millisecond})
	page, err := c.SearchSubjects(ctx, client.SubjectQuery{Limit: 50})
	if err != nil || len(page.Subjects) != 50 {
		t.Fatalf("%d subjects, %v", len(page.Subjects), err)
	}
}

// A redirect is not followed: the session value and the target header would go along to
// whatever host it names.
func TestRedirectsAreNotFollowed(t *testing.T) {
	var leaked []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = append(leaked, r.Header.Get("X-Appwrite-Session"))
	}))
	defer other.Close()
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusFound)
	}))
	defer hs.Close()
	stray, _ := New(Config{Endpoint: hs.URL, Project: "demo"})
	if _, err := stray.Resume(ctx, c.Secret()); err == nil {
		t.Fatal("a redirect answered as an account")
	}
	if len(leaked) != 0 {
		t.Fatalf("the session went to another host: %q", leaked)
	}
}
