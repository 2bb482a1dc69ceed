package mpdx

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"actas/internal/fakeclock"
)

// testNow is the fixed instant tests start at: 10:15 UTC, so an hour window ends at 11:00.
var testNow = time.Date(2026, 11, 20, 10, 15, 0, 0, time.UTC)

var testSecret = []byte("test-secret-of-the-mpdx-demo")

// harness is one demo server behind real HTTP, on a fake clock.
type harness struct {
	t     testing.TB
	srv   *Server
	ts    *httptest.Server
	clock *fakeclock.Clock
}

// newHarness starts a demo server. Unless opts say otherwise it is small (300 members),
// has no sign-in limit, a known JWT secret and runs on a fake clock.
func newHarness(t testing.TB, opts Options) *harness {
	t.Helper()
	if opts.Members == 0 {
		opts.Members = 300
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

// request is one call. Unless header sets it, Content-Type is the JSON:API media type.
type request struct {
	method, path string
	auth         string // bearer token
	body         any    // JSON-encoded, unless a string
	header       http.Header
	notJSONAPI   bool // the answer is not checked as a JSON:API document (a malformed fault)
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
	req.Header.Set("Content-Type", MediaType)
	for k, v := range rq.header {
		req.Header[k] = v
	}
	if rq.auth != "" {
		req.Header.Set("Authorization", "Bearer "+rq.auth)
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

// do sends a request and checks that the answer is a JSON:API document sent as one:
// every answer of the demo in these tests goes through here.
func (h *harness) do(rq request) *response {
	h.t.Helper()
	r, err := h.send(rq)
	if err != nil {
		h.t.Fatalf("%s %s: %v", rq.method, rq.path, err)
	}
	if !rq.notJSONAPI {
		what := rq.method + " " + rq.path
		if ct := r.header.Get("Content-Type"); ct != ContentType {
			h.t.Errorf("%s: Content-Type %q", what, ct)
		}
		checkJSONAPI(h.t, what, r.body)
	}
	return r
}

// get reads path with auth.
func (h *harness) get(auth, path string) *response {
	h.t.Helper()
	return h.do(request{path: path, auth: auth})
}

// signIn uses the demo-only email/password sign-in and returns the API token.
func (h *harness) signIn(email, password string) string {
	h.t.Helper()
	r := h.do(signInRequest(email, password)).wantStatus(h.t, http.StatusOK)
	var out struct {
		Data struct {
			Attributes struct {
				Token string `json:"json_web_token"`
			}
		}
	}
	r.decode(h.t, &out)
	if out.Data.Attributes.Token == "" {
		h.t.Fatalf("no token: %s", r.body)
	}
	return out.Data.Attributes.Token
}

func signInRequest(email, password string) request {
	return request{method: http.MethodPost, path: "/api/v2/user/authenticate",
		body: resource("authenticate", map[string]any{"email": email, "password": password})}
}

// resource is a request document {"data":{"type","attributes"}}.
func resource(typ string, attrs map[string]any) map[string]any {
	return map[string]any{"data": map[string]any{"type": typ, "attributes": attrs}}
}

// impersonate is POST …/organizations/{org}/impersonation for user with a reason.
func (h *harness) impersonate(auth, org, userRef string) *response {
	h.t.Helper()
	return h.do(request{method: http.MethodPost, path: "/api/v2/organizations/" + org + "/impersonation", auth: auth,
		body: resource("impersonation", map[string]any{"user": userRef, "reason": "HelpScout ticket 4711"})})
}

// impersonation is a successful impersonation's answer.
type impersonation struct {
	Data struct {
		ID         string
		Type       string
		Attributes struct {
			CreatedAt     string  `json:"created_at"`
			Token         string  `json:"json_web_token"`
			UpdatedAt     *string `json:"updated_at"`
			UpdatedInDBAt *string `json:"updated_in_db_at"`
		}
	}
}

// impersonationToken impersonates userRef in Cru Demo as the operator and returns the JWT.
func (h *harness) impersonationToken(userRef string) string {
	h.t.Helper()
	var out impersonation
	h.impersonate(h.srv.OperatorToken(), CruDemoID, userRef).wantStatus(h.t, http.StatusOK).decode(h.t, &out)
	return out.Data.Attributes.Token
}

func (r *response) wantStatus(t testing.TB, status int) *response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, truncate(string(r.body)))
	}
	return r
}

// wantBody checks the status and that the body is exactly the JSON document want.
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

// list decodes a list document: its resources and its meta.pagination.
func (r *response) list(t testing.TB) ([]resourceJSON, pagination) {
	t.Helper()
	var doc struct {
		Data []resourceJSON
		Meta struct{ Pagination pagination }
	}
	r.decode(t, &doc)
	return doc.Data, doc.Meta.Pagination
}

type resourceJSON struct {
	ID            string
	Type          string
	Attributes    map[string]any
	Relationships map[string]struct {
		Data json.RawMessage
	}
}

type pagination struct {
	Page       int `json:"page"`
	PerPage    int `json:"per_page"`
	TotalCount int `json:"total_count"`
	TotalPages int `json:"total_pages"`
}

func truncate(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

func ids(rs []resourceJSON) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// listOf is the id of user's first account list, from the store.
func (h *harness) listOf(userID string) string {
	u, ok := h.srv.store.user(userID)
	if !ok || len(u.lists) == 0 {
		h.t.Fatalf("no list of %s", userID)
	}
	return h.srv.store.lists[u.lists[0]].id
}
