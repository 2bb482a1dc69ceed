package apispec

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

var jsonHeader = http.Header{"Content-Type": {"application/json; charset=UTF-8"}}

// validUser returns a User with every required field, as a map to mutate.
func validUser() map[string]any {
	return map[string]any{
		"$id":                "u1",
		"$createdAt":         "2020-10-15T06:38:00.000+00:00",
		"$updatedAt":         "2020-10-15T06:38:00.000+00:00",
		"name":               "John Doe",
		"registration":       "2020-10-15T06:38:00.000+00:00",
		"status":             true,
		"labels":             []any{"vip"},
		"passwordUpdate":     "2020-10-15T06:38:00.000+00:00",
		"email":              "john@example.com",
		"phone":              "",
		"emailVerification":  false,
		"phoneVerification":  false,
		"mfa":                false,
		"prefs":              map[string]any{},
		"targets":            []any{},
		"accessedAt":         "2020-10-15T06:38:00.000+00:00",
		"impersonator":       nil,
		"impersonatorUserId": nil,
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func req(method, target string) *http.Request {
	return httptest.NewRequest(method, target, nil)
}

func errBody(code any, extra map[string]any) []byte {
	m := map[string]any{"message": "User not found", "code": code, "type": "user_not_found", "version": "1.9.3"}
	maps.Copy(m, extra)
	b, _ := json.Marshal(m)
	return b
}

func TestValidateResponse(t *testing.T) {
	v := Load(t)
	user := mustJSON(t, validUser())
	noMFA := validUser()
	delete(noMFA, "mfa")
	wrongType := validUser()
	wrongType["status"] = "yes"

	tests := []struct {
		name    string
		req     *http.Request
		status  int
		header  http.Header
		body    []byte
		wantErr string // "" = must pass
	}{
		{"valid user", req("GET", "/v1/users/u1"), 200, jsonHeader, user, ""},
		{"valid user, any host", req("GET", "https://example.test:8443/v1/users/u1"), 200, jsonHeader, user, ""},
		{"plain application/json", req("GET", "/v1/users/u1"), 200, http.Header{"Content-Type": {"application/json"}}, user, ""},
		{"user without mfa", req("GET", "/v1/users/u1"), 200, jsonHeader, mustJSON(t, noMFA), `"mfa" is missing`},
		{"user with wrong type", req("GET", "/v1/users/u1"), 200, jsonHeader, mustJSON(t, wrongType), `/status`},
		{"user as text/plain", req("GET", "/v1/users/u1"), 200, http.Header{"Content-Type": {"text/plain"}}, user, "Content-Type"},
		{"empty 200 body", req("GET", "/v1/users/u1"), 200, jsonHeader, nil, "decode"},
		{"undocumented 2xx status", req("GET", "/v1/users/u1"), 201, jsonHeader, user, "status 201 is not documented"},
		{"unknown route", req("GET", "/v1/xyz"), 200, jsonHeader, []byte(`{}`), "no route for GET /v1/xyz"},
		{"unknown method", req("PUT", "/v1/users/u1"), 200, jsonHeader, user, "no route for PUT /v1/users/u1"},
		{"literal sibling does not shadow template", req("GET", "/v1/users/argon2"), 200, jsonHeader, user, ""},
		{"list with queries", req("GET", "/v1/users?queries[]=limit(1)&queries[0]=bad%20query&total=maybe"), 200, jsonHeader,
			mustJSON(t, map[string]any{"total": 1, "users": []any{validUser()}}), ""},
		{"204 empty", req("DELETE", "/v1/users/u1"), 204, http.Header{}, nil, ""},
		{"204 with body", req("DELETE", "/v1/users/u1"), 204, jsonHeader, []byte(`{}`), "204 response has a 2-byte body"},
		{"error ok", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody(404, nil), ""},
		{"error on unknown route ok", req("GET", "/v1/xyz"), 404, jsonHeader, errBody(404, nil), ""},
		{"error code as string", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody("404", nil), "code"},
		{"error code as float", req("GET", "/v1/users/nope"), 404, jsonHeader, []byte(`{"message":"m","code":404.0,"type":"t","version":"1"}`), "code"},
		{"error code != status", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody(400, nil), "code 400"},
		{"error extra key", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody(404, map[string]any{"file": "x.php"}), `extra keys ["file"]`},
		{"error missing key", req("GET", "/v1/users/nope"), 404, jsonHeader, []byte(`{"message":"m","code":404,"type":"t"}`), `lacks keys ["version"]`},
		{"error empty type", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody(404, map[string]any{"type": ""}), "type is empty"},
		{"error null message", req("GET", "/v1/users/nope"), 404, jsonHeader, errBody(404, map[string]any{"message": nil}), "message must be a string"},
		{"error not JSON", req("GET", "/v1/users/nope"), 500, jsonHeader, []byte("oops"), "not a JSON object"},
		{"error as text/plain", req("GET", "/v1/users/nope"), 404, http.Header{"Content-Type": {"text/plain"}}, errBody(404, nil), "Content-Type"},
		{"error with trailing data", req("GET", "/v1/users/nope"), 404, jsonHeader, append(errBody(404, nil), "{}"...), "not a JSON object"},
		{"documented redirect", req("GET", "/v1/account/tokens/oauth2/github"), 301, http.Header{}, nil, ""},
		{"undocumented redirect", req("GET", "/v1/users/u1"), 302, http.Header{}, nil, "Content-Type"},
		{"HEAD is not checked", req("HEAD", "/v1/xyz"), 200, http.Header{}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := v.ValidateResponse(tc.req, tc.status, tc.header, tc.body)
			checkErr(t, err, tc.wantErr)
		})
	}
}

func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("want pass, got %v", err)
	case want != "" && err == nil:
		t.Errorf("want error containing %q, got nil", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("want error containing %q, got %v", want, err)
	}
}

