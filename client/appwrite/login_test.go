package appwrite

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
)

var ctx = context.Background()

func TestLoginKeepsSessionAndVerifiesOperator(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.client(t, nil)
	op, err := c.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword})
	if err != nil {
		t.Fatal(err)
	}
	if op.ID != demo.OperatorID || op.Email != demo.OperatorEmail || !op.CanImpersonate() {
		t.Fatalf("operator = %+v", op)
	}
	if c.Secret() == "" || strings.Contains(c.Secret(), demo.OperatorID) {
		t.Fatalf("secret %q: want an opaque value", c.Secret())
	}
	got, ok := c.Operator()
	if !ok || !reflect.DeepEqual(got, op) {
		t.Fatalf("Operator() = %+v, %v", got, ok)
	}
}

func TestLoginWrongPasswordIsUnauthorized(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.client(t, nil)
	_, err := c.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: "not-the-password"})
	var apiErr *client.Error
	if !errors.As(err, &apiErr) || apiErr.Type != "user_invalid_credentials" || !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("err = %v", err)
	}
	if c.Secret() != "" {
		t.Fatal("a failed login left a session")
	}
}

func TestLoginRateLimitIsNotRetried(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	b := startDemo(t, demo.Options{LoginLimit: 2, Now: func() time.Time { return now }})
	c := b.client(t, nil)
	bad := client.Credentials{Email: demo.OperatorEmail, Password: "wrong-password"}
	for i := 0; i < 2; i++ {
		if _, err := c.Login(ctx, bad); !errors.Is(err, client.ErrUnauthorized) {
			t.Fatalf("attempt %d: %v", i, err)
		}
	}
	mark := b.mark()
	_, err := c.Login(ctx, bad)
	var apiErr *client.Error
	if !errors.As(err, &apiErr) || !errors.Is(err, client.ErrRateLimited) || apiErr.RetryAfter != time.Hour {
		t.Fatalf("err = %#v", err)
	}
	if n := len(b.seenSince(mark)); n != 1 {
		t.Fatalf("a rate-limited POST was sent %d times; writes are never retried", n)
	}
}

func TestLoginTakesSessionFromSetCookieWhenNoFallbackHeader(t *testing.T) {
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/account/sessions/email":
			http.SetCookie(w, &http.Cookie{Name: "a_session_p1", Value: "cookie-value"})
			w.WriteHeader(201)
			_, _ = w.Write([]byte(`{}`))
		case "/v1/account":
			if r.Header.Get("X-Appwrite-Session") != "cookie-value" {
				w.WriteHeader(401)
				_, _ = w.Write([]byte(`{"message":"no","code":401,"type":"general_unauthorized_scope","version":"1.9.6"}`))
				return
			}
			_, _ = w.Write([]byte(`{"$id":"op1","email":"op@example.com","impersonator":true}`))
		}
	}))
	defer hs.Close()
	c, err := New(Config{Endpoint: hs.URL, Project: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	op, err := c.Login(ctx, client.Credentials{Email: "op@example.com", Password: "password1"})
	if err != nil || op.ID != "op1" || c.Secret() != "cookie-value" {
		t.Fatalf("op=%+v err=%v secret=%q", op, err, c.Secret())
	}
}

func TestLoginWithoutSessionValueIsMalformed(t *testing.T) {
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(201)
		_, _ = w.Write([]byte(`{}`))
	}))
	defer hs.Close()
	c, _ := New(Config{Endpoint: hs.URL, Project: "p1"})
	if _, err := c.Login(ctx, client.Credentials{Email: "a@b.c", Password: "password1"}); !errors.Is(err, client.ErrMalformed) {
		t.Fatalf("err = %v", err)
	}
}

func TestResumeValidatesWithBackend(t *testing.T) {
	b := startDemo(t, demo.Options{})
	secret := b.operator(t).Secret()

	c := b.client(t, nil)
	op, err := c.Resume(ctx, secret)
	if err != nil || op.ID != demo.OperatorID {
		t.Fatalf("resume: %+v %v", op, err)
	}
	stale := b.client(t, nil)
	if _, err := stale.Resume(ctx, "not-a-session"); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("unknown session: %v", err)
	}
	if stale.Secret() != "" {
		t.Fatal("a rejected session value was kept")
	}
	if _, err := stale.Resume(ctx, ""); !errors.Is(err, client.ErrNotSignedIn) {
		t.Fatalf("empty session: %v", err)
	}
}

func TestMFAChallenge(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	b := startDemo(t, demo.Options{Now: func() time.Time { return now }})
	c := b.client(t, nil)
	_, err := c.Login(ctx, client.Credentials{Email: demo.MFAEmail, Password: demo.MFAPassword})
	if !errors.Is(err, client.ErrMFARequired) || errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("login: %v (want MFA required, not unauthorized)", err)
	}
	if c.Secret() == "" {
		t.Fatal("the pending session was dropped; the challenge needs it")
	}
	if _, err := c.CompleteMFA(ctx, "000000"); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("wrong code: %v", err)
	}
	code, _ := demo.TOTPCode(demo.MFATOTPSecret, now)
	op, err := c.CompleteMFA(ctx, code)
	if err != nil || op.ID != demo.MFAID {
		t.Fatalf("right code: %+v %v", op, err)
	}
}

func TestLogoutEndsSessionWithoutImpersonationHeaders(t *testing.T) {
	b := startDemo(t, demo.Options{})
	c := b.operator(t)
	imp, err := c.Impersonate(ctx, client.Target{Kind: client.ByID, Value: demo.AdaID}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Stop()
	secret := c.Secret()
	mark := b.mark()
	if err := c.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	for _, s := range b.seenSince(mark) {
		if s.Impersonating() {
			t.Fatalf("logout carried impersonation: %+v", s)
		}
	}
	if c.Secret() != "" {
		t.Fatal("secret kept after logout")
	}
	if _, err := b.client(t, nil).Resume(ctx, secret); !errors.Is(err, client.ErrUnauthorized) {
		t.Fatalf("session still valid after logout: %v", err)
	}
	if err := c.Logout(ctx); err != nil {
		t.Fatalf("second logout: %v", err)
	}
}

func TestEndpointIsNormalised(t *testing.T) {
	for in, want := range map[string]string{
		"http://localhost:9080":     "http://localhost:9080/v1",
		"http://localhost:9080/":    "http://localhost:9080/v1",
		"https://a.example.com/v1/": "https://a.example.com/v1",
		" https://a.example.com/v1": "https://a.example.com/v1",
	} {
		if got, err := NormalizeEndpoint(in); err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "localhost:9080", "ftp://x/v1", "http://"} {
		if _, err := NormalizeEndpoint(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := New(Config{Endpoint: "http://x", Project: " "}); err == nil {
		t.Error("empty project accepted")
	}
}
