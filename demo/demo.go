// Package demo is the embedded sandbox backend: one http.Handler that serves every
// dialect's demo under its own prefix, so that one listener hosts them all. Each dialect
// lives in a package of its own (demo/appwrite, demo/ironflow, demo/mpdx) that never
// imports another.
// It imports nothing of the console.
package demo

import (
	"net/http"
	"strings"

	"actas/demo/appwrite"
	"actas/demo/internal/netfault"
	"actas/demo/ironflow"
	"actas/demo/mpdx"
)

// Knobs misbehave across all requests of a dialect (netfault's: every dialect takes them).
type Knobs = netfault.Knobs

// Options configure each dialect's demo; the zero value is a usable default.
type Options struct {
	Appwrite appwrite.Options
	Ironflow ironflow.Options
	Mpdx     mpdx.Options
	// Knobs, when set, apply to every dialect whose own Knobs are zero (so that one
	// --hostile or --fault-rate reaches them all).
	Knobs Knobs
}

// Server serves the dialects' demos: Ironflow under /api/v1/ and /ironflow.v1.… (its
// ConnectRPC service), MPDX under /api/v2/, Appwrite under /v1/ and whatever no other
// dialect claims (answered in Appwrite's shape as a real Appwrite server would).
type Server struct {
	Appwrite *appwrite.Server
	Ironflow *ironflow.Server
	Mpdx     *mpdx.Server
}

// New seeds every dialect's demo.
func New(o Options) *Server {
	if o.Appwrite.Knobs == (Knobs{}) {
		o.Appwrite.Knobs = o.Knobs
	}
	if o.Ironflow.Knobs == (Knobs{}) {
		o.Ironflow.Knobs = o.Knobs
	}
	if o.Mpdx.Knobs == (Knobs{}) {
		o.Mpdx.Knobs = o.Knobs
	}
	return &Server{Appwrite: appwrite.New(o.Appwrite), Ironflow: ironflow.New(o.Ironflow), Mpdx: mpdx.New(o.Mpdx)}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case isIronflow(r.URL.Path):
		s.Ironflow.ServeHTTP(w, r)
	case isMpdx(r.URL.Path):
		s.Mpdx.ServeHTTP(w, r)
	default:
		s.Appwrite.ServeHTTP(w, r)
	}
}

// isIronflow says whether a path is Ironflow's: its REST API or its ConnectRPC service.
func isIronflow(path string) bool {
	return strings.HasPrefix(path, "/api/v1/") || path == "/api/v1" || strings.HasPrefix(path, "/ironflow.v1.")
}

// isMpdx says whether a path is MPDX's JSON:API.
func isMpdx(path string) bool {
	return strings.HasPrefix(path, mpdx.Prefix+"/") || path == mpdx.Prefix
}

// SetKnobs changes the misbehaviour of every dialect for all later requests.
func (s *Server) SetKnobs(k Knobs) {
	s.Appwrite.SetKnobs(k)
	s.Ironflow.SetKnobs(k)
	s.Mpdx.SetKnobs(k)
}

// Dialects are the names of the dialects served.
func Dialects() []string { return []string{"appwrite", "ironflow", "mpdx"} }

// SignIn is how the console's login form is filled in for a dialect's demo.
type SignIn struct {
	Endpoint string // the dialect's endpoint under the server's base URL
	Scope    string // what the profile names besides the endpoint (a project, an organization); "" for none
	Email    string
	Password string
	Hint     string // the demo-only credentials, shown under the form
}

// SignInFor is the form for dialect's demo at base ("http://127.0.0.1:PORT"), with the
// default options (known before seeding ends); false for a dialect the demo does not serve.
func SignInFor(dialect, base string) (SignIn, bool) {
	switch dialect {
	case "appwrite":
		return SignIn{Endpoint: appwriteEndpoint(base), Scope: appwrite.DefaultProject,
			Email: appwrite.OperatorEmail, Password: appwrite.OperatorPassword,
			Hint: "Demo backend, demo-only credentials: " + appwrite.OperatorEmail + " / " + appwrite.OperatorPassword + "\n" +
				"Also " + appwrite.ViewerEmail + " / " + appwrite.ViewerPassword + " (not an impersonator), " +
				appwrite.MFAEmail + " / " + appwrite.MFAPassword + " (TOTP: actas demo totp)."}, true
	case "ironflow":
		// Ironflow profiles name no project: the tenant is picked after sign-in.
		return SignIn{Endpoint: ironflowEndpoint(base),
			Email: ironflow.OperatorEmail, Password: ironflow.OperatorPassword,
			Hint: "Demo backend, demo-only credentials: " + ironflow.OperatorEmail + " / " + ironflow.OperatorPassword + " (platform_operator)\n" +
				"Also " + ironflow.AdminEmail + " / " + ironflow.AdminPassword + " (platform_admin), " +
				ironflow.ViewerEmail + " / " + ironflow.ViewerPassword + " (platform_viewer: read-only), " +
				ironflow.AuditorEmail + " / " + ironflow.AuditorPassword + " (acts as nobody), " +
				ironflow.InactiveEmail + " / " + ironflow.InactivePassword + " (inactive: refused)."}, true
	case "mpdx":
		// MPDX profiles name the organization whose members are impersonated. MPDX itself
		// signs in with a pasted API token; the email/password form is the demo's.
		return SignIn{Endpoint: mpdxEndpoint(base), Scope: mpdx.CruDemoID,
			Email: mpdx.OrgAdminEmail, Password: mpdx.OrgAdminPassword,
			Hint: "Demo backend, demo-only credentials: " + mpdx.OrgAdminEmail + " / " + mpdx.OrgAdminPassword +
				" (admin of " + mpdx.CruDemoName + ")\n" +
				"Also " + mpdx.MemberEmail + " / " + mpdx.MemberPassword + " (administers no organization: refused), " +
				"or paste the API token " + mpdx.DefaultOperatorToken + " (acts as " + mpdx.OrgAdminEmail + ")."}, true
	}
	return SignIn{}, false
}

// appwriteEndpoint is where Appwrite's demo answers under base.
func appwriteEndpoint(base string) string { return strings.TrimSuffix(base, "/") + "/v1" }

// ironflowEndpoint is where Ironflow's demo answers under base.
func ironflowEndpoint(base string) string { return strings.TrimSuffix(base, "/") + "/api/v1" }

// mpdxEndpoint is where MPDX's demo answers under base.
func mpdxEndpoint(base string) string { return strings.TrimSuffix(base, "/") + mpdx.Prefix }

// Describe says what is served at base, for a person: each dialect's own description.
func (s *Server) Describe(base string) string {
	return s.Appwrite.Describe(appwriteEndpoint(base)) + s.Ironflow.Describe(ironflowEndpoint(base)) +
		s.Mpdx.Describe(mpdxEndpoint(base))
}

// Info is Describe for scripts: one entry per dialect.
type Info struct {
	Appwrite appwrite.Info `json:"appwrite"`
	Ironflow ironflow.Info `json:"ironflow"`
	Mpdx     mpdx.Info     `json:"mpdx"`
}

func (s *Server) Info(base string) Info {
	return Info{Appwrite: s.Appwrite.Info(appwriteEndpoint(base)), Ironflow: s.Ironflow.Info(ironflowEndpoint(base)),
		Mpdx: s.Mpdx.Info(mpdxEndpoint(base))}
}