// Sessions are documented as 201 only: a 200 must fail even with a valid body.
func TestUndocumentedSuccessStatus(t *testing.T) {
	v := Load(t)
	session := mustJSON(t, v.doc.Components.Schemas["session"].Value.Example)
	r := req("POST", "/v1/account/sessions/email")
	checkErr(t, v.ValidateResponse(r, 201, jsonHeader, session), "")
	checkErr(t, v.ValidateResponse(r, 200, jsonHeader, session), "status 200 is not documented")
}

// The spec documents this 201 as multipart/form-data; the server sends JSON.
func TestExecutionJSONAccepted(t *testing.T) {
	v := Load(t)
	err := v.ValidateResponse(req("POST", "/v1/functions/f1/executions"), 201, jsonHeader, []byte(`{}`))
	checkErr(t, err, "doesn't match schema")
}

func TestGzipBody(t *testing.T) {
	v := Load(t)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(mustJSON(t, validUser()))
	zw.Close()
	h := http.Header{"Content-Type": {"application/json"}, "Content-Encoding": {"gzip"}}
	checkErr(t, v.ValidateResponse(req("GET", "/v1/users/u1"), 200, h, buf.Bytes()), "")
}

func TestAllowUndocumented(t *testing.T) {
	// A private copy: the shared allow list would outlive this test (-count=N).
	shared := Load(t)
	v := &Validator{doc: shared.doc, routers: shared.routers}
	post := req("POST", "/v1/account/sessions")
	challenge := req("POST", "/v1/account/mfa/challenge")
	delAlias := req("DELETE", "/v1/account/aliases/a1")
	for _, r := range []*http.Request{post, challenge, delAlias} {
		checkErr(t, v.ValidateResponse(r, 201, jsonHeader, []byte(`{"x":1}`)), "no route for")
	}

	v.AllowUndocumented("POST", "/v1/account/sessions")
	v.AllowUndocumented("POST", "/v1/account/mfa/challenge")
	v.AllowUndocumented("DELETE", "/v1/account/aliases/{aliasId}")
	checkErr(t, v.ValidateResponse(post, 201, jsonHeader, []byte(`{"x":1}`)), "")
	checkErr(t, v.ValidateResponse(challenge, 201, jsonHeader, []byte(`{"x":1}`)), "")
	checkErr(t, v.ValidateResponse(delAlias, 204, http.Header{}, nil), "")
	checkErr(t, v.ValidateResponse(post, 201, jsonHeader, []byte(`{"x":`)), "not valid JSON")
	checkErr(t, v.ValidateResponse(delAlias, 204, http.Header{}, []byte(`{}`)), "204 response has")
	// Errors keep their shape on aliases too.
	checkErr(t, v.ValidateResponse(post, 401, jsonHeader, errBody("401", nil)), "code")
	// Other methods and paths stay undocumented.
	checkErr(t, v.ValidateResponse(req("PUT", "/v1/account/sessions"), 200, jsonHeader, []byte(`{}`)), "no route for")
	checkErr(t, v.ValidateResponse(req("DELETE", "/v1/account/aliases/"), 204, http.Header{}, nil), "no route for")
}

// fakeTB records Errorf calls instead of failing the test.
type fakeTB struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func (f *fakeTB) errors() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errs...)
}

