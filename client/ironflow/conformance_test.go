package ironflow

import (
	"net/http/httptest"
	"testing"
	"time"

	"actas/client"
	"actas/client/backendtest"
	demo "actas/demo/ironflow"
	"actas/internal/fakeclock"
)

// Ironflow passes the suite every dialect runs against its demo. The demo drops the
// org header (a proxy in front of a one-tenant engine): acting as org_acme, its first
// tenant, works, and acting as anyone else must be found not honoured.
func TestConformance(t *testing.T) {
	backendtest.Run(t, func(t *testing.T) *backendtest.Fixture {
		clock := fakeclock.New(time.Now())
		srv := demo.New(demo.Options{Tenants: 300, LoginLimit: -1, IgnoreOrgHeader: true, Now: clock.Now})
		hs := httptest.NewServer(srv)
		t.Cleanup(hs.Close)
		return &backendtest.Fixture{
			Dialect: Dialect{}, Endpoint: hs.URL,
			Operator: client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword},
			Denied:   client.Credentials{Email: demo.AuditorEmail, Password: demo.AuditorPassword},
			Search:   "", PageSize: 25,
			Target: client.Target{Kind: client.ByID, Value: demo.AcmeID}, TargetID: demo.AcmeID,
			Ignored: client.Target{Kind: client.ByID, Value: demo.GlobexID},
			Read:    client.Request{Method: "GET", Path: "/functions"}, ReadPath: "/api/v1/functions",
			Write:     client.Request{Method: "POST", Path: "/events", Body: []byte(`{"name":"conformance.checked"}`)},
			WritePath: "/api/v1/events", VerifyPath: "/api/v1/environments",
			LogoutOnlyForgets: true,
			Expire:            func() { clock.Advance(25 * time.Hour) }, // the platform token's day
			Fail: func(prefix string, n int, f backendtest.Fault) {
				srv.Inject(prefix, n, demo.Fault{Status: f.Status, RetryAfter: f.RetryAfter, Delay: f.Delay, Malformed: f.Malformed})
			},
			Seen: func() []backendtest.Seen {
				var out []backendtest.Seen
				for _, s := range srv.Seen() {
					out = append(out, backendtest.Seen{Method: s.Method, Path: s.Path, ActingAs: s.Impersonation["X-Ironflow-Org"]})
				}
				return out
			},
			ResetSeen: srv.ResetSeen,
		}
	})
}
