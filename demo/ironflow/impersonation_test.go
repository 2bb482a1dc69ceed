package ironflow

import (
	"net/http"
	"slices"
	"testing"
)

func TestOrgScopedReadsReturnOnlyThatTenant(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.login(OperatorEmail, OperatorPassword)
	envs := h.as(op, AcmeID, "", "/api/v1/environments").wantStatus(t, 200).items(t, "environments")
	if got := ids(envs); !slices.Equal(got, []string{"env_default", "env_staging", "env_production"}) {
		t.Fatalf("acme environments %v", got)
	}
	projects := h.as(op, AcmeID, "", "/api/v1/projects").wantStatus(t, 200).items(t, "projects")
	for _, e := range envs {
		if e["org_id"] != AcmeID || e["project_id"] != projects[0]["id"] || e["name"] == "" || e["created_at"] == "" {
			t.Errorf("environment %v", e)
		}
	}
	for _, p := range projects {
		if p["org_id"] != AcmeID {
			t.Errorf("project %v", p)
		}
	}
	genv := h.as(op, GlobexID, "", "/api/v1/environments").wantStatus(t, 200).items(t, "environments")
	if len(genv) != 1 || genv[0]["org_id"] != GlobexID || genv[0]["id"] != DefaultEnvironment {
		t.Errorf("globex environments %v", genv)
	}
	// Each tenant's data is its own.
	for _, path := range []string{"/api/v1/projects", "/api/v1/functions", "/api/v1/events"} {
		key := path[len("/api/v1/"):]
		a := ids(h.as(op, AcmeID, "", path).wantStatus(t, 200).items(t, key))
		g := ids(h.as(op, GlobexID, "", path).wantStatus(t, 200).items(t, key))
		if len(a) == 0 || len(g) == 0 || slices.ContainsFunc(a, func(id string) bool { return slices.Contains(g, id) }) {
			t.Errorf("%s: acme %v and globex %v overlap or are empty", path, a, g)
		}
	}
	w := h.as(op, AcmeID, "", "/api/v1/workers").wantStatus(t, 200).object(t)
	if _, ok := w["workers"].([]any); !ok || w["count"] == nil {
		t.Errorf("workers %v", w)
	}
	a := h.as(op, AcmeID, "", "/api/v1/audit").wantStatus(t, 200).object(t)
	if evs, _ := a["events"].([]any); len(evs) == 0 || a["total_count"] == nil {
		t.Errorf("tenant audit %v", truncate(string(h.as(op, AcmeID, "", "/api/v1/audit").body)))
	}
}

func TestEnvironmentByIDOrNameAndItsRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorKey()
	fns := func(env, path string) []string {
		return ids(h.as(op, AcmeID, env, path).wantStatus(t, 200).items(t, "functions"))
	}
	def, byID, byName := fns("", "/api/v1/functions"), fns("env_staging", "/api/v1/functions"), fns("staging", "/api/v1/functions")
	if !slices.Equal(byID, byName) || slices.Equal(def, byID) {
		t.Errorf("default %v, env_staging %v, staging %v", def, byID, byName)
	}
	if q := fns("", "/api/v1/functions?env=production"); !slices.Equal(q, fns("env_production", "/api/v1/functions")) {
		t.Errorf("?env=production %v", q)
	}
	if !slices.Equal(fns("env_default", "/api/v1/functions"), def) {
		t.Error("env_default is not the default")
	}

	h.as(op, GlobexID, "env_staging", "/api/v1/functions").
		wantBody(t, 403, `{"code":"forbidden","message":"environment env_staging does not belong to organization org_globex"}`)
	h.as(op, GlobexID, "", "/api/v1/environments?env=production").
		wantBody(t, 403, `{"code":"forbidden","message":"environment production does not belong to organization org_globex"}`)
	h.as(op, AcmeID, "env_staging", "/api/v1/functions?env=production").
		wantBody(t, 400, `{"code":"invalid_argument","message":"X-Ironflow-Environment and env name different environments"}`)
	h.as(op, AcmeID, "env_staging", "/api/v1/functions?env=staging").wantStatus(t, 200)

	h.as(op, "org_nosuch", "", "/api/v1/environments").
		wantBody(t, 404, `{"code":"not_found","message":"organization org_nosuch not found"}`)
	h.as(op, "", "", "/api/v1/environments").wantBody(t, 403, `{"code":"forbidden","message":"X-Ironflow-Org required"}`)
	h.as("", AcmeID, "", "/api/v1/environments").wantBody(t, 401, `{"error":"authentication required"}`)
	h.as(op, AcmeID, "", "/api/v1/nosuch").wantBody(t, 404, `{"code":"not_found","message":"route not found"}`)
}

