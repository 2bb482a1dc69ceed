package ironflow

import (
	"bytes"
	"net/http"
	"testing"

	"actas/demo/internal/netfault/hostilecheck"
)

// checkHostile checks one answer of a hostile server (hostilecheck's rules, with this
// dialect's identity and machine keys); it returns how many strings carried the text.
func checkHostile(t *testing.T, what string, r *response, ids bool) int {
	t.Helper()
	rules := hostilecheck.Rules{Text: ShortHostileString(), Banner: ForgedBanner, Machine: IsMachineKey, Identity: IsIdentityKey}
	carried, problems := rules.Check(r.header, r.body, ids)
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
	return carried
}

// hostileTour is one of every answer the demo gives, as the operator.
func hostileTour(t *testing.T, h *harness) map[string]*response {
	t.Helper()
	login := h.do(loginRequest(OperatorEmail, OperatorPassword)).wantStatus(t, 200)
	var l struct{ Token string }
	login.decode(t, &l)
	op := l.Token // intact: usable as is
	out := map[string]*response{"login": login}
	for name, rq := range map[string]request{
		"me":              {path: "/api/v1/platform/auth/me"},
		"tenants":         {path: "/api/v1/platform/tenants?limit=5"},
		"sdk tenants":     {path: "/api/v1/tenants"},
		"environments":    {path: "/api/v1/environments", org: AcmeID},
		"projects":        {path: "/api/v1/projects", org: AcmeID},
		"functions":       {path: "/api/v1/functions", org: AcmeID, env: "staging"},
		"events":          {path: "/api/v1/events?limit=3", org: AcmeID},
		"workers":         {path: "/api/v1/workers", org: EscapeTenantID},
		"tenant audit":    {path: "/api/v1/audit?limit=3", org: AcmeID},
		"list runs":       {method: "POST", path: ConnectPrefix + "ListRuns", org: AcmeID, body: "{}"},
		"send event":      {method: "POST", path: "/api/v1/events", org: GlobexID, body: map[string]any{"name": "a", "data": map[string]any{"b": "c"}}},
		"foreign env":     {path: "/api/v1/functions", org: GlobexID, env: "env_staging"},
		"unknown org":     {path: "/api/v1/functions", org: "org_nosuch"},
		"no org":          {path: "/api/v1/functions"},
		"bad credentials": {method: "POST", path: "/api/v1/platform/auth/login", body: map[string]string{"email": "a@b", "password": "x"}},
	} {
		rq.auth = op
		out[name] = h.do(rq)
	}
	out["platform audit"] = h.do(request{path: "/api/v1/platform/audit", auth: op}).wantStatus(t, 200)
	return out
}

func TestHostileModeReachesEveryStringButIDs(t *testing.T) {
	for _, ids := range []bool{false, true} {
		h := newHarness(t, Options{Knobs: Knobs{Hostile: ShortHostileString(), HostileIDs: ids}})
		carried := 0
		for name, r := range hostileTour(t, h) {
			if r.status >= 500 {
				t.Fatalf("%s: %d", name, r.status)
			}
			carried += checkHostile(t, name, r, ids)
		}
		if carried < 100 {
			t.Errorf("ids %v: only %d strings carried the hostile text", ids, carried)
		}
	}
	// Headers other than X-Hostile stay intact: the next cursor goes back as it came.
	h := newHarness(t, Options{Knobs: Knobs{Hostile: ShortHostileString()}})
	r := h.do(request{path: "/api/v1/platform/tenants?limit=2", auth: h.srv.OperatorKey()})
	next := r.header.Get(HeaderNextCursor)
	h.do(request{path: "/api/v1/platform/tenants?limit=2&cursor=" + next, auth: h.srv.OperatorKey()}).wantStatus(t, 200)
}

func TestHostileOffChangesNothing(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.OperatorKey()
	paths := []string{"/api/v1/platform/tenants?limit=5", "/api/v1/platform/auth/me"}
	before := map[string][]byte{}
	for _, p := range paths {
		before[p] = h.do(request{path: p, auth: key}).body
	}
	h.srv.SetKnobs(Knobs{Hostile: "!"})
	for _, p := range paths {
		if r := h.do(request{path: p, auth: key}); bytes.Equal(r.body, before[p]) || r.header.Get(HeaderHostile) != "!" {
			t.Errorf("%s: hostile mode changed nothing", p)
		}
	}
	h.srv.SetKnobs(Knobs{})
	for _, p := range paths {
		r := h.do(request{path: p, auth: key})
		if !bytes.Equal(r.body, before[p]) || r.header.Get(HeaderHostile) != "" {
			t.Errorf("%s: differs after hostile mode is off", p)
		}
	}
	if h.do(request{path: "/api/v1/platform/auth/me", auth: key}).status != http.StatusOK {
		t.Error("me")
	}
}