// fakeServer answers /v1/users/{good,bad} and a non-API /health.
func fakeServer(t *testing.T) http.Handler {
	user := mustJSON(t, validUser())
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users/good", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.Write(user)
	})
	mux.HandleFunc("GET /v1/users/bad", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"$id":"bad"}`))
	})
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok"))
	})
	return mux
}

func TestTransport(t *testing.T) {
	v := Load(t)
	srv := httptest.NewServer(fakeServer(t))
	defer srv.Close()
	tb := &fakeTB{TB: t}
	client := &http.Client{Transport: v.Transport(tb, nil)}

	get := func(path string) []byte {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if got := get("/v1/users/good"); !bytes.Equal(got, mustJSON(t, validUser())) {
		t.Errorf("body not restored: %s", got)
	}
	if got := get("/health"); string(got) != "ok" {
		t.Errorf("/health body = %q", got)
	}
	if errs := tb.errors(); len(errs) != 0 {
		t.Fatalf("unexpected failures: %q", errs)
	}

	if got := get("/v1/users/bad"); string(got) != `{"$id":"bad"}` {
		t.Errorf("body not restored: %s", got)
	}
	errs := tb.errors()
	if len(errs) != 1 {
		t.Fatalf("want 1 failure, got %q", errs)
	}
	for _, want := range []string{"GET", "/v1/users/bad", "200", "is missing", `body: {"$id":"bad"}`} {
		if !strings.Contains(errs[0], want) {
			t.Errorf("failure %q lacks %q", errs[0], want)
		}
	}
}

func TestTransportConcurrent(t *testing.T) {
	v := Load(t)
	srv := httptest.NewServer(fakeServer(t))
	defer srv.Close()
	tb := &fakeTB{TB: t}
	client := &http.Client{Transport: v.Transport(tb, nil)}
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			path := "/v1/users/good"
			if i%2 == 1 {
				path = "/v1/users/bad"
			}
			resp, err := client.Get(srv.URL + path)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		})
	}
	wg.Wait()
	if n := len(tb.errors()); n != 10 {
		t.Errorf("want 10 failures, got %d", n)
	}
}

// A cancelled request or a dropped connection leaves nothing to validate:
// the caller sees the transport error, and no failure is reported.
func TestTransportBrokenBody(t *testing.T) {
	v := Load(t)
	flushed := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"$id":`))
		w.(http.Flusher).Flush()
		close(flushed)
		<-r.Context().Done()
	})
	mux.HandleFunc("GET /v1/users/drop", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"$id\":"))
		conn.Close()
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	tb := &fakeTB{TB: t}
	client := &http.Client{Transport: v.Transport(tb, nil)}

	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-flushed; cancel() }()
	r, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/v1/users/slow", nil)
	if resp, err := client.Do(r); err == nil {
		_, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("slow: want context.Canceled from body, got %v", err)
		}
	}

	resp, err := client.Get(srv.URL + "/v1/users/drop")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) || string(b) != `{"$id":` {
		t.Errorf("drop: got %q, %v; want partial body and unexpected EOF", b, err)
	}
	if errs := tb.errors(); len(errs) != 0 {
		t.Errorf("unexpected failures: %q", errs)
	}
}

func TestHandler(t *testing.T) {
	v := Load(t)
	tb := &fakeTB{TB: t}
	h := v.Handler(tb, fakeServer(t))

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req("GET", "/v1/users/good"))
	if !bytes.Equal(rec.Body.Bytes(), mustJSON(t, validUser())) {
		t.Errorf("body not passed through: %s", rec.Body)
	}
	h.ServeHTTP(httptest.NewRecorder(), req("GET", "/health"))
	if errs := tb.errors(); len(errs) != 0 {
		t.Fatalf("unexpected failures: %q", errs)
	}

	h.ServeHTTP(httptest.NewRecorder(), req("GET", "/v1/users/bad"))
	if errs := tb.errors(); len(errs) != 1 || !strings.Contains(errs[0], "GET /v1/users/bad -> 200") {
		t.Errorf("want 1 failure for /v1/users/bad, got %q", errs)
	}
}

func TestHandlerFlushAndSniff(t *testing.T) {
	v := Load(t)
	tb := &fakeTB{TB: t}
	h := v.Handler(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"message":"m","code":200,"type":"t","version":"1"}`)) // no Content-Type
		w.(http.Flusher).Flush()
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req("GET", "/v1/users/u1"))
	if !rec.Flushed {
		t.Error("Flush did not reach the real writer")
	}
	// The sniffed text/plain type and the invalid User body must both count.
	if errs := tb.errors(); len(errs) != 1 || !strings.Contains(errs[0], "text/plain") {
		t.Errorf("want a Content-Type failure, got %q", errs)
	}
}

func TestHandlerHijackSkipped(t *testing.T) {
	v := Load(t)
	tb := &fakeTB{TB: t}
	h := v.Handler(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnope")
		buf.Flush()
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/v1/xyz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "nope" {
		t.Errorf("body = %q", b)
	}
	if errs := tb.errors(); len(errs) != 0 {
		t.Errorf("hijacked response was validated: %q", errs)
	}
}