func TestViewerReadsButCannotWrite(t *testing.T) {
	h := newHarness(t, Options{})
	for _, viewer := range []string{h.login(ViewerEmail, ViewerPassword), h.srv.ViewerKey()} {
		h.as(viewer, AcmeID, "", "/api/v1/functions").wantStatus(t, 200)
		fn := ids(h.as(viewer, AcmeID, "", "/api/v1/functions").items(t, "functions"))[0]
		denied := `{"code":"permission_denied","message":"platform:impersonate required"}`
		for _, rq := range []request{
			{method: "POST", path: "/api/v1/events", body: map[string]any{"name": "x"}},
			{method: "PATCH", path: "/api/v1/functions/" + fn, body: map[string]any{"status": "paused"}},
			{method: "PUT", path: "/api/v1/functions/" + fn, body: "{}"},
			{method: "DELETE", path: "/api/v1/environments"},
			{method: "POST", path: ConnectPrefix + "ListRuns", body: "{}"},
			{method: "POST", path: "/api/v1/events", body: "{}", org: "org_nosuch"}, // says nothing of the tenant
		} {
			rq.auth = viewer
			if rq.org == "" {
				rq.org = AcmeID
			}
			h.do(rq).wantBody(t, 403, denied)
		}
	}
	// Nothing was written.
	fns := h.as(h.srv.OperatorKey(), AcmeID, "", "/api/v1/functions").items(t, "functions")
	for _, f := range fns {
		if f["updated_at"] == testNow.Format("2006-01-02T15:04:05Z") {
			t.Errorf("function %v changed", f)
		}
	}
}

func TestOperatorWrites(t *testing.T) {
	h := newHarness(t, Options{})
	for _, op := range []string{h.login(OperatorEmail, OperatorPassword), h.srv.OperatorKey(), h.login(AdminEmail, AdminPassword)} {
		r := h.do(request{method: "POST", path: "/api/v1/events", auth: op, org: AcmeID, env: "staging",
			body: map[string]any{"name": "order.created", "data": map[string]any{"order": 42}}}).wantStatus(t, http.StatusCreated)
		sent := r.object(t)
		if sent["name"] != "order.created" || sent["source"] != "api" || sent["id"] == "" {
			t.Fatalf("sent %v", sent)
		}
		latest := h.as(op, AcmeID, "env_staging", "/api/v1/events?limit=1").wantStatus(t, 200).items(t, "events")
		if len(latest) != 1 || latest[0]["id"] != sent["id"] {
			t.Errorf("latest event %v, want %v", latest, sent["id"])
		}
		if def := ids(h.as(op, AcmeID, "", "/api/v1/events?limit=200").items(t, "events")); slices.Contains(def, sent["id"].(string)) {
			t.Error("an event sent to staging is in the default environment")
		}

		fn := ids(h.as(op, GlobexID, "", "/api/v1/functions").items(t, "functions"))[0]
		h.do(request{method: "PATCH", path: "/api/v1/functions/" + fn, auth: op, org: GlobexID,
			body: map[string]any{"status": "paused", "preferred_mode": "pull"}}).wantStatus(t, 200)
		got := h.as(op, GlobexID, "", "/api/v1/functions/"+fn).wantStatus(t, 200).object(t)
		if got["status"] != "paused" || got["preferred_mode"] != "pull" || got["updated_at"] != "2026-11-20T10:15:00Z" {
			t.Errorf("after PATCH: %v", got)
		}
		h.do(request{method: "PATCH", path: "/api/v1/functions/" + fn, auth: op, org: GlobexID,
			body: map[string]any{"status": "gone"}}).wantStatus(t, 400)
		h.do(request{method: "PATCH", path: "/api/v1/functions/fn_nosuch", auth: op, org: GlobexID,
			body: map[string]any{"status": "active"}}).wantBody(t, 404, `{"code":"not_found","message":"function fn_nosuch not found"}`)
		h.do(request{method: "POST", path: "/api/v1/events", auth: op, org: AcmeID, body: "{}"}).wantStatus(t, 400)
		h.do(request{method: "DELETE", path: "/api/v1/environments", auth: op, org: AcmeID}).wantStatus(t, http.StatusMethodNotAllowed)
	}
}

