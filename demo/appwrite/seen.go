package appwrite

import (
	"net/http"

	"actas/demo/internal/netfault"
)

// Seen is one request as the demo received it (netfault's, shared by every dialect).
type Seen = netfault.Seen

var impersonationKeys = []string{
	HeaderImpersonateID, HeaderImpersonateEmail, HeaderImpersonatePhone,
}

var impersonationParams = []string{
	"impersonateUserId", "impersonateuserid", "impersonateEmail", "impersonateemail",
	"impersonatePhone", "impersonatephone",
}

// actingAs is whom a request names as the user to act as: the impersonation headers
// and their query fallbacks.
func actingAs(r *http.Request) map[string]string {
	as := map[string]string{}
	for _, h := range impersonationKeys {
		if v := r.Header.Get(h); v != "" {
			as[h] = v
		}
	}
	q := r.URL.Query()
	for _, p := range impersonationParams {
		if v := q.Get(p); v != "" {
			as[p] = v
		}
	}
	return as
}

func hasSession(r *http.Request) bool {
	return r.Header.Get(headerSession) != "" || r.Header.Get(headerFallback) != "" || len(r.Cookies()) > 0
}

// Seen returns the requests received so far (the latest 10,000), oldest first.
func (srv *Server) Seen() []Seen { return srv.seen.List() }

// ResetSeen forgets the requests received so far.
func (srv *Server) ResetSeen() { srv.seen.Reset() }

// IsSessionSecret says whether v is the value of a live session of the project, for tests
// that prove a session value was not written anywhere (the server keeps only hashes).
func (srv *Server) IsSessionSecret(v string) bool {
	st := srv.projects[srv.opts.Project]
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.sessions.lookup(v, srv.now().UnixMilli()) != nil
}
