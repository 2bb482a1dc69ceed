package mpdx

import (
	"net/http"
	"testing"
)

// Both media-type checks run before authentication, on every method, GET included.
func TestMediaTypesAreCheckedBeforeAuthentication(t *testing.T) {
	h := newHarness(t, Options{})
	const unsupported = `{"errors":[{"status":"415","title":"Unsupported Media Type"}]}`
	const notAcceptable = `{"errors":[{"status":"406","title":"Not Acceptable"}]}`
	for _, path := range []string{"/api/v2/user", "/api/v2/organizations/account_lists", "/api/v2/nosuch"} {
		for name, c := range map[string]struct {
			header http.Header
			want   string
			status int
		}{
			"no content type":   {http.Header{"Content-Type": nil}, unsupported, 415},
			"plain JSON":        {http.Header{"Content-Type": {"application/json"}}, unsupported, 415},
			"space before ;":    {http.Header{"Content-Type": {MediaType + " ; charset=utf-8"}}, unsupported, 415},
			"bad accept":        {http.Header{"Accept": {"application/json"}}, notAcceptable, 406},
			"accept with q":     {http.Header{"Accept": {MediaType + ";q=0.9"}}, notAcceptable, 406},
			"both wrong":        {http.Header{"Content-Type": {"text/plain"}, "Accept": {"text/html"}}, unsupported, 415},
			"html then nothing": {http.Header{"Accept": {"text/html, application/xml"}}, notAcceptable, 406},
		} {
			t.Run(path+" "+name, func(t *testing.T) {
				// No credential at all: the media type is refused before the 401.
				h.do(request{path: path, header: c.header}).wantBody(t, c.status, c.want)
			})
		}
	}
	// The same on the sign-in route and a POST with a valid token.
	h.do(request{method: "POST", path: "/api/v2/user/authenticate", header: http.Header{"Content-Type": {"application/json"}},
		body: resource("authenticate", map[string]any{"email": OrgAdminEmail, "password": OrgAdminPassword})}).
		wantBody(t, 415, unsupported)
	h.do(request{method: "POST", path: "/api/v2/organizations/" + CruDemoID + "/impersonation", auth: h.srv.OperatorToken(),
		header: http.Header{"Accept": {"text/html"}}, body: resource("impersonation", map[string]any{"user": AdaUserID})}).
		wantBody(t, 406, notAcceptable)
	if len(h.srv.Impersonations()) != 0 {
		t.Error("a refused media type impersonated")
	}
}

func TestAcceptedMediaTypes(t *testing.T) {
	h := newHarness(t, Options{})
	for _, accept := range [][]string{nil, {"*/*"}, {MediaType}, {"text/html, */*;q=0.1"}, {"text/html", MediaType},
		{MediaType + ", application/json"}} {
		r := h.do(request{path: "/api/v2/user", auth: h.srv.OperatorToken(), header: http.Header{"Accept": accept}})
		r.wantStatus(t, http.StatusOK)
	}
	// A parameter after the media type is allowed in the Content-Type.
	h.do(request{path: "/api/v2/user", auth: h.srv.OperatorToken(), header: http.Header{"Content-Type": {MediaType + "; charset=utf-8"}}}).
		wantStatus(t, http.StatusOK)
}

// Rails answers a path or method no route matches with 404; unknown methods do not 405.
func TestUnknownRoutes(t *testing.T) {
	h := newHarness(t, Options{})
	h.do(request{path: "/api/v2/nosuch", auth: h.srv.OperatorToken()}).
		wantBody(t, 404, `{"errors":[{"status":"404","title":"Not Found","detail":"No route matches [GET] \"/api/v2/nosuch\""}]}`)
	h.do(request{method: "DELETE", path: "/api/v2/user", auth: h.srv.OperatorToken()}).
		wantBody(t, 404, `{"errors":[{"status":"404","title":"Not Found","detail":"No route matches [DELETE] \"/api/v2/user\""}]}`)
	h.do(request{method: "HEAD", path: "/api/v2/user", auth: h.srv.OperatorToken(), notJSONAPI: true}).wantStatus(t, 200)
}
