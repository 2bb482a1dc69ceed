package mpdx

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"
)

// Searches, impersonations, reads and writes run at once (go test -race checks the
// locking). Goroutines only report with Errorf.
func TestConcurrentRequests(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	list := h.listOf(AdaUserID)
	try := func(rq request, want ...int) *response {
		r, err := h.send(rq)
		if err != nil || !slices.Contains(want, r.status) {
			t.Errorf("%s %s: %v %v", rq.method, rq.path, r, err)
			return nil
		}
		checkJSONAPI(t, rq.path, r.body)
		return r
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			imp := try(request{method: "POST", path: impersonationPath(CruDemoID), auth: op,
				body: resource("impersonation", map[string]any{"user": AdaUserID})}, 200)
			try(request{path: searchPath(map[string]string{"filter[wildcard_search]": "a", "page": itoa(int64(i + 1))}), auth: op}, 200)
			if imp == nil {
				return
			}
			var out impersonation
			_ = json.Unmarshal(imp.body, &out)
			ada := out.Data.Attributes.Token
			r := try(request{path: "/api/v2/account_lists/" + list + "/contacts", auth: ada}, 200)
			if r == nil {
				return
			}
			var contacts struct{ Data []resourceJSON }
			_ = json.Unmarshal(r.body, &contacts)
			c := contacts.Data[i%len(contacts.Data)]
			try(request{method: "PUT", path: "/api/v2/account_lists/" + list + "/contacts/" + c.ID, auth: ada,
				body: resource("contacts", map[string]any{"notes": "n", "updated_in_db_at": c.Attributes["updated_in_db_at"]})}, 200, 409)
			try(request{path: "/api/v2/account_lists/" + list + "/donations", auth: ada}, 200)
		})
	}
	wg.Wait()
	if n := len(h.srv.Impersonations()); n != 8 {
		t.Errorf("%d impersonations logged", n)
	}
}
