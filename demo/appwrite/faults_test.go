package appwrite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"
)

func TestFaultStatusWithRetryAfter(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.Inject("/v1/account", 1, Fault{Status: 503, RetryAfter: 7 * time.Second})
	r := h.get("/v1/account", op)
	r.wantError(t, http.StatusServiceUnavailable, "general_service_disabled")
	if got := r.header.Get("Retry-After"); got != "7" {
		t.Errorf("Retry-After %q, want 7", got)
	}
	h.account(op) // used up

	h.srv.Inject("/v1/account", 1, Fault{Status: 429, RetryAfter: 1500 * time.Millisecond})
	r = h.get("/v1/account", op)
	r.wantError(t, http.StatusTooManyRequests, "general_rate_limit_exceeded")
	if got := r.header.Get("Retry-After"); got != "2" {
		t.Errorf("Retry-After %q, want 2 (whole seconds, rounded up)", got)
	}
}

func TestFaultInjectMatchesPrefixAndCount(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.Inject("/v1/users", 2, Fault{Status: 500})
	h.account(op) // another path is untouched and uses up nothing
	h.get("/v1/users/"+AdaID, op).wantError(t, http.StatusInternalServerError, "general_unknown")
	h.get("/v1/users", op).wantError(t, http.StatusInternalServerError, "general_unknown")
	h.get("/v1/users", op).wantStatus(t, http.StatusOK)
	h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK)

	// Queued faults apply in order, each for its own path.
	h.srv.Inject("/v1/account", 1, Fault{Status: 502})
	h.srv.Inject("/v1/account", 1, Fault{Status: 504})
	h.get("/v1/account", op).wantError(t, http.StatusBadGateway, "general_server_error")
	h.get("/v1/account", op).wantError(t, http.StatusGatewayTimeout, "general_server_error")
	h.account(op)
}

func TestFaultDropGivesNoResponse(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.Inject("/v1/users", 1, Fault{Drop: true})
	h.http.CloseIdleConnections() // on a fresh connection net/http does not retry the GET
	h.srv.ResetSeen()
	r, err := h.send(request{path: "/v1/users", session: op})
	if err == nil {
		t.Fatalf("dropped request got a response: %d %s", r.status, r.body)
	}
	seen := h.srv.Seen()
	if len(seen) != 1 || seen[0].Status != 0 {
		t.Errorf("Seen after a drop: %+v, want one request with status 0", seen)
	}
	h.list(op, "/v1/users")
}

func TestFaultMalformedBody(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.Inject("/v1/account", 1, Fault{Malformed: true})
	// The spec-checking client would (rightly) fail the test on this body, so it goes out
	// through a plain client and is checked here instead.
	req := h.newRequest(request{path: "/v1/account", session: op})
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || json.Valid(body) || !bytes.HasPrefix(body, []byte(`{"$id":"support"`)) {
		t.Errorf("malformed: status %d, body %q; want 200 and the start of the real JSON", resp.StatusCode, body)
	}
	if err := specValidator(t).ValidateResponse(req, resp.StatusCode, resp.Header, body); err == nil {
		t.Error("the spec validator accepts the malformed body")
	}
	h.account(op)
}

func TestFaultDelayHonoursCancellation(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.Inject("/v1/account", 1, Fault{Delay: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := h.http.Do(h.newRequest(request{path: "/v1/account", session: op}).WithContext(ctx))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want the deadline", err)
	}
	// Close waits for every handler: it returns at once only if the delayed one stopped.
	h.ts.Close()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the delayed handler ran on for %v after the client gave up", d)
	}
}

func TestFaultDelayAndSlowBodyDeliverEverything(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	want := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK).body
	for name, f := range map[string]Fault{
		"delay":     {Delay: 200 * time.Millisecond},
		"slow body": {SlowBody: 300 * time.Millisecond},
	} {
		t.Run(name, func(t *testing.T) {
			h.srv.Inject("/v1/users/", 1, f)
			start := time.Now()
			r := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK)
			if d := time.Since(start); d < 150*time.Millisecond {
				t.Errorf("answered in %v: the fault did nothing", d)
			}
			if !bytes.Equal(r.body, want) {
				t.Errorf("body differs: %d bytes, want %d", len(r.body), len(want))
			}
		})
	}
}

func TestKnobs(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	h.srv.SetKnobs(Knobs{FaultRate: 1})
	for range 8 {
		r := h.get("/v1/account", op)
		if r.status != 500 && r.status != 503 {
			t.Fatalf("fault rate 1: status %d", r.status)
		}
	}
	h.srv.SetKnobs(Knobs{DropRate: 1})
	h.http.CloseIdleConnections()
	if _, err := h.send(request{method: "POST", path: "/v1/account/sessions/email",
		body: map[string]string{"email": OperatorEmail, "password": OperatorPassword}}); err == nil {
		t.Error("drop rate 1: got a response")
	}
	h.srv.SetKnobs(Knobs{Latency: 150 * time.Millisecond})
	start := time.Now()
	h.account(op)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("latency 150ms: answered in %v", d)
	}
	h.srv.SetKnobs(Knobs{})
	h.account(op)
}
