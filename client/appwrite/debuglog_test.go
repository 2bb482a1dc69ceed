package appwrite

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"

	"actas/client"
	demo "actas/demo/appwrite"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The debug log records every attempt but never a credential: not the password, not the
// session value, not a cookie.
func TestDebugLogRedactsCredentials(t *testing.T) {
	b := startDemo(t, demo.Options{})
	var log syncBuffer
	c := b.client(t, func(h *client.HTTPConfig) { h.DebugLog = &log })
	if _, err := c.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword}); err != nil {
		t.Fatal(err)
	}
	secret := c.Secret()
	b.srv.Inject("/v1/users", 1, demo.Fault{Status: 503})
	if _, err := c.SearchSubjects(ctx, client.SubjectQuery{Search: "ada"}); err != nil {
		t.Fatal(err)
	}
	imp, err := c.ImpersonateUser(ctx, client.Target{Kind: client.ByEmail, Value: demo.AdaEmail}, client.ImpersonateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	imp.Stop()
	if err := c.Logout(ctx); err != nil {
		t.Fatal(err)
	}

	out := log.String()
	for _, leak := range []string{secret, demo.OperatorPassword, "a_session_demo="} {
		if strings.Contains(out, leak) {
			t.Fatalf("debug log leaks %q:\n%s", leak, out)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	// login, account, 503 + retry, impersonation check, logout
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 6:\n%s", len(lines), out)
	}
	line := regexp.MustCompile(`^\S+Z (GET|POST|DELETE) /v1/\S+ \d{3} \d+(\.\d+)?m?s req\[.*\]`)
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Fatalf("line lacks method, path, status or duration: %s", l)
		}
	}
	for _, want := range []string{"X-Appwrite-Session=[redacted]", "X-Fallback-Cookies=[redacted]", "Set-Cookie=[redacted]",
		" 503 ", "X-Appwrite-Impersonate-User-Email=" + demo.AdaEmail} {
		if !strings.Contains(out, want) {
			t.Fatalf("debug log lacks %q:\n%s", want, out)
		}
	}
}
