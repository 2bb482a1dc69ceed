package mpdx

import (
	"net/http/httptest"
	"testing"
	"time"

	"actas/client"
	"actas/client/backendtest"
	demo "actas/demo/mpdx"
	"actas/internal/fakeclock"
)

// MPDX passes the suite every dialect runs against its demo. The demo mints the token for
// the caller when asked for the shared-email member's twin (a server ignoring the user
// attribute), its clock is fake so that the one-hour token can be outlived.
func TestConformance(t *testing.T) {
	backendtest.Run(t, func(t *testing.T) *backendtest.Fixture {
		clock := fakeclock.New(time.Now().Round(0))
		srv := demo.New(demo.Options{Members: 300, LoginLimit: -1, Now: clock.Now})
		ignoring := demo.New(demo.Options{Members: 300, LoginLimit: -1, Now: clock.Now, MintsForCaller: true})
		hs := httptest.NewServer(srv)
		t.Cleanup(hs.Close)
		his := httptest.NewServer(ignoring)
		t.Cleanup(his.Close)
		return &backendtest.Fixture{
			Dialect: Dialect{}, Endpoint: hs.URL, Scope: demo.CruDemoID,
			Operator: client.Credentials{Token: srv.OperatorToken()},
			Denied:   client.Credentials{Email: demo.MemberEmail, Token: demo.MemberPassword},
			Search:   "", PageSize: 25,
			Target: client.Target{Kind: client.ByID, Value: demo.AdaUserID}, TargetID: demo.AdaUserID,
			Ignored: client.Target{Kind: client.ByID, Value: demo.AdaUserID}, IgnoringEndpoint: his.URL,
			Read: client.Request{Method: "GET", Path: "/account_lists"}, ReadPath: "/api/v2/account_lists",
			Write:     client.Request{Method: "PUT", Path: "/account_lists/x/contacts/y", Body: []byte(`{"data":{"type":"contacts","id":"y","attributes":{}}}`)},
			WritePath: "/api/v2/account_lists/x/contacts", VerifyPath: "/api/v2/user",
			LogoutOnlyForgets: true,
			Expire:            func() { clock.Advance(2 * time.Hour) },
			Fail: func(prefix string, n int, f backendtest.Fault) {
				srv.Inject(prefix, n, demo.Fault{Status: f.Status, RetryAfter: f.RetryAfter, Delay: f.Delay, Malformed: f.Malformed})
			},
			Seen: func() []backendtest.Seen {
				var out []backendtest.Seen
				for _, s := range srv.Seen() {
					out = append(out, backendtest.Seen{Method: s.Method, Path: s.Path, ActingAs: s.Impersonation[demo.SeenUserID]})
				}
				return out
			},
			ResetSeen: srv.ResetSeen,
		}
	})
}
