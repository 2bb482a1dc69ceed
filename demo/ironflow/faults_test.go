package ironflow

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestInjectedFaultsInEachShape(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.OperatorKey()
	h.srv.Inject("/api/v1/environments", 1, Fault{Status: 503, RetryAfter: 7 * time.Second})
	h.srv.Inject("/api/v1/environments", 1, Fault{Status: 429, RetryAfter: 1500 * time.Millisecond})
	h.srv.Inject("/api/v1/environments", 1, Fault{Status: 502})
	h.srv.Inject("/api/v1/environments", 1, Fault{Status: 500})
	h.as(key, GlobexID, "", "/api/v1/projects").wantStatus(t, 200) // another path uses up nothing

	r := h.as(key, AcmeID, "", "/api/v1/environments").wantBody(t, 503, `{"code":"unavailable","message":"service unavailable"}`)
	if r.header.Get("Retry-After") != "7" {
		t.Errorf("Retry-After %q", r.header.Get("Retry-After"))
	}
	r = h.as(key, AcmeID, "", "/api/v1/environments").wantBody(t, 429, `{"error":"rate limit exceeded"}`)
	if r.header.Get("Retry-After") != "2" {
		t.Errorf("Retry-After %q, want 2 (rounded up)", r.header.Get("Retry-After"))
	}
	r = h.as(key, AcmeID, "", "/api/v1/environments").wantStatus(t, 502)
	if string(r.body) != "502 Bad Gateway\n" || r.header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("502: %q %q", r.body, r.header.Get("Content-Type"))
	}
	h.as(key, AcmeID, "", "/api/v1/environments").wantBody(t, 500, `{"code":"internal","message":"internal server error"}`)
	h.as(key, AcmeID, "", "/api/v1/environments").wantStatus(t, 200)

	// A fault answers before the server: only the last request was audited.
	if a := h.platformAudit(key, "impersonated_org_id="+AcmeID); a.TotalCount != 1 {
		t.Errorf("%d audited, want 1", a.TotalCount)
	}
}

func TestDropAndMalformed(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.OperatorKey()
	h.srv.Inject("/api/v1/platform/", 1, Fault{Drop: true})
	h.ts.Client().CloseIdleConnections() // on a fresh connection net/http does not retry the GET
	h.srv.ResetSeen()
	if r, err := h.send(request{path: "/api/v1/platform/tenants", auth: key}); err == nil {
		t.Fatalf("dropped request got %d", r.status)
	}
	if s := h.srv.Seen(); len(s) != 1 || s[0].Status != 0 {
		t.Errorf("seen %+v", s)
	}
	h.srv.Inject("/api/v1/platform/", 1, Fault{Malformed: true})
	r := h.do(request{path: "/api/v1/platform/tenants?limit=3", auth: key}).wantStatus(t, 200)
	if json.Valid(r.body) || len(r.body) == 0 {
		t.Errorf("malformed body is valid JSON: %q", r.body)
	}
	h.srv.Inject("/api/v1/platform/", 1, Fault{SlowBody: 50 * time.Millisecond})
	var list []tenantItem
	h.do(request{path: "/api/v1/platform/tenants?limit=3", auth: key}).wantStatus(t, http.StatusOK).decode(t, &list)
	if len(list) != 3 {
		t.Errorf("slow body: %d tenants", len(list))
	}
}
