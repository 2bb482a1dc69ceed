package appwrite

import (
	"net/http/httptest"
	"strings"
	"testing"

	"actas/client"
	"actas/client/backendtest"
	demo "actas/demo/appwrite"
)

// Appwrite passes the suite every dialect runs against its demo.
func TestConformance(t *testing.T) {
	backendtest.Run(t, func(t *testing.T) *backendtest.Fixture {
		srv := demo.New(demo.Options{Users: 300, LoginLimit: -1})
		hs := httptest.NewServer(srv)
		t.Cleanup(hs.Close)
		return &backendtest.Fixture{
			Dialect: Dialect{}, Endpoint: hs.URL, Scope: demo.DefaultProject,
			Operator: client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword},
			Denied:   client.Credentials{Email: demo.ViewerEmail, Password: demo.ViewerPassword},
			Search:   "", PageSize: 25,
			Target: client.Target{Kind: client.ByEmail, Value: demo.AdaEmail}, TargetID: demo.AdaID,
			Ignored: client.Target{Kind: client.ByID, Value: "nobody-by-this-id"},
			Read:    client.Request{Method: "GET", Path: "/account/prefs"}, ReadPath: "/v1/account/prefs",
			Write:     client.Request{Method: "PATCH", Path: "/account/prefs", Body: []byte(`{"prefs":{"theme":"light"}}`)},
			WritePath: "/v1/account/prefs", VerifyPath: "/v1/account",
			Fail: func(prefix string, n int, f backendtest.Fault) {
				srv.Inject(prefix, n, demo.Fault{Status: f.Status, RetryAfter: f.RetryAfter, Delay: f.Delay, Malformed: f.Malformed})
			},
			Seen: func() []backendtest.Seen {
				var out []backendtest.Seen
				for _, s := range srv.Seen() {
					var as []string
					for _, v := range s.Impersonation {
						as = append(as, v)
					}
					out = append(out, backendtest.Seen{Method: s.Method, Path: s.Path, ActingAs: strings.Join(as, ",")})
				}
				return out
			},
			ResetSeen: srv.ResetSeen,
		}
	})
}
