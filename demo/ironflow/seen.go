package ironflow

import (
	"net/http"

	"actas/demo/internal/netfault"
)

// Seen is one request as the demo received it (netfault's, shared by every dialect).
// Its Impersonation holds the org and environment the request named: the headers
// X-Ironflow-Org and X-Ironflow-Environment, and the query parameter "env".
type Seen = netfault.Seen

// actingAs is whom a request names as the tenant and environment to act in.
func actingAs(r *http.Request) map[string]string {
	as := map[string]string{}
	for _, h := range []string{HeaderOrg, HeaderEnvironment} {
		if v := r.Header.Get(h); v != "" {
			as[h] = v
		}
	}
	if v := r.URL.Query().Get("env"); v != "" {
		as["env"] = v
	}
	return as
}

func hasCredential(r *http.Request) bool {
	if r.Header.Get("Authorization") != "" {
		return true
	}
	_, err := r.Cookie(CookieToken)
	return err == nil
}

// Seen returns the requests received so far (the latest 10,000), oldest first.
func (srv *Server) Seen() []Seen { return srv.seen.List() }

// ResetSeen forgets the requests received so far.
func (srv *Server) ResetSeen() { srv.seen.Reset() }
