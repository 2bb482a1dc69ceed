package mpdx

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

// hostileTour is one of every answer the demo gives; the tokens it uses come back intact.
func hostileTour(t *testing.T, h *harness) map[string]*response {
	t.Helper()
	op := h.srv.OperatorToken()
	out := map[string]*response{}
	out["sign in"] = h.do(signInRequest(OrgAdminEmail, OrgAdminPassword)).wantStatus(t, 200)
	imp := h.impersonate(op, CruDemoID, AdaUserID).wantStatus(t, 200)
	out["impersonate"] = imp
	var i impersonation
	imp.decode(t, &i)
	ada := i.Data.Attributes.Token // intact: usable as is
	out["account lists"] = h.get(ada, "/api/v2/account_lists").wantStatus(t, 200)
	list := h.listOf(AdaUserID) // as served unless HostileIDs
	for name, rq := range map[string]request{
		"user":          {path: "/api/v2/user?include=email_addresses,account_lists", auth: ada},
		"organizations": {path: "/api/v2/organizations", auth: op},
		"search":        {path: searchPath(map[string]string{"filter[wildcard_search]": "shared"}), auth: op},
		"escape search": {path: searchPath(map[string]string{"filter[wildcard_search]": EscapeEmail}), auth: op},
		"contacts":      {path: "/api/v2/account_lists/" + list + "/contacts?per_page=3", auth: ada},
		"donations":     {path: "/api/v2/account_lists/" + list + "/donations?per_page=3", auth: ada},
		"not found":     {method: "POST", path: impersonationPath(CruDemoID), auth: op, body: resource("impersonation", map[string]any{"user": OutsiderEmail})},
		"missing user":  {method: "POST", path: impersonationPath(CruDemoID), auth: op, body: resource("impersonation", map[string]any{})},
		"forbidden":     {path: "/api/v2/account_lists/" + list, auth: op},
		"unauthorized":  {path: "/api/v2/user", auth: "nonsense"},
		"media type":    {path: "/api/v2/user", header: http.Header{"Accept": {"text/html"}}},
		"bad sort":      {path: searchPath(map[string]string{"sort": "x"}), auth: op},
	} {
		out[name] = h.do(rq)
	}
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
		if carried < 60 {
			t.Errorf("ids %v: only %d strings carried the hostile text", ids, carried)
		}
	}
}

// The stale-update round trip survives hostile mode: updated_in_db_at comes back intact.
func TestHostileModeKeepsUpdatesWorking(t *testing.T) {
	h := newHarness(t, Options{Knobs: Knobs{Hostile: ShortHostileString()}})
	ada := h.impersonationToken(AdaEmail)
	list := h.listOf(AdaUserID)
	contacts, _ := h.get(ada, "/api/v2/account_lists/"+list+"/contacts").list(t)
	c := contacts[0]
	body := resource("contacts", map[string]any{"notes": "x", "updated_in_db_at": c.Attributes["updated_in_db_at"]})
	h.do(request{method: "PUT", path: "/api/v2/account_lists/" + list + "/contacts/" + c.ID, auth: ada, body: body}).
		wantStatus(t, http.StatusOK)
}

func TestHostileOffChangesNothing(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	paths := []string{searchPath(map[string]string{"per_page": "5"}), "/api/v2/user"}
	before := map[string][]byte{}
	for _, p := range paths {
		before[p] = h.get(op, p).body
	}
	h.srv.SetKnobs(Knobs{Hostile: "!"})
	for _, p := range paths {
		if r := h.get(op, p); bytes.Equal(r.body, before[p]) || r.header.Get(HeaderHostile) != "!" {
			t.Errorf("%s: hostile mode changed nothing", p)
		}
	}
	h.srv.SetKnobs(Knobs{})
	for _, p := range paths {
		if r := h.get(op, p); !bytes.Equal(r.body, before[p]) || r.header.Get(HeaderHostile) != "" {
			t.Errorf("%s: differs after hostile mode is off", p)
		}
	}
}
