package mpdx

import (
	"net/http"
	"strings"

	"actas/demo/internal/netfault"
)

// Seen is one request as the demo received it (netfault's, shared by every dialect).
// Its Impersonation holds {"user_id": <uuid>} when the request's JWT names a user other
// than the demo's operators: MPDX's impersonation tokens are plain user tokens, and the
// operators can be impersonated by nobody, so a JWT of anyone else came from an
// impersonation. The operator token and the operators' own JWTs name nobody. The JWT is
// read unchecked: an expired or forged token still names whom it tried to act as.
type Seen = netfault.Seen

// SeenUserID is the key of Seen.Impersonation.
const SeenUserID = "user_id"

func (srv *Server) actingAs(r *http.Request) map[string]string {
	cred := credential(r)
	if cred == "" || cred == srv.opts.OperatorToken {
		return nil
	}
	id := strings.ToLower(unverifiedSubject(cred))
	if id == "" {
		return nil
	}
	if u, ok := srv.store.user(id); ok && u.staff {
		return nil
	}
	return map[string]string{SeenUserID: id}
}

// Seen returns the requests received so far (the latest 10,000), oldest first.
func (srv *Server) Seen() []Seen { return srv.seen.List() }

// ResetSeen forgets the requests received so far.
func (srv *Server) ResetSeen() { srv.seen.Reset() }
