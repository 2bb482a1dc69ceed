package mpdx

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"
)

// credential is what a request authenticates with: the bearer token, else ?access_token=
// (seen; the console never sends it, tokens in URLs end up in logs).
func credential(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, value, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return h // not a bearer token: matches nothing
		}
		return strings.TrimSpace(value)
	}
	return r.URL.Query().Get("access_token")
}

func hasCredential(r *http.Request) bool { return credential(r) != "" }

// authenticate finds the user a request acts as: the operator API token, else a JWT
// (an API token or an impersonation token: the server cannot tell them apart) of a known
// user. Anything else is 401 Exceptions::AuthenticationError.
func (srv *Server) authenticate(r *http.Request) (*user, *apiError) {
	cred := credential(r)
	if cred == "" {
		return nil, errUnauthorized
	}
	if subtle.ConstantTimeCompare([]byte(cred), []byte(srv.opts.OperatorToken)) == 1 {
		u, _ := srv.store.user(OrgAdminUserID)
		return u, nil
	}
	claims, err := srv.parseToken(cred)
	if err != nil {
		return nil, errUnauthorized
	}
	u, ok := srv.store.user(strings.ToLower(claims.Subject()))
	if !ok {
		return nil, errUnauthorized
	}
	return u, nil
}

// staffPassword holds the demo-only passwords of the two operators, hashed so that they
// compare in constant time.
type staffPassword struct {
	userID string
	hash   [32]byte
}

var staffPasswords = map[string]staffPassword{
	OrgAdminEmail: {OrgAdminUserID, sha256.Sum256([]byte(OrgAdminPassword))},
	MemberEmail:   {MemberUserID, sha256.Sum256([]byte(MemberPassword))},
}

// checkPassword is the user an email and password sign in as, or false.
func checkPassword(email, password string) (string, bool) {
	p, ok := staffPasswords[strings.ToLower(strings.TrimSpace(email))]
	got := sha256.Sum256([]byte(password))
	if !ok || subtle.ConstantTimeCompare(got[:], p.hash[:]) != 1 {
		return "", false
	}
	return p.userID, true
}
