package appwrite

import (
	"encoding/json"
	"net/http"
	"strings"
)

// caller is who a request acts as, resolved the way Appwrite 1.9.6 does it.
type caller struct {
	project       string
	key           bool   // a valid API key and no session
	secret        string // the session value sent, if any
	sess          *session
	sessionUser   int32 // owner of the session, -1 for guests
	effective     int32 // whom the request acts as: the target while impersonating
	impersonating bool
	legacyFormat  bool // X-Appwrite-Response-Format below 1.9.0
}

const (
	headerProject  = "X-Appwrite-Project"
	headerSession  = "X-Appwrite-Session"
	headerFallback = "X-Fallback-Cookies"
	headerKey      = "X-Appwrite-Key"
	headerJWT      = "X-Appwrite-JWT"
	headerFormat   = "X-Appwrite-Response-Format"

	HeaderImpersonateID    = "X-Appwrite-Impersonate-User-Id"
	HeaderImpersonateEmail = "X-Appwrite-Impersonate-User-Email"
	HeaderImpersonatePhone = "X-Appwrite-Impersonate-User-Phone"
)

func cookieName(project string) string { return "a_session_" + project }

// sessionSecret finds the session value: cookie, then legacy cookie, then the
// X-Appwrite-Session header, then the X-Fallback-Cookies JSON.
func sessionSecret(r *http.Request, project string) string {
	for _, name := range []string{cookieName(project), cookieName(project) + "_legacy"} {
		if c, err := r.Cookie(name); err == nil && c.Value != "" {
			return c.Value
		}
	}
	if v := r.Header.Get(headerSession); v != "" {
		return v
	}
	if raw := r.Header.Get(headerFallback); raw != "" {
		var jar map[string]string
		if json.Unmarshal([]byte(raw), &jar) == nil {
			return jar[cookieName(project)]
		}
	}
	return ""
}

// impersonationValue reads one target header, falling back to its query parameters only when
// the header is missing or empty.
func impersonationValue(r *http.Request, header string, params ...string) string {
	if v := r.Header.Get(header); v != "" {
		return v
	}
	q := r.URL.Query()
	for _, p := range params {
		if v := q.Get(p); v != "" {
			return v
		}
	}
	return ""
}

// resolveCaller authenticates the request; the caller holds st.mu.
func (srv *Server) resolveCaller(r *http.Request, st *store, project string) (*caller, *apiError) {
	c := &caller{project: project, sessionUser: -1, effective: -1}
	c.legacyFormat = formatBelow(r.Header.Get(headerFormat), "1.9.0")
	c.secret = sessionSecret(r, project)
	if c.secret != "" && r.Header.Get(headerJWT) != "" {
		return nil, errJWTAndCookie
	}
	if key := r.Header.Get(headerKey); key != "" {
		if c.secret != "" {
			return nil, errKeyAndSession
		}
		if key != srv.apiKey {
			return nil, errUnauthorized
		}
		c.key = true
		return c, nil // impersonation needs a session user: with a key alone it is ignored
	}
	now := srv.now().UnixMilli()
	if c.sess = st.sessions.lookup(c.secret, now); c.sess == nil {
		return c, nil // an unknown or expired session is simply a guest
	}
	c.sessionUser, c.effective = c.sess.user, c.sess.user
	if !st.users[c.sessionUser].impersonator {
		return c, nil // headers from a non-impersonator are ignored
	}
	target := int32(-1)
	if id := impersonationValue(r, HeaderImpersonateID, "impersonateUserId", "impersonateuserid"); id != "" {
		target = st.userByID(id)
	} else if email := impersonationValue(r, HeaderImpersonateEmail, "impersonateEmail", "impersonateemail"); email != "" {
		target = st.userByEmail(email)
	} else if phone := impersonationValue(r, HeaderImpersonatePhone, "impersonatePhone", "impersonatephone"); phone != "" {
		target = st.userByPhone(phone)
	}
	if target < 0 {
		return c, nil // an unknown target is silently ignored: the request runs as the operator
	}
	if !st.users[target].status {
		return nil, errUserBlocked
	}
	c.effective, c.impersonating = target, true
	return c, nil
}

// role is Appwrite's role label for error messages.
func (c *caller) role() string {
	switch {
	case c.key:
		return "applications"
	case c.sess != nil:
		return "users"
	}
	return "guests"
}

func (c *caller) has(st *store, scope string) bool {
	switch scope {
	case "":
		return true
	case "sessions.write":
		return !c.key
	case "account":
		return c.sess != nil
	case "users.read":
		// Impersonators are granted users.read to find a target, with or without one set.
		return c.key || (c.sess != nil && st.users[c.sessionUser].impersonator)
	case "users.write":
		return c.key
	}
	return false
}

func (c *caller) who(st *store) string {
	switch {
	case c.key:
		return "app." + c.project + "@service.localhost"
	case c.sess != nil:
		return st.users[c.sessionUser].email
	}
	return "User"
}

// formatBelow compares dotted versions; an absent header means the newest format.
func formatBelow(v, min string) bool {
	if v == "" {
		return false
	}
	return compareVersions(v, min) < 0
}

func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(pa), len(pb)); i++ {
		var x, y int
		if i < len(pa) {
			x = atoiPrefix(pa[i])
		}
		if i < len(pb) {
			y = atoiPrefix(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func atoiPrefix(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}
