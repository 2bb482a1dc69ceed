// Package demo is the embedded sandbox backend: one http.Handler that serves every
// dialect's demo under its own prefix, so that one listener hosts them all. Each dialect
// lives in a package of its own (demo/appwrite) that never imports another. It imports
// nothing of the console.
package demo

import (
	"net/http"
	"strings"

	"actas/demo/appwrite"
)

// Options configure each dialect's demo; the zero value is a usable default.
type Options struct {
	Appwrite appwrite.Options
}

// Server serves the dialects' demos: Appwrite under /v1/ (and whatever no other dialect
// claims, answered in Appwrite's shape as a real Appwrite server would).
type Server struct {
	Appwrite *appwrite.Server
	mux      *http.ServeMux
}

// New seeds every dialect's demo.
func New(o Options) *Server {
	s := &Server{Appwrite: appwrite.New(o.Appwrite), mux: http.NewServeMux()}
	s.mux.Handle("/", s.Appwrite)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Dialects are the names of the dialects served.
func Dialects() []string { return []string{"appwrite"} }

// SignIn is how the console's login form is filled in for a dialect's demo.
type SignIn struct {
	Endpoint string // the dialect's endpoint under the server's base URL
	Scope    string // what the profile names besides the endpoint (a project)
	Email    string
	Password string
	Hint     string // the demo-only credentials, shown under the form
}

// SignInFor is the form for dialect's demo at base ("http://127.0.0.1:PORT"), with the
// default options (known before seeding ends); false for a dialect the demo does not serve.
func SignInFor(dialect, base string) (SignIn, bool) {
	if dialect != "appwrite" {
		return SignIn{}, false
	}
	return SignIn{Endpoint: appwriteEndpoint(base), Scope: appwrite.DefaultProject,
		Email: appwrite.OperatorEmail, Password: appwrite.OperatorPassword,
		Hint: "Demo backend, demo-only credentials: " + appwrite.OperatorEmail + " / " + appwrite.OperatorPassword + "\n" +
			"Also " + appwrite.ViewerEmail + " / " + appwrite.ViewerPassword + " (not an impersonator), " +
			appwrite.MFAEmail + " / " + appwrite.MFAPassword + " (TOTP: actas demo totp)."}, true
}

// appwriteEndpoint is where Appwrite's demo answers under base.
func appwriteEndpoint(base string) string { return strings.TrimSuffix(base, "/") + "/v1" }

// Describe says what is served at base, for a person: each dialect's own description.
func (s *Server) Describe(base string) string {
	return s.Appwrite.Describe(appwriteEndpoint(base))
}

// Info is Describe for scripts: one entry per dialect.
type Info struct {
	Appwrite appwrite.Info `json:"appwrite"`
}

func (s *Server) Info(base string) Info {
	return Info{Appwrite: s.Appwrite.Info(appwriteEndpoint(base))}
}
