package appwrite

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/internal/apispec"
)

// testBackend is a demo server over real HTTP whose every answer is checked against the
// Appwrite OpenAPI document.
type testBackend struct {
	srv *demo.Server
	url string
	val *apispec.Validator
}

func startDemo(t *testing.T, opts demo.Options) *testBackend {
	t.Helper()
	if opts.Users == 0 {
		opts.Users = 2000
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = -1
	}
	srv := demo.New(opts)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	val := apispec.Load(t)
	val.AllowUndocumented("GET", "/v1/health/version")
	return &testBackend{srv: srv, url: hs.URL, val: val}
}

// client makes a signed-out client; tweak adjusts its HTTP settings.
func (b *testBackend) client(t *testing.T, tweak func(*client.HTTPConfig)) *Client {
	t.Helper()
	cfg := Config{Endpoint: b.url, Project: demo.DefaultProject,
		HTTP: client.HTTPConfig{Transport: b.val.Transport(t, nil), RetryWait: 20 * time.Millisecond}}
	if tweak != nil {
		tweak(&cfg.HTTP)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// operator is a client signed in as the demo operator.
func (b *testBackend) operator(t *testing.T) *Client {
	t.Helper()
	c := b.client(t, nil)
	if _, err := c.Login(context.Background(), client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword}); err != nil {
		t.Fatalf("operator login: %v", err)
	}
	return c
}

// seenSince returns the requests the demo received after mark.
func (b *testBackend) seenSince(mark int) []demo.Seen {
	all := b.srv.Seen()
	if mark > len(all) {
		return nil
	}
	return all[mark:]
}

func (b *testBackend) mark() int { return len(b.srv.Seen()) }
