package ironflow

import (
	"context"
	"net/http"

	"actas/demo/internal/netfault"
)

type exchangeKey struct{}

func exchangeOf(r *http.Request) *exchange { return r.Context().Value(exchangeKey{}).(*exchange) }

// impersonation runs before the tenant API's routing. A tenant key acts in its own tenant
// and environment. A platform credential acts in the tenant X-Ironflow-Org names, within
// the method rule, and every such request is audited as platform.impersonated with the
// status it was answered (refusals included); without the header it is refused.
func (srv *Server) impersonation(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := srv.authenticate(r)
		if err != nil {
			writeError(w, err)
			return
		}
		x := &exchange{srv: srv, w: w, r: r, p: p, now: srv.now()}
		if !p.platform() {
			err = srv.tenantKeyScope(x)
		} else {
			org := r.Header.Get(HeaderOrg)
			if org == "" {
				writeError(w, errOrgRequired)
				return
			}
			if srv.ignoreOrg.Load() {
				org = srv.tenants[0].id
			}
			rec := &netfault.StatusRecorder{ResponseWriter: w}
			x.w = rec
			defer func() { srv.recordImpersonation(x, org, rec.Status) }()
			err = srv.impersonationScope(x, org)
		}
		if err != nil {
			writeError(x.w, err)
			return
		}
		next.ServeHTTP(x.w, r.WithContext(context.WithValue(r.Context(), exchangeKey{}, x)))
	})
}

// impersonationScope checks the method rule first (so a refused write says nothing of the
// tenant), then the tenant, then the environment.
func (srv *Server) impersonationScope(x *exchange, org string) *apiError {
	if perm := impersonationPermission(x.r.Method); !x.p.can(perm) {
		return errPermission(perm)
	}
	t := srv.tenant(org)
	if t == nil {
		return errOrgNotFound(org)
	}
	x.t = t
	env, err := environmentOf(x.r, t)
	if err != nil {
		return err
	}
	x.env = env
	return nil
}

// tenantKeyScope keeps a tenant key in its tenant and environment: naming another tenant
// is impersonation, which needs platform credentials.
func (srv *Server) tenantKeyScope(x *exchange) *apiError {
	if org := x.r.Header.Get(HeaderOrg); org != "" && org != x.p.org {
		return errPlatformRequired
	}
	x.t = srv.tenant(x.p.org)
	own, _ := x.t.environment(x.p.env)
	if len(requestedEnvironments(x.r)) > 0 {
		if env, err := environmentOf(x.r, x.t); err != nil || env != own {
			return errKeyEnvironment
		}
	}
	x.env = own
	return nil
}

// requestedEnvironments are the environments a request names: the header, then ?env=.
func requestedEnvironments(r *http.Request) []string {
	var out []string
	if v := r.Header.Get(HeaderEnvironment); v != "" {
		out = append(out, v)
	}
	if v := r.URL.Query().Get("env"); v != "" {
		out = append(out, v)
	}
	return out
}

// environmentOf is the environment a request acts in within t: by id or by name, from the
// header or ?env= (both: they must name the same one), else the default.
func environmentOf(r *http.Request, t *tenant) (*environment, *apiError) {
	var picked *environment
	for _, name := range requestedEnvironments(r) {
		e, ok := t.environment(name)
		if !ok {
			return nil, errForeignEnvironment(name, t.id)
		}
		if picked != nil && picked != e {
			return nil, errEnvConflict
		}
		picked = e
	}
	if picked == nil {
		picked = &t.environments[0]
	}
	return picked, nil
}

func (srv *Server) tenant(id string) *tenant {
	i, ok := srv.byID[id]
	if !ok {
		return nil
	}
	return &srv.tenants[i]
}
