package ironflow

import (
	"net/url"
	"testing"
	"time"
)

type platformAudit struct {
	Events []struct {
		ID        string `json:"id"`
		EventType string `json:"event_type"`
		Payload   struct {
			ActorID   string `json:"actor_id"`
			ActorType string `json:"actor_type"`
			Org       string `json:"impersonated_org_id"`
			Env       string `json:"environment_id"`
			Method    string `json:"method"`
			Path      string `json:"path"`
			Status    int    `json:"status"`
		} `json:"payload"`
		Metadata  map[string]string `json:"metadata"`
		CreatedAt string            `json:"created_at"`
	} `json:"events"`
	TotalCount int    `json:"total_count"`
	NextCursor string `json:"next_cursor"`
}

func (h *harness) platformAudit(auth, query string) platformAudit {
	h.t.Helper()
	var a platformAudit
	h.do(request{path: "/api/v1/platform/audit?" + query, auth: auth}).wantStatus(h.t, 200).decode(h.t, &a)
	return a
}

func TestEveryImpersonatedRequestIsAuditedWithItsStatus(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.login(OperatorEmail, OperatorPassword)
	viewer := h.srv.ViewerKey()
	h.as(op, AcmeID, "staging", "/api/v1/functions")                                                   // 200
	h.clock.Advance(time.Minute)                                                                       //
	h.do(request{method: "POST", path: "/api/v1/events", auth: viewer, org: GlobexID, body: "{}"})     // 403
	h.as(op, "org_nosuch", "", "/api/v1/environments")                                                 // 404
	h.as(op, GlobexID, "env_production", "/api/v1/environments")                                       // 403 env
	h.clock.Advance(time.Minute)                                                                       //
	h.do(request{method: "POST", path: "/api/v1/events", auth: op, org: AcmeID, body: `{"name":"x"}`}) // 201
	// Not impersonation: no org header, a tenant key, a platform route.
	h.as(op, "", "", "/api/v1/functions")
	h.as(h.srv.TenantKey(), "", "", "/api/v1/functions")
	h.do(request{path: "/api/v1/platform/tenants?limit=1", auth: op, org: AcmeID})

	a := h.platformAudit(op, "")
	type row struct {
		actor, kind, org, env, method, path string
		status                              int
	}
	want := []row{ // newest first
		{OperatorID, "user", AcmeID, DefaultEnvironment, "POST", "/api/v1/events", 201},
		{OperatorID, "user", GlobexID, "env_production", "GET", "/api/v1/environments", 403},
		{OperatorID, "user", "org_nosuch", "", "GET", "/api/v1/environments", 404},
		{ViewerKeyID, "key", GlobexID, "", "POST", "/api/v1/events", 403},
		{OperatorID, "user", AcmeID, "env_staging", "GET", "/api/v1/functions", 200},
	}
	if len(a.Events) != len(want) || a.TotalCount != len(want) || a.NextCursor != "" {
		t.Fatalf("%d events (total %d), want %d: %+v", len(a.Events), a.TotalCount, len(want), a.Events)
	}
	for i, w := range want {
		e := a.Events[i]
		p := e.Payload
		got := row{p.ActorID, p.ActorType, p.Org, p.Env, p.Method, p.Path, p.Status}
		if got != w || e.EventType != EventImpersonated || e.Metadata["ip"] != "127.0.0.1" || e.ID == "" {
			t.Errorf("event %d: %+v, want %+v", i, e, w)
		}
	}

	// Each filter.
	if f := h.platformAudit(op, "impersonated_org_id="+GlobexID); len(f.Events) != 2 || f.TotalCount != 2 {
		t.Errorf("by org: %d", len(f.Events))
	}
	if f := h.platformAudit(op, "event_type="+EventImpersonated); len(f.Events) != 5 {
		t.Errorf("by type: %d", len(f.Events))
	}
	if f := h.platformAudit(op, "event_type=run.started"); len(f.Events) != 0 {
		t.Errorf("another type: %d", len(f.Events))
	}
	from := url.QueryEscape(testNow.Add(time.Minute).Format(time.RFC3339))
	to := url.QueryEscape(testNow.Add(time.Minute + time.Second).Format(time.RFC3339))
	if f := h.platformAudit(op, "from="+from+"&to="+to); len(f.Events) != 3 || f.Events[0].Payload.Status != 403 {
		t.Errorf("from/to: %+v", f.Events)
	}
	if f := h.platformAudit(op, "to="+url.QueryEscape(testNow.Format(time.RFC3339))); len(f.Events) != 1 || f.Events[0].Payload.Status != 200 {
		t.Errorf("to: %+v", f.Events)
	}
	// Paging by cursor, two at a time.
	var paged []string
	q := "limit=2"
	for pages := 0; pages < 5; pages++ {
		p := h.platformAudit(op, q)
		for _, e := range p.Events {
			paged = append(paged, e.ID)
		}
		if p.NextCursor == "" {
			break
		}
		q = "limit=2&cursor=" + url.QueryEscape(p.NextCursor)
	}
	if len(paged) != 5 || paged[0] != a.Events[0].ID || paged[4] != a.Events[4].ID {
		t.Errorf("paged %v", paged)
	}

	// The audit right: admin and operator (users and keys), not the viewer.
	h.platformAudit(h.login(AdminEmail, AdminPassword), "")
	h.platformAudit(h.srv.OperatorKey(), "")
	for _, v := range []string{viewer, h.login(ViewerEmail, ViewerPassword)} {
		h.do(request{path: "/api/v1/platform/audit", auth: v}).
			wantBody(t, 403, `{"code":"permission_denied","message":"platform:audit:read required"}`)
	}
	h.do(request{path: "/api/v1/platform/audit", auth: h.srv.TenantKey()}).wantBody(t, 403, `{"error":"platform credentials required"}`)
	h.do(request{path: "/api/v1/platform/audit?from=soon", auth: op}).wantStatus(t, 400)
}
