package ironflow

import (
	"net/http"
	"sync"
	"testing"
)

// Reads, writes and audits from many clients at once (run with -race).
func TestConcurrentImpersonation(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.OperatorKey()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			org := []string{AcmeID, GlobexID, h.srv.tenants[10+i].id}[i%3]
			for range 5 {
				r, err := h.send(request{method: "POST", path: "/api/v1/events", auth: key, org: org, body: `{"name":"x"}`})
				if err != nil || r.status != http.StatusCreated {
					t.Errorf("send: %v %v", r, err)
					return
				}
				if r, err = h.send(request{path: "/api/v1/events", auth: key, org: org}); err != nil || r.status != 200 {
					t.Errorf("list: %v %v", r, err)
					return
				}
				_, _ = h.send(request{path: "/api/v1/platform/audit?limit=5", auth: key})
			}
		}()
	}
	wg.Wait()
	if a := h.platformAudit(key, "limit=1"); a.TotalCount != 80 {
		t.Errorf("%d audited, want 80", a.TotalCount)
	}
}
