package appwrite

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// route is one endpoint: the scope it needs, whether it may run before MFA is complete,
// and whether it writes (and so takes the store's write lock).
type route struct {
	scope    string
	mfaGroup bool
	write    bool
	fn       func(x *exchange) *apiError
}

// exchange is one request on its way through a route.
type exchange struct {
	srv *Server
	st  *store
	c   *caller
	w   http.ResponseWriter
	r   *http.Request
	now time.Time
}

func (srv *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeError(w, errRouteNotFound) })
	login := route{scope: "sessions.write", write: true, fn: createSession}
	challenge := route{scope: "account", mfaGroup: true, write: true, fn: createChallenge}
	verify := route{scope: "account", mfaGroup: true, write: true, fn: updateChallenge}
	for pattern, rt := range map[string]route{
		"GET /v1/health/version":                  {fn: healthVersion},
		"POST /v1/account/sessions/email":         login,
		"POST /v1/account/sessions":               login, // the older alias
		"GET /v1/account":                         {scope: "account", fn: getAccount},
		"GET /v1/account/prefs":                   {scope: "account", fn: getPrefs},
		"PATCH /v1/account/prefs":                 {scope: "account", write: true, fn: updatePrefs},
		"PATCH /v1/account/name":                  {scope: "account", write: true, fn: updateName},
		"GET /v1/account/sessions":                {scope: "account", fn: listSessions},
		"GET /v1/account/sessions/{sessionId}":    {scope: "account", fn: getSession},
		"DELETE /v1/account/sessions/{sessionId}": {scope: "account", mfaGroup: true, write: true, fn: deleteSession},
		"GET /v1/account/logs":                    {scope: "account", fn: accountLogs},
		"GET /v1/account/identities":              {scope: "account", fn: listIdentities},
		"GET /v1/account/mfa/factors":             {scope: "account", mfaGroup: true, fn: listFactors},
		"POST /v1/account/mfa/challenges":         challenge,
		"POST /v1/account/mfa/challenge":          challenge,
		"PUT /v1/account/mfa/challenges":          verify,
		"PUT /v1/account/mfa/challenge":           verify,
		"GET /v1/users":                           {scope: "users.read", fn: listUsers},
		"GET /v1/users/{userId}":                  {scope: "users.read", fn: getUser},
		"GET /v1/users/{userId}/logs":             {scope: "users.read", fn: userLogs},
		"PATCH /v1/users/{userId}/impersonator":   {scope: "users.write", write: true, fn: updateImpersonator},
		"PATCH /v1/users/{userId}/name":           {scope: "users.write", write: true, fn: updateUserName},
		"DELETE /v1/users/{userId}/sessions":      {scope: "users.write", write: true, fn: deleteUserSessions},
	} {
		m.HandleFunc(pattern, srv.serveRoute(rt))
	}
	return m
}

// projectOf reads the project like Appwrite: the query parameter wins over the header, and
// neither means the console project.
func projectOf(r *http.Request) string {
	if p := r.URL.Query().Get("project"); p != "" {
		return p
	}
	if p := r.Header.Get(headerProject); p != "" {
		return p
	}
	return "console"
}

func (srv *Server) serveRoute(rt route) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := srv.runRoute(rt, w, r); err != nil {
			writeError(w, err)
		}
	}
}

func (srv *Server) runRoute(rt route, w http.ResponseWriter, r *http.Request) *apiError {
	if rt.scope == "" {
		return rt.fn(&exchange{srv: srv, w: w, r: r, now: srv.now()})
	}
	project := projectOf(r)
	st := srv.projects[project]
	if st == nil {
		return errProjectNotFound
	}
	if rt.write {
		st.mu.Lock()
		defer st.mu.Unlock()
	} else {
		st.mu.RLock()
		defer st.mu.RUnlock()
	}
	c, err := srv.resolveCaller(r, st, project)
	if err != nil {
		return err
	}
	if !c.has(st, rt.scope) {
		return errMissingScope(c.who(st), c.role(), rt.scope)
	}
	// Appwrite 1.9.6 skips the factor check while impersonating: the lookup runs against the
	// target's sessions and finds none.
	if c.sess != nil && !c.impersonating && !rt.mfaGroup &&
		st.users[c.sessionUser].needsMFA() && len(c.sess.factors) < 2 {
		return errMoreFactors
	}
	if v := r.Header.Get(headerFormat); v != "" && compareVersions(v, serverVersion) > 0 {
		w.Header().Set("X-Appwrite-Warning", "The current SDK is built for Appwrite "+v+
			". However, the current Appwrite server version is "+serverVersion+
			". Please downgrade your SDK to match the Appwrite version: https://appwrite.io/docs/sdks")
	}
	return rt.fn(&exchange{srv: srv, st: st, c: c, w: w, r: r, now: srv.now()})
}

// reply writes a model, dropping the impersonator fields for response formats below 1.9.0.
func (x *exchange) reply(status int, v any) *apiError {
	if x.c != nil && x.c.legacyFormat {
		v = stripImpersonatorFields(v)
	}
	writeJSON(x.w, status, v)
	return nil
}

func stripImpersonatorFields(v any) any {
	raw, _ := json.Marshal(v)
	var generic any
	_ = json.Unmarshal(raw, &generic)
	var walk func(any)
	walk = func(n any) {
		switch t := n.(type) {
		case map[string]any:
			if _, ok := t["impersonatorUserId"]; ok {
				delete(t, "impersonatorUserId")
				delete(t, "impersonator")
			}
			for _, c := range t {
				walk(c)
			}
		case []any:
			for _, c := range t {
				walk(c)
			}
		}
	}
	walk(generic)
	return generic
}

// decode reads a JSON object body.
func (x *exchange) decode(v any) *apiError {
	dec := json.NewDecoder(http.MaxBytesReader(x.w, x.r.Body, 1<<20))
	if err := dec.Decode(v); err != nil {
		return errArgument("body", "Value must be a valid JSON object")
	}
	return nil
}

func (x *exchange) ip() string {
	host := x.r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}

// record writes an audit row as the caller (the operator while impersonating).
func (x *exchange) record(event string) {
	x.st.record(event, x.c.sessionUser, x.impersonated(), x.ip(), x.now.UnixMilli(), parseClient(x.r.UserAgent()))
}

func (x *exchange) impersonated() int32 {
	if x.c.impersonating {
		return x.c.effective
	}
	return -1
}

func (x *exchange) effective() *user { return &x.st.users[x.c.effective] }

func healthVersion(x *exchange) *apiError {
	writeJSON(x.w, http.StatusOK, map[string]string{"version": serverVersion})
	return nil
}
