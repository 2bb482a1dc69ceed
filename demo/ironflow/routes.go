package ironflow

import (
	"net/http"
	"sort"
	"strings"
	"time"
)

// exchange is one request on its way through a route: who sent it and, on the tenant API,
// the tenant and environment it acts in.
type exchange struct {
	srv *Server
	w   http.ResponseWriter
	r   *http.Request
	p   *principal
	t   *tenant
	env *environment
	now time.Time
}

type handler func(x *exchange) *apiError

// methods are a path's handlers by method; HEAD is served by GET.
type methods map[string]handler

// ConnectPrefix is where the ConnectRPC service answers.
const ConnectPrefix = "/ironflow.v1.IronflowService/"

func (srv *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeError(w, errRouteNotFound) })
	m.HandleFunc("/api/v1/capabilities", srv.open(methods{"GET": capabilities}))
	m.HandleFunc("/api/v1/platform/auth/login", srv.open(methods{"POST": srv.loginRoute}))
	for path, rt := range map[string]struct {
		perm string
		ms   methods
	}{
		"/api/v1/platform/auth/me": {"", methods{"GET": me}},
		"/api/v1/platform/tenants": {permTenantsRead, methods{"GET": listPlatformTenants}},
		"/api/v1/tenants":          {permTenantsRead, methods{"GET": listSDKTenants}},
		"/api/v1/platform/audit":   {permAuditRead, methods{"GET": listPlatformAudit}},
	} {
		m.HandleFunc(path, srv.platformRoute(rt.perm, rt.ms))
	}
	m.HandleFunc("/api/v1/platform/", func(w http.ResponseWriter, r *http.Request) { writeError(w, errRouteNotFound) })

	// Everything else under /api/v1/ is the tenant API: the impersonation check runs
	// before routing, as middleware does, so that even an unknown path is refused or
	// audited like any other.
	tenantAPI := http.NewServeMux()
	tenantAPI.HandleFunc("/", srv.tenantRoute(nil))
	for path, ms := range map[string]methods{
		"/api/v1/environments":     {"GET": listEnvironments},
		"/api/v1/projects":         {"GET": listProjects},
		"/api/v1/functions":        {"GET": listFunctions},
		"/api/v1/functions/{id}":   {"GET": getFunction, "PATCH": updateFunction},
		"/api/v1/events":           {"GET": listEvents, "POST": sendEvent},
		"/api/v1/workers":          {"GET": listWorkers},
		"/api/v1/audit":            {"GET": listTenantAudit},
		ConnectPrefix + "ListRuns": {"POST": connectListRuns},
		ConnectPrefix + "{method}": {"POST": connectUnimplemented},
	} {
		tenantAPI.HandleFunc(path, srv.tenantRoute(ms))
	}
	impersonated := srv.impersonation(tenantAPI)
	m.Handle("/api/v1/", impersonated)
	m.Handle(ConnectPrefix, impersonated)
	return m
}

// open serves routes that need no credential.
func (srv *Server) open(ms methods) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		x := &exchange{srv: srv, w: w, r: r, now: srv.now()}
		if err := ms.serve(x); err != nil {
			writeError(w, err)
		}
	}
}

// platformRoute serves a platform route: a platform credential (tenant keys refused) with
// perm ("" for any platform caller).
func (srv *Server) platformRoute(perm string, ms methods) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := srv.authenticatePlatform(r)
		if err == nil && perm != "" && !p.can(perm) {
			err = errPermission(perm)
		}
		if err == nil {
			err = ms.serve(&exchange{srv: srv, w: w, r: r, p: p, now: srv.now()})
		}
		if err != nil {
			writeError(w, err)
		}
	}
}

// tenantRoute serves a tenant API path once impersonation has picked the tenant and
// environment; nil methods: no such route.
func (srv *Server) tenantRoute(ms methods) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		x := exchangeOf(r)
		x.w, x.r = w, r // the routed request carries the path values
		err := errRouteNotFound
		if ms != nil {
			err = ms.serve(x)
		}
		if err != nil {
			writeError(w, err)
		}
	}
}

func (ms methods) serve(x *exchange) *apiError {
	h, ok := ms[x.r.Method]
	if !ok && x.r.Method == http.MethodHead {
		h, ok = ms[http.MethodGet]
	}
	if !ok {
		allow := make([]string, 0, len(ms))
		for m := range ms {
			allow = append(allow, m)
		}
		sort.Strings(allow)
		x.w.Header().Set("Allow", strings.Join(allow, ", "))
		return codeError(http.StatusMethodNotAllowed, "method_not_allowed", "method "+x.r.Method+" not allowed")
	}
	return h(x)
}

func (srv *Server) loginRoute(x *exchange) *apiError { return srv.login(x.w, x.r) }

// capabilities is GET /api/v1/capabilities, unauthenticated (seen); the body is the
// demo's: whether the enterprise platform features are licensed.
func capabilities(x *exchange) *apiError {
	licensed := !x.srv.unlicensed.Load()
	writeJSON(x.w, http.StatusOK, map[string]any{
		"platform": licensed, "impersonation": true, "tenants": licensed, "audit": true,
	})
	return nil
}