func TestConnectListRuns(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorKey()
	r := h.do(request{method: "POST", path: ConnectPrefix + "ListRuns", auth: op, org: AcmeID, env: "production", body: "{}"}).wantStatus(t, 200)
	runs := r.items(t, "runs")
	if len(runs) == 0 || runs[0]["orgId"] != AcmeID || runs[0]["environmentId"] != "env_production" || runs[0]["functionId"] == "" {
		t.Fatalf("runs %v", truncate(string(r.body)))
	}
	h.do(request{method: "POST", path: ConnectPrefix + "ListRuns", auth: op, org: AcmeID, body: "{}",
		header: http.Header{"Content-Type": {"application/proto"}}}).wantStatus(t, http.StatusUnsupportedMediaType)
	h.do(request{method: "POST", path: ConnectPrefix + "Nope", auth: op, org: AcmeID, body: "{}"}).
		wantBody(t, 404, `{"code":"unimplemented","message":"ironflow.v1.IronflowService.Nope is not implemented"}`)
}

func TestTenantKeyActsInItsOwnScope(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.TenantKey()
	envs := h.as(key, "", "", "/api/v1/environments").wantStatus(t, 200).items(t, "environments")
	if envs[0]["org_id"] != AcmeID {
		t.Errorf("tenant key environments %v", envs)
	}
	h.as(key, AcmeID, DefaultEnvironment, "/api/v1/functions").wantStatus(t, 200)
	h.as(key, "", "staging", "/api/v1/functions").
		wantBody(t, 403, `{"code":"forbidden","message":"environment does not match API key scope"}`)
	h.as(key, GlobexID, "", "/api/v1/functions").wantBody(t, 403, `{"error":"platform credentials required"}`)
	if n := len(h.srv.audit.events); n != 0 {
		t.Errorf("a tenant key's own requests were audited as impersonation: %d events", n)
	}
}

// A server that drops X-Ironflow-Org answers as its one tenant, whatever the header says.
func TestIgnoringTheOrgHeaderAnswersAsTheFirstTenant(t *testing.T) {
	h := newHarness(t, Options{IgnoreOrgHeader: true})
	op := h.login(OperatorEmail, OperatorPassword)
	envs := h.as(op, GlobexID, "", "/api/v1/environments").wantStatus(t, 200).items(t, "environments")
	if len(envs) == 0 || envs[0]["org_id"] != AcmeID {
		t.Fatalf("environments %v", envs)
	}
}

// The auditor reads the tenant list but acts as no tenant, not even to read.
func TestTheAuditorActsAsNobody(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.login(AuditorEmail, AuditorPassword)
	h.as(op, AcmeID, "", "/api/v1/environments").wantStatus(t, http.StatusForbidden)
}
