// Package appwrite is the demo backend's Appwrite dialect: the Appwrite 1.9 protocol subset
// actas uses, with seeded users. It imports nothing of the console.
package appwrite

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"

	"actas/demo/internal/netfault"
)

// Options configure a demo server. The zero value is a usable default.
type Options struct {
	Users      int              // seeded users, fixed accounts included (default 10,000)
	Seed       uint64           // data seed (default 1)
	Project    string           // project id (default "demo")
	APIKey     string           // secret for X-Appwrite-Key (default: random)
	LoginLimit int              // sign-ins per email per hour (default 10; below 0: unlimited)
	Now        func() time.Time // clock (default time.Now)
	Knobs      Knobs
}

// Server is the demo backend; it is an http.Handler.
type Server struct {
	opts     Options
	projects map[string]*store
	apiKey   string
	limiter  *netfault.RateLimiter
	faults   *faults
	mux      *http.ServeMux
	seen     *netfault.SeenLog
	now      func() time.Time
}

// New seeds the data and returns a ready server.
func New(opts Options) *Server {
	if opts.Users <= 0 {
		opts.Users = 10_000
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Project == "" {
		opts.Project = DefaultProject
	}
	if opts.LoginLimit == 0 {
		opts.LoginLimit = 10
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	srv := &Server{
		opts:    opts,
		apiKey:  opts.APIKey,
		limiter: netfault.NewRateLimiter(opts.LoginLimit, time.Hour),
		faults:  newFaults(opts.Knobs, opts.Seed),
		seen:    netfault.NewSeenLog(10_000, actingAs, hasSession),
		now:     opts.Now,
	}
	if srv.apiKey == "" {
		b := make([]byte, 24)
		_, _ = rand.Read(b)
		srv.apiKey = "standard_" + hex.EncodeToString(b)
	}
	main := newStore(seedUsers(opts.Users, opts.Seed))
	seedActivity(main, opts.Now())
	srv.projects = map[string]*store{
		opts.Project: main,
		"console":    newStore(nil), // requests without a project land here, as on Appwrite
	}
	srv.mux = srv.routes()
	return srv
}

// Project is the id of the seeded project.
func (srv *Server) Project() string { return srv.opts.Project }

// APIKey is the server's API key (scopes users.read and users.write).
func (srv *Server) APIKey() string { return srv.apiKey }

// Users is the number of seeded users.
func (srv *Server) Users() int { return len(srv.projects[srv.opts.Project].users) }

// Inject makes the next n requests whose path starts with pathPrefix misbehave as f.
func (srv *Server) Inject(pathPrefix string, n int, f Fault) {
	srv.faults.Inject(pathPrefix, n, f)
}

// SetKnobs changes the random misbehaviour of all later requests.
func (srv *Server) SetKnobs(k Knobs) {
	srv.faults.SetKnobs(k)
}

func (srv *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec, done := srv.seen.Watch(w, r)
	defer done()
	srv.faults.apply(rec, r, srv.faults.Next(r.URL.Path), func(w http.ResponseWriter) { srv.mux.ServeHTTP(w, r) })
}
