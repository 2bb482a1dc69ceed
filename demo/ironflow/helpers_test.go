package ironflow

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"actas/internal/fakeclock"
)

// testNow is the fixed instant tests start at: 10:15 UTC, so an hour window ends at 11:00.
var testNow = time.Date(2026, 11, 20, 10, 15, 0, 0, time.UTC)

var testSecret = []byte("test-secret-of-the-ironflow-demo")

// harness is one demo server behind real HTTP, on a fake clock.
type harness struct {
	t     testing.TB
	srv   *Server
	ts    *httptest.Server
	clock *fakeclock.Clock
}

// newHarness starts a demo server. Unless opts say otherwise it is small (200 tenants),
// has no sign-in limit, a known JWT secret and runs on a fake clock.
func newHarness(t testing.TB, opts Options) *harness {
	t.Helper()
	if opts.Tenants == 0 {
		opts.Tenants = 200
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = -1
	}
	if opts.JWTSecret == nil {
		opts.JWTSecret = testSecret
	}
	clock := fakeclock.New(testNow)
	if opts.Now == nil {
		opts.Now = clock.Now
	}
	srv := New(opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return &harness{t: t, srv: srv, ts: ts, clock: clock}
}

// request is one call; zero fields are left out.
type request struct {
	method, path string
	auth         string // bearer credential
	org, env     string // the impersonation headers
	body         any    // JSON-encoded, unless a string
	header       http.Header
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (h *harness) send(rq request) (*response, error) {
	if rq.method == "" {
		rq.method = http.MethodGet
	}
	var body io.Reader
	switch b := rq.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(rq.method, h.ts.URL+rq.path, body)
	if err != nil {
		h.t.Fatal(err)
	}
	for k, v := range rq.header {
		req.Header[k] = v
	}
	if body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if rq.auth != "" {
		req.Header.Set("Authorization", "Bearer "+rq.auth)
	}
	if rq.org != "" {
		req.Header.Set(HeaderOrg, rq.org)
	}
	if rq.env != "" {
		req.Header.Set(HeaderEnvironment, rq.env)
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: raw}, nil
}

func (h *harness) do(rq request) *response {
	h.t.Helper()
	r, err := h.send(rq)
	if err != nil {
		h.t.Fatalf("%s %s: %v", rq.method, rq.path, err)
	}
	return r
}

// as reads path as the tenant org (environment env, "" for the default) with auth.
func (h *harness) as(auth, org, env, path string) *response {
	h.t.Helper()
	return h.do(request{path: path, auth: auth, org: org, env: env})
}

// login signs in and returns the token.
func (h *harness) login(email, password string) string {
	h.t.Helper()
	r := h.do(loginRequest(email, password)).wantStatus(h.t, http.StatusOK)
	var out struct{ Token string }
	r.decode(h.t, &out)
	if out.Token == "" {
		h.t.Fatalf("no token: %s", r.body)
	}
	return out.Token
}

func loginRequest(email, password string) request {
	return request{method: http.MethodPost, path: "/api/v1/platform/auth/login",
		body: map[string]string{"email": email, "password": password}}
}

func (r *response) wantStatus(t testing.TB, status int) *response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, truncate(string(r.body)))
	}
	return r
}

// wantBody checks the status and that the body is exactly the JSON object want.
func (r *response) wantBody(t testing.TB, status int, want string) *response {
	t.Helper()
	r.wantStatus(t, status)
	var got any
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatalf("body is not JSON: %q", r.body)
	}
	if g, _ := json.Marshal(got); string(g) != mustCanon(want) {
		t.Fatalf("body %s, want %s", r.body, want)
	}
	return r
}

func mustCanon(s string) string {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		panic(s)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func (r *response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %q: %v", truncate(string(r.body)), err)
	}
}

func (r *response) object(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	return m
}

func truncate(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// items decodes {"<key>":[…]} into a list of objects.
func (r *response) items(t testing.TB, key string) []map[string]any {
	t.Helper()
	var m map[string]json.RawMessage
	r.decode(t, &m)
	var out []map[string]any
	if err := json.Unmarshal(m[key], &out); err != nil || m[key] == nil {
		t.Fatalf("no list %q in %s", key, truncate(string(r.body)))
	}
	return out
}

func ids(items []map[string]any) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i], _ = it["id"].(string)
	}
	return out
}
