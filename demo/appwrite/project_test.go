package appwrite

import (
	"net/http"
	"testing"
)

func TestMissingProjectMeansConsole(t *testing.T) {
	h := newHarness(t, Options{})
	// The console project has no users, so the demo operator does not exist there.
	r := h.do(request{method: "POST", path: "/v1/account/sessions/email", noProject: true,
		body: map[string]string{"email": OperatorEmail, "password": OperatorPassword}})
	r.wantError(t, http.StatusUnauthorized, "user_invalid_credentials")
	// A session of the demo project is no session in the console project.
	v := h.operator()
	h.do(request{path: "/v1/account", session: v, noProject: true}).
		wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}

func TestUnknownProject(t *testing.T) {
	h := newHarness(t, Options{})
	for _, path := range []string{"/v1/account", "/v1/users", "/v1/account/sessions/email"} {
		method := "GET"
		var body any
		if path == "/v1/account/sessions/email" {
			method, body = "POST", map[string]string{"email": OperatorEmail, "password": OperatorPassword}
		}
		h.do(request{method: method, path: path, body: body, noProject: true, header: headers("X-Appwrite-Project", "nope")}).
			wantError(t, http.StatusNotFound, "project_not_found")
	}
}

func TestProjectQueryOverridesHeader(t *testing.T) {
	h := newHarness(t, Options{Project: "acme"})
	if h.srv.Project() != "acme" {
		t.Fatalf("Project() = %q", h.srv.Project())
	}
	body := map[string]string{"email": OperatorEmail, "password": OperatorPassword}
	r := h.do(request{method: "POST", path: "/v1/account/sessions/email?project=acme", body: body, noProject: true,
		header: headers("X-Appwrite-Project", "nope")})
	v := fallbackSession(t, r.wantStatus(t, http.StatusCreated), "acme")
	if c := r.header.Values("Set-Cookie"); len(c) != 2 || c[0][:len("a_session_acme=")] != "a_session_acme=" {
		t.Errorf("cookies %q should be named after the project", c)
	}
	h.do(request{path: "/v1/account?project=acme", session: v, noProject: true, header: headers("X-Appwrite-Project", "console")}).
		wantStatus(t, http.StatusOK)
	h.do(request{path: "/v1/account?project=nope", session: v}).wantError(t, http.StatusNotFound, "project_not_found")
}

func TestHealthVersionNeedsNoProject(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.do(request{path: "/v1/health/version", noProject: true}).wantStatus(t, http.StatusOK)
	if v := r.object(t)["version"]; v != serverVersion {
		t.Errorf("version %v, want %s", v, serverVersion)
	}
	h.do(request{path: "/v1/no/such/route"}).wantError(t, http.StatusNotFound, "general_route_not_found")
}
