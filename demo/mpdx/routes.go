package mpdx

import (
	"net/http"
	"time"
)

// exchange is one request on its way through a route: who sent it, when.
type exchange struct {
	srv *Server
	w   http.ResponseWriter
	r   *http.Request
	u   *user // nil on the sign-in route
	now time.Time
}

type handler func(x *exchange) *apiError

// methods are a path's handlers by method; HEAD is served by GET.
type methods map[string]handler

// Prefix is where the MPDX API answers.
const Prefix = "/api/v2"

// routes are the API: the media-type checks run first on every request (seen: before
// authentication), then the route's authentication. A path or method no route matches
// is Rails' 404.
func (srv *Server) routes() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { writeError(w, errRoute(r)) })
	m.HandleFunc(Prefix+"/user/authenticate", srv.route(false, methods{"POST": signIn}))
	for path, ms := range map[string]methods{
		"/user":                        {"GET": getUser},
		"/organizations":               {"GET": listOrganizations},
		"/organizations/account_lists": {"GET": searchMembers},
		"/organizations/{organizationId}/impersonation":       {"POST": impersonateInOrganization},
		"/admin/impersonation":                                {"POST": impersonateAsSiteAdmin},
		"/account_lists":                                      {"GET": listAccountLists},
		"/account_lists/{accountListId}":                      {"GET": getAccountList},
		"/account_lists/{accountListId}/contacts":             {"GET": listContacts},
		"/account_lists/{accountListId}/contacts/{contactId}": {"GET": getContact, "PUT": updateContact, "PATCH": updateContact},
		"/account_lists/{accountListId}/donations":            {"GET": listDonations},
	} {
		m.HandleFunc(Prefix+path, srv.route(true, ms))
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkMediaTypes(r); err != nil {
			writeError(w, err)
			return
		}
		m.ServeHTTP(w, r)
	})
}

// route serves a path's methods, authenticated unless open.
func (srv *Server) route(authenticated bool, ms methods) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h, ok := ms[r.Method]
		if !ok && r.Method == http.MethodHead {
			h, ok = ms[http.MethodGet]
		}
		if !ok {
			writeError(w, errRoute(r))
			return
		}
		x := &exchange{srv: srv, w: w, r: r, now: srv.now()}
		var err *apiError
		if authenticated {
			x.u, err = srv.authenticate(r)
		}
		if err == nil {
			err = h(x)
		}
		if err != nil {
			writeError(w, err)
		}
	}
}
