package mpdx

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestInjectedFaultsAreJSONAPIErrors(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	h.srv.Inject("/api/v2/organizations/", 1, Fault{Status: 503, RetryAfter: 7 * time.Second})
	h.srv.Inject("/api/v2/organizations/", 1, Fault{Status: 429, RetryAfter: 1500 * time.Millisecond})
	h.srv.Inject("/api/v2/organizations/", 1, Fault{Status: 502})
	h.get(op, "/api/v2/user").wantStatus(t, 200) // another path uses up nothing

	r := h.impersonate(op, CruDemoID, AdaUserID).wantBody(t, 503, `{"errors":[{"status":"503","title":"Service Unavailable"}]}`)
	if r.header.Get("Retry-After") != "7" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	r = h.impersonate(op, CruDemoID, AdaUserID).wantBody(t, 429, `{"errors":[{"status":"429","title":"Too Many Requests"}]}`)
	if r.header.Get("Retry-After") != "2" {
		t.Errorf("Retry-After %q, want 2 (rounded up)", r.header.Get("Retry-After"))
	}
	h.impersonate(op, CruDemoID, AdaUserID).wantBody(t, 502, `{"errors":[{"status":"502","title":"Bad Gateway"}]}`)
	h.impersonate(op, CruDemoID, AdaUserID).wantStatus(t, 200)
	// A fault answers before the server: only the last impersonation happened.
	if n := len(h.srv.Impersonations()); n != 1 {
		t.Errorf("%d impersonations, want 1", n)
	}
}

func TestDropMalformedAndSlow(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	h.srv.Inject("/api/v2/user", 1, Fault{Drop: true})
	h.ts.Client().CloseIdleConnections() // on a fresh connection net/http does not retry the GET
	h.srv.ResetSeen()
	if r, err := h.send(request{path: "/api/v2/user", auth: op}); err == nil {
		t.Fatalf("dropped request got %d", r.status)
	}
	if s := h.srv.Seen(); len(s) != 1 || s[0].Status != 0 {
		t.Errorf("seen %+v", s)
	}
	h.srv.Inject("/api/v2/organizations/account_lists", 1, Fault{Malformed: true})
	r := h.do(request{path: searchPath(nil), auth: op, notJSONAPI: true}).wantStatus(t, 200)
	if json.Valid(r.body) || len(r.body) == 0 {
		t.Errorf("malformed body is valid JSON: %q", r.body)
	}
	h.srv.Inject("/api/v2/organizations/account_lists", 1, Fault{SlowBody: 50 * time.Millisecond})
	res, _ := h.get(op, searchPath(map[string]string{"per_page": "3"})).wantStatus(t, http.StatusOK).list(t)
	if len(res) != 3 {
		t.Errorf("slow body: %d lists", len(res))
	}
}

// Random faults come from the knobs, and SetKnobs turns them off.
func TestRandomFaults(t *testing.T) {
	h := newHarness(t, Options{Knobs: Knobs{FaultRate: 1}})
	r := h.get(h.srv.OperatorToken(), "/api/v2/user")
	if r.status != 500 && r.status != 503 {
		t.Fatalf("status %d", r.status)
	}
	h.srv.SetKnobs(Knobs{})
	h.get(h.srv.OperatorToken(), "/api/v2/user").wantStatus(t, 200)
}
