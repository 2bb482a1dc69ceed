// Package mpdx is the demo backend's MPDX dialect: a JSON:API server under /api/v2 with
// the operator's token sign-in (and a demo-only email/password variant), the organization
// admin's member search, token-exchange impersonation (an HS256 JWT {"user_id","exp"}),
// and the user's own data read and written with that token. It follows
// shared/protocols/mpdx.md; where that says "unverified", the behaviour here is the
// demo's definition. It imports nothing of the console.
package mpdx

import (
	"crypto/rand"
	"net/http"
	"sync"
	"time"

	"actas/demo/internal/netfault"
)

// Options configure a demo server. The zero value is a usable default.
type Options struct {
	Members       int    // seeded member users, the fixed ones included (default 5,000)
	Seed          uint64 // data seed (default 1)
	JWTSecret     []byte // HS256 secret of every JWT (default: random)
	OperatorToken string // the opaque API token acting as OrgAdminEmail (default DefaultOperatorToken)
	// LoginLimit is sign-ins per email per hour on POST /api/v2/user/authenticate
	// (default 10; below 0: unlimited).
	LoginLimit int
	// ImpersonationLifetime is how long impersonation tokens last (default
	// DefaultImpersonationLifetime, one hour); tests shorten it.
	ImpersonationLifetime time.Duration
	// ImpersonationRole, when set, is added to every impersonation answer's attributes
	// under ImpersonationRoleAttribute ("impersonation_role" when empty; newer servers
	// may send "impersonation_scope"), so that the console's role handling can be
	// tested: developer, helpdesk_admin, mpd_leader, hr_leader or anything else.
	ImpersonationRole          string
	ImpersonationRoleAttribute string
	// MintsForCaller makes an impersonation answer name the member but carry a token for
	// the caller, as a server that ignored the user attribute would: the console must
	// notice that it is not honoured.
	MintsForCaller bool
	Now            func() time.Time // clock (default time.Now)
	Knobs          Knobs
}

// Server is the demo backend; it is an http.Handler for /api/v2/.
type Server struct {
	opts    Options
	secret  []byte
	store   *store
	lists   *dataStore
	log     *impersonationLog
	limiter *netfault.RateLimiter
	faults  *faults
	seen    *netfault.SeenLog
	mux     http.Handler
	now     func() time.Time

	mu       sync.Mutex // guards the settings below, which setters change at run time
	lifetime time.Duration
	role     roleSetting
}

// roleSetting is where impersonation answers carry a role, if anywhere.
type roleSetting struct{ attribute, value string }

// New seeds the members and returns a ready server. Each account list's contacts and
// donations are generated on first use, from the seed and the list's id.
func New(opts Options) *Server {
	if opts.Members <= 0 {
		opts.Members = 5_000
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
	if opts.OperatorToken == "" {
		opts.OperatorToken = DefaultOperatorToken
	}
	if opts.ImpersonationLifetime <= 0 {
		opts.ImpersonationLifetime = DefaultImpersonationLifetime
	}
	srv := &Server{
		opts:     opts,
		secret:   opts.JWTSecret,
		store:    seedStore(opts.Members, opts.Seed),
		lists:    newDataStore(),
		log:      &impersonationLog{},
		limiter:  netfault.NewRateLimiter(opts.LoginLimit, time.Hour),
		faults:   newFaults(opts.Knobs, opts.Seed),
		now:      opts.Now,
		lifetime: opts.ImpersonationLifetime,
		role:     roleSetting{attribute: opts.ImpersonationRoleAttribute, value: opts.ImpersonationRole},
	}
	srv.seen = netfault.NewSeenLog(10_000, srv.actingAs, hasCredential)
	srv.mux = srv.routes()
	return srv
}

// Members is the number of seeded member users (the operators are not members).
func (srv *Server) Members() int { return len(srv.store.users) - staffCount }

// staffCount is how many seeded users are the demo's operators.
const staffCount = 2

// OperatorToken is the opaque API token acting as OrgAdminEmail.
func (srv *Server) OperatorToken() string { return srv.opts.OperatorToken }

// Inject makes the next n requests whose path starts with pathPrefix misbehave as f.
func (srv *Server) Inject(pathPrefix string, n int, f Fault) {
	srv.faults.Inject(pathPrefix, n, f)
}

// SetKnobs changes the random misbehaviour and hostile mode of all later requests.
func (srv *Server) SetKnobs(k Knobs) { srv.faults.SetKnobs(k) }

// SetImpersonationLifetime changes how long later impersonation tokens last (0: the
// default hour).
func (srv *Server) SetImpersonationLifetime(d time.Duration) {
	if d <= 0 {
		d = DefaultImpersonationLifetime
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.lifetime = d
}

// SetImpersonationRole changes Options.ImpersonationRole and ImpersonationRoleAttribute
// for later impersonations (an empty role: none is sent).
func (srv *Server) SetImpersonationRole(attribute, role string) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.role = roleSetting{attribute: attribute, value: role}
}

func (srv *Server) settings() (time.Duration, roleSetting) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return srv.lifetime, srv.role
}

func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec, done := srv.seen.Watch(w, r)
	defer done()
	srv.faults.apply(rec, r, srv.faults.Next(r.URL.Path), func(w http.ResponseWriter) { srv.mux.ServeHTTP(w, r) })
}
