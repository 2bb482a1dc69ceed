// Package ironflow is the demo backend's Ironflow dialect: platform login, the tenant list,
// tenant impersonation by header (X-Ironflow-Org, X-Ironflow-Environment) with Ironflow's
// method→permission rule, the tenant API read and written as the tenant, and the platform
// audit of every impersonated request. It follows shared/protocols/ironflow.md; where that
// says "unverified", the behaviour here is the demo's definition. It imports nothing of
// the console.
package ironflow

import (
	"crypto/rand"
	"net/http"
	"sync/atomic"
	"time"

	"actas/demo/internal/netfault"
)

// Options configure a demo server. The zero value is a usable default.
type Options struct {
	Tenants     int              // seeded tenants, the fixed ones included (default 2,000)
	Seed        uint64           // data seed (default 1)
	JWTSecret   []byte           // HS256 secret of platform tokens (default: random)
	OperatorKey string           // platform key acting as platform_operator (default: random ifplatform_…)
	ViewerKey   string           // platform key acting as platform_viewer (default: random ifplatform_…)
	TenantKey   string           // tenant key of org_acme's env_default (default: random ifkey_…)
	LoginLimit  int              // sign-ins per email per hour (default 10; below 0: unlimited)
	Now         func() time.Time // clock (default time.Now)
	// Unlicensed makes both tenant-list routes answer 402 {"message":"enterprise license
	// required"}, as a server without an enterprise licence does.
	Unlicensed bool
	// PlainTenantList makes GET /api/v1/platform/tenants ignore search, limit and cursor
	// and answer every tenant, as a server without the demo's paging would.
	PlainTenantList bool
	// IgnoreOrgHeader makes tenant calls act in the first tenant whatever X-Ironflow-Org
	// names, as a proxy that drops the header in front of a single-tenant engine would:
	// the console must notice it is not honoured.
	IgnoreOrgHeader bool
	Knobs           Knobs
}

// Server is the demo backend; it is an http.Handler for /api/v1/ and /ironflow.v1.….
type Server struct {
	opts    Options
	secret  []byte
	users   []*platformUser
	keys    map[string]*principal // by secret
	tenants []tenant              // fixed first, then in order of creation
	byID    map[string]int
	data    *dataStore
	audit   *auditLog
	limiter *netfault.RateLimiter
	faults  *faults
	seen    *netfault.SeenLog
	mux     *http.ServeMux
	now     func() time.Time

	unlicensed, plainList, ignoreOrg atomic.Bool
}

// New seeds the tenants and returns a ready server. Each tenant's projects, functions,
// events and workers are generated on first use, from the seed and the tenant's id.
func New(opts Options) *Server {
	if opts.Tenants <= 0 {
		opts.Tenants = 2_000
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = 10
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.JWTSecret == nil {
		opts.JWTSecret = make([]byte, 32)
		_, _ = rand.Read(opts.JWTSecret)
	}
	if opts.OperatorKey == "" {
		opts.OperatorKey = randomKey(PlatformKeyPrefix)
	}
	if opts.ViewerKey == "" {
		opts.ViewerKey = randomKey(PlatformKeyPrefix)
	}
	if opts.TenantKey == "" {
		opts.TenantKey = randomKey(TenantKeyPrefix)
	}
	srv := &Server{
		opts:    opts,
		secret:  opts.JWTSecret,
		users:   fixedUsers(),
		keys:    apiKeys(opts.OperatorKey, opts.ViewerKey, opts.TenantKey),
		tenants: seedTenants(opts.Tenants, opts.Seed),
		data:    newDataStore(),
		audit:   newAuditLog(maxAuditEvents),
		limiter: netfault.NewRateLimiter(opts.LoginLimit, time.Hour),
		faults:  newFaults(opts.Knobs, opts.Seed),
		seen:    netfault.NewSeenLog(10_000, actingAs, hasCredential),
		now:     opts.Now,
	}
	srv.byID = make(map[string]int, len(srv.tenants))
	for i := range srv.tenants {
		srv.byID[srv.tenants[i].id] = i
	}
	srv.unlicensed.Store(opts.Unlicensed)
	srv.plainList.Store(opts.PlainTenantList)
	srv.ignoreOrg.Store(opts.IgnoreOrgHeader)
	srv.mux = srv.routes()
	return srv
}

// Tenants is the number of seeded tenants.
func (srv *Server) Tenants() int { return len(srv.tenants) }

// OperatorKey is the platform API key acting as platform_operator (id OperatorKeyID).
func (srv *Server) OperatorKey() string { return srv.opts.OperatorKey }

// ViewerKey is the platform API key acting as platform_viewer (id ViewerKeyID).
func (srv *Server) ViewerKey() string { return srv.opts.ViewerKey }

// TenantKey is org_acme's tenant API key, scoped to env_default (id TenantKeyID). Platform
// routes refuse it.
func (srv *Server) TenantKey() string { return srv.opts.TenantKey }

// Inject makes the next n requests whose path starts with pathPrefix misbehave as f.
func (srv *Server) Inject(pathPrefix string, n int, f Fault) {
	srv.faults.Inject(pathPrefix, n, f)
}

// SetKnobs changes the random misbehaviour and hostile mode of all later requests.
func (srv *Server) SetKnobs(k Knobs) { srv.faults.SetKnobs(k) }

// SetUnlicensed switches Options.Unlicensed for later requests.
func (srv *Server) SetUnlicensed(on bool) { srv.unlicensed.Store(on) }

// SetIgnoreOrgHeader switches Options.IgnoreOrgHeader for later requests.
func (srv *Server) SetIgnoreOrgHeader(on bool) { srv.ignoreOrg.Store(on) }

// SetPlainTenantList switches Options.PlainTenantList for later requests.
func (srv *Server) SetPlainTenantList(on bool) { srv.plainList.Store(on) }

func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec, done := srv.seen.Watch(w, r)
	defer done()
	srv.faults.apply(rec, r, srv.faults.Next(r.URL.Path), func(w http.ResponseWriter) { srv.mux.ServeHTTP(w, r) })
}
