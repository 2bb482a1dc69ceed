package appwrite

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func revokeSessions(h *harness, id, sess, key string) *response {
	h.t.Helper()
	return h.do(request{method: "DELETE", path: "/v1/users/" + id + "/sessions", session: sess, key: key})
}

// An admin signs the operator out everywhere in the middle of an impersonation: the next
// request as the user is a guest's, with or without the impersonation header.
func TestDeleteUserSessionsMidImpersonation(t *testing.T) {
	h := newHarness(t, Options{})
	op, op2 := h.operator(), h.operator()
	viewer := h.login(ViewerEmail, ViewerPassword)
	if a := h.account(op, HeaderImpersonateID, AdaID); a["$id"] != AdaID {
		t.Fatalf("acting as ada: %v", a["$id"])
	}

	revokeSessions(h, OperatorID, op, "").wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	revokeSessions(h, "nobody", "", h.srv.APIKey()).wantError(t, http.StatusNotFound, "user_not_found")
	if r := revokeSessions(h, OperatorID, "", h.srv.APIKey()).wantStatus(t, http.StatusNoContent); len(r.body) != 0 {
		t.Errorf("204 with a body: %q", r.body)
	}

	for _, sess := range []string{op, op2} {
		h.get("/v1/account", sess, HeaderImpersonateID, AdaID).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
		h.get("/v1/account", sess).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
		h.get("/v1/users", sess).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
		if h.srv.IsSessionSecret(sess) {
			t.Error("a deleted session is still live")
		}
	}
	if a := h.account(viewer); a["$id"] != ViewerID {
		t.Errorf("another user's session: %v", a["$id"])
	}
	// Nothing left to delete is still a success, and a new sign-in works.
	revokeSessions(h, OperatorID, "", h.srv.APIKey()).wantStatus(t, http.StatusNoContent)
	h.account(h.operator())
}

// Revoking the capability mid-session: the session lives on, but Appwrite then ignores the
// impersonation headers silently and answers as the operator.
func TestImpersonatorRevokedMidSession(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	if a := h.account(op, HeaderImpersonateID, AdaID); a["$id"] != AdaID || a["impersonatorUserId"] != OperatorID {
		t.Fatalf("before: $id %v, impersonatorUserId %v", a["$id"], a["impersonatorUserId"])
	}
	setImpersonator(h, OperatorID, false, "", h.srv.APIKey()).wantStatus(t, http.StatusOK)

	for _, kv := range [][]string{{HeaderImpersonateID, AdaID}, {HeaderImpersonateEmail, AdaEmail}, {HeaderImpersonatePhone, AdaPhone}} {
		a := h.account(op, kv...)
		if v, present := a["impersonatorUserId"]; a["$id"] != OperatorID || (present && v != nil) || a["impersonator"] != false {
			t.Errorf("%s after revoking: $id %v, impersonator %v, impersonatorUserId %v; want the operator, not impersonating",
				kv[0], a["$id"], a["impersonator"], a["impersonatorUserId"])
		}
	}
	h.get("/v1/users", op).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	setImpersonator(h, OperatorID, true, "", h.srv.APIKey()).wantStatus(t, http.StatusOK)
	if a := h.account(op, HeaderImpersonateID, AdaID); a["$id"] != AdaID {
		t.Errorf("granted again: %v", a["$id"])
	}
}

// A user may take a name that mimics the console's banner, padded to Appwrite's limit.
func TestRenameToForgedBanner(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	name := "Ada Lovelace ada@example.com (ada)"
	name += strings.Repeat(" ", 128-utf8.RuneCountInString(name))
	rename := func(n string) *response {
		return h.do(request{method: "PATCH", path: "/v1/account/name", session: op,
			header: headers(HeaderImpersonateID, AdaID), body: map[string]string{"name": n}})
	}
	if a := rename(name).wantStatus(t, http.StatusOK).object(t); a["name"] != name || a["$id"] != AdaID {
		t.Errorf("renamed: $id %v, name %q", a["$id"], a["name"])
	}
	if u := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK).object(t); u["name"] != name {
		t.Errorf("GET /v1/users/ada: name %q, want %q with its trailing spaces", u["name"], name)
	}
	if ids := h.list(op, usersPath(nil, "search", "lovelace")).ids(); len(ids) != 1 || ids[0] != AdaID {
		t.Errorf("search after renaming: %v", ids)
	}
	rename(name+" ").wantError(t, http.StatusBadRequest, "general_argument_invalid")
}
