package appwrite

import (
	"net/http"
	"strings"
	"testing"
)

func setImpersonator(h *harness, id string, on bool, sess, key string) *response {
	h.t.Helper()
	return h.do(request{method: "PATCH", path: "/v1/users/" + id + "/impersonator", session: sess, key: key,
		body: map[string]bool{"impersonator": on}})
}

func TestImpersonatorFlagNeedsTheAPIKey(t *testing.T) {
	h := newHarness(t, Options{})
	viewer := h.login(ViewerEmail, ViewerPassword)
	h.get("/v1/users", viewer).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")

	u := setImpersonator(h, ViewerID, true, "", h.srv.APIKey()).wantStatus(t, http.StatusOK).object(t)
	if u["$id"] != ViewerID || u["impersonator"] != true {
		t.Errorf("after granting: %v", u)
	}
	// The viewer's existing session now lists users and can act as ada.
	h.list(viewer, "/v1/users")
	if a := h.account(viewer, HeaderImpersonateID, AdaID); a["$id"] != AdaID {
		t.Errorf("viewer impersonating ada got %v", a["$id"])
	}

	setImpersonator(h, ViewerID, false, "", h.srv.APIKey()).wantStatus(t, http.StatusOK)
	h.get("/v1/users", viewer).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	setImpersonator(h, "no-such-user", true, "", h.srv.APIKey()).wantError(t, http.StatusNotFound, "user_not_found")
}

func TestImpersonatorFlagRefusesOtherCredentials(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	m := setImpersonator(h, ViewerID, true, op, "").wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	if msg, _ := m["message"].(string); !strings.Contains(msg, "users.write") {
		t.Errorf("message %q should name the missing scope users.write", msg)
	}
	setImpersonator(h, ViewerID, true, op, h.srv.APIKey()).wantError(t, http.StatusForbidden, "user_api_key_and_session_set")
	setImpersonator(h, ViewerID, true, "", "standard_wrong").wantError(t, http.StatusUnauthorized, "user_unauthorized")
	// None of these changed anything.
	if u := h.get("/v1/users/"+ViewerID, op).wantStatus(t, http.StatusOK).object(t); u["impersonator"] != false {
		t.Errorf("viewer impersonator = %v after refused calls", u["impersonator"])
	}
}
