package appwrite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"actas/internal/apispec"
	"actas/internal/fakeclock"
)

// newClock is a settable Options.Now.
func newClock(t time.Time) *fakeclock.Clock { return fakeclock.New(t) }

// testNow is the fixed instant tests start at: 10:15 UTC, so an hour window ends at 11:00.
var testNow = time.Date(2026, 11, 20, 10, 15, 0, 0, time.UTC)

var allowAliasesOnce sync.Once

// specValidator is the shared Appwrite spec, with the demo's alias routes allowed.
func specValidator(t testing.TB) *apispec.Validator {
	t.Helper()
	v := apispec.Load(t)
	allowAliasesOnce.Do(func() {
		v.AllowUndocumented("POST", "/v1/account/sessions")
		v.AllowUndocumented("POST", "/v1/account/mfa/challenge")
		v.AllowUndocumented("PUT", "/v1/account/mfa/challenge")
		v.AllowUndocumented("GET", "/v1/health/version") // not in the 1.9.3 server spec
	})
	return v
}

// harness is one demo server behind real HTTP, with a client whose every response is
// checked against the Appwrite OpenAPI spec.
type harness struct {
	t     testing.TB
	srv   *Server
	ts    *httptest.Server
	url   string // http://127.0.0.1:port, without /v1
	http  *http.Client
	clock *fakeclock.Clock
}

// newHarness starts a demo server. Unless opts say otherwise it is small (a few hundred
// users), has no sign-in limit and runs on a fake clock.
func newHarness(t testing.TB, opts Options) *harness {
	t.Helper()
	if opts.Users == 0 {
		opts.Users = 300
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = -1
	}
	h := &harness{t: t}
	if opts.Now == nil {
		h.clock = newClock(testNow)
		opts.Now = h.clock.Now
	}
	h.srv = New(opts)
	h.ts = httptest.NewServer(h.srv)
	t.Cleanup(h.ts.Close)
	h.url = h.ts.URL
	h.http = &http.Client{Transport: specValidator(t).Transport(t, h.ts.Client().Transport), Timeout: 30 * time.Second}
	return h
}

// request is one call; the zero value of each field means "the usual".
type request struct {
	method    string
	path      string // with its query string, e.g. "/v1/users?search=ada"
	session   string // sent as X-Appwrite-Session
	key       string // sent as X-Appwrite-Key
	header    http.Header
	body      any // JSON-encoded when not nil
	noProject bool
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (h *harness) do(r request) *response {
	h.t.Helper()
	resp, err := h.send(r)
	if err != nil {
		h.t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	return resp
}

func (h *harness) send(r request) (*response, error) {
	req := h.newRequest(r)
	resp, err := h.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

func (h *harness) newRequest(r request) *http.Request {
	h.t.Helper()
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if r.body != nil {
		raw, err := json.Marshal(r.body)
		if err != nil {
			h.t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, h.url+r.path, body)
	if err != nil {
		h.t.Fatal(err)
	}
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if !r.noProject {
		req.Header.Set("X-Appwrite-Project", h.srv.Project())
	}
	if r.session != "" {
		req.Header.Set("X-Appwrite-Session", r.session)
	}
	if r.key != "" {
		req.Header.Set("X-Appwrite-Key", r.key)
	}
	for k, vs := range r.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	if host := r.header.Get("Host"); host != "" {
		req.Host = host
	}
	return req
}

// get is a GET as sess with extra headers given as name, value pairs.
func (h *harness) get(path, sess string, kv ...string) *response {
	h.t.Helper()
	return h.do(request{path: path, session: sess, header: headers(kv...)})
}

func headers(kv ...string) http.Header {
	hd := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		hd[http.CanonicalHeaderKey(kv[i])] = append(hd[http.CanonicalHeaderKey(kv[i])], kv[i+1])
	}
	return hd
}

func (r *response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decoding %d response: %v\n%s", r.status, err, r.body)
	}
}

func (r *response) object(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	return m
}

func (r *response) wantStatus(t testing.TB, status int) *response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body: %s", r.status, status, r.body)
	}
	return r
}

