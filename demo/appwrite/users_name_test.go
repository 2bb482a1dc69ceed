package appwrite

import (
	"net/http"
	"strings"
	"testing"
)

// An administrator renames a user (users.write), up to 128 characters as Appwrite allows.
func TestAdminRenamesAUser(t *testing.T) {
	h := newHarness(t, Options{Users: 200})
	key := h.srv.APIKey()
	name := "Ada Lovelace ada@example.com (ada)" + strings.Repeat(" ", 94)
	u := h.do(request{method: "PATCH", path: "/v1/users/olga/name", key: key, body: map[string]string{"name": name}}).
		wantStatus(t, http.StatusOK).object(t)
	if u["$id"] != "olga" || u["name"] != name {
		t.Fatalf("renamed: %v", u)
	}
	h.do(request{method: "PATCH", path: "/v1/users/olga/name", key: key, body: map[string]string{"name": strings.Repeat("x", 129)}}).
		wantError(t, http.StatusBadRequest, "general_argument_invalid")
	h.do(request{method: "PATCH", path: "/v1/users/olga/name", body: map[string]string{"name": "x"}}).
		wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}
