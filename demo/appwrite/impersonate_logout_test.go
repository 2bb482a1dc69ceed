package appwrite

import (
	"net/http"
	"testing"
	"time"
)

func logout(h *harness, sess string, kv ...string) *response {
	h.t.Helper()
	return h.do(request{method: "DELETE", path: "/v1/account/sessions/current", session: sess, header: headers(kv...)})
}

func TestLogoutWhileImpersonatingIsNotFound(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	logout(h, op, HeaderImpersonateID, AdaID).wantError(t, http.StatusNotFound, "user_session_not_found")
	logout(h, op, HeaderImpersonateEmail, AdaEmail).wantError(t, http.StatusNotFound, "user_session_not_found")
	logout(h, op, HeaderImpersonateID, "nobody").wantStatus(t, http.StatusNoContent) // an unknown target is ignored
	h.get("/v1/account", op).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")

	op = h.operator()
	logout(h, op, HeaderImpersonateID, AdaID).wantError(t, http.StatusNotFound, "user_session_not_found")
	if id, _ := h.actingAs(op, ""); id != OperatorID {
		t.Errorf("after the refused logout the session runs as %s", id)
	}
	// Ada's own sessions were not touched either.
	var list struct{ Total int }
	h.get("/v1/account/sessions", op, HeaderImpersonateID, AdaID).wantStatus(t, http.StatusOK).decode(t, &list)
	if list.Total != 2 {
		t.Errorf("ada has %d sessions after the refused logout, want her 2", list.Total)
	}
}

func TestLogoutClearsTheSession(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	other := h.operator() // a second device stays signed in
	r := logout(h, op).wantStatus(t, http.StatusNoContent)
	if len(r.body) != 0 {
		t.Errorf("204 with a body: %q", r.body)
	}
	if got := r.header.Get("X-Fallback-Cookies"); got != "[]" {
		t.Errorf("X-Fallback-Cookies %q, want []", got)
	}
	cleared := map[string]bool{}
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Value == "" && (c.MaxAge < 0 || (!c.Expires.IsZero() && c.Expires.Before(time.Now()))) {
			cleared[c.Name] = true
		}
	}
	if !cleared["a_session_demo"] || !cleared["a_session_demo_legacy"] {
		t.Errorf("cookies not cleared: %q", r.header.Values("Set-Cookie"))
	}
	h.get("/v1/account", op).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	h.get("/v1/users", op).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	h.account(other)
	// Logging out again with the dead value is a guest's call.
	logout(h, op).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}