// wantError checks an Appwrite error: status, type, and that code equals the status.
func (r *response) wantError(t testing.TB, status int, typ string) map[string]any {
	t.Helper()
	r.wantStatus(t, status)
	m := r.object(t)
	if m["type"] != typ {
		t.Fatalf("error type %v, want %s; body: %s", m["type"], typ, r.body)
	}
	if code, _ := m["code"].(float64); int(code) != status {
		t.Fatalf("error code %v, want %d", m["code"], status)
	}
	return m
}

// login signs in and returns the session value from X-Fallback-Cookies.
func (h *harness) login(email, password string) string {
	h.t.Helper()
	r := h.do(request{method: "POST", path: "/v1/account/sessions/email",
		body: map[string]string{"email": email, "password": password}})
	r.wantStatus(h.t, http.StatusCreated)
	return fallbackSession(h.t, r, h.srv.Project())
}

func (h *harness) operator() string {
	h.t.Helper()
	return h.login(OperatorEmail, OperatorPassword)
}

func fallbackSession(t testing.TB, r *response, project string) string {
	t.Helper()
	raw := r.header.Get("X-Fallback-Cookies")
	var jar map[string]string
	if err := json.Unmarshal([]byte(raw), &jar); err != nil {
		t.Fatalf("X-Fallback-Cookies %q: %v", raw, err)
	}
	v := jar["a_session_"+project]
	if v == "" {
		t.Fatalf("X-Fallback-Cookies %q has no a_session_%s", raw, project)
	}
	return v
}

// account is GET /v1/account as sess with extra headers; it must succeed.
func (h *harness) account(sess string, kv ...string) map[string]any {
	h.t.Helper()
	r := h.get("/v1/account", sess, kv...)
	r.wantStatus(h.t, http.StatusOK)
	return r.object(h.t)
}

// q is one query in Appwrite's JSON form.
func q(method, attr string, values ...any) string {
	m := map[string]any{"method": method}
	if attr != "" {
		m["attribute"] = attr
	}
	if values == nil {
		values = []any{}
	}
	m["values"] = values
	raw, _ := json.Marshal(m)
	return string(raw)
}

// usersPath is /v1/users with queries[] entries and extra parameters (name, value pairs).
func usersPath(queries []string, kv ...string) string {
	v := url.Values{}
	for _, s := range queries {
		v.Add("queries[]", s)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	if len(v) == 0 {
		return "/v1/users"
	}
	return "/v1/users?" + v.Encode()
}

type userList struct {
	Total int              `json:"total"`
	Users []map[string]any `json:"users"`
}

func (l userList) ids() []string {
	out := make([]string, len(l.Users))
	for i, u := range l.Users {
		out[i], _ = u["$id"].(string)
	}
	return out
}

// list runs GET path as sess (or with the API key when sess is "") and decodes a user list.
func (h *harness) list(sess, path string) userList {
	h.t.Helper()
	r := h.do(request{path: path, session: sess, key: keyIf(sess == "", h.srv.APIKey())})
	r.wantStatus(h.t, http.StatusOK)
	var l userList
	r.decode(h.t, &l)
	return l
}

func keyIf(ok bool, key string) string {
	if ok {
		return key
	}
	return ""
}

// walk pages forward with cursorAfter through every user the filters select and returns
// their ids in order.
func (h *harness) walk(sess string, pageSize int, filters []string, kv ...string) []string {
	h.t.Helper()
	var all []string
	cursor := ""
	for {
		qs := append([]string{q("limit", "", pageSize)}, filters...)
		if cursor != "" {
			qs = append(qs, q("cursorAfter", "", cursor))
		}
		page := h.list(sess, usersPath(qs, append(kv, "total", "false")...)).ids()
		all = append(all, page...)
		if len(page) < pageSize {
			return all
		}
		cursor = page[len(page)-1]
	}
}

// store is the demo project's data, for reference computations in tests. Callers must
// not race with requests that write.
func (h *harness) store() *store { return h.srv.projects[h.srv.Project()] }

// firstDiff describes where two id lists part, for failure messages.
func firstDiff(a, b []string) string {
	for i := 0; i < min(len(a), len(b)); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("at %d: %s vs %s", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("lengths %d vs %d", len(a), len(b))
}
