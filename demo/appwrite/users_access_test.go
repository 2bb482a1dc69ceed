package appwrite

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestUsersListNeedsImpersonatorOrKey(t *testing.T) {
	h := newHarness(t, Options{})
	viewer := h.login(ViewerEmail, ViewerPassword)
	m := h.get("/v1/users", viewer).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	if msg, _ := m["message"].(string); !strings.Contains(msg, "users.read") || !strings.Contains(msg, "role: users") {
		t.Errorf("message %q should name role users and scope users.read", msg)
	}
	h.get("/v1/users", "").wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	h.get("/v1/users/"+AdaID, viewer).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	h.get("/v1/users/"+AdaID+"/logs", viewer).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")

	op := h.operator()
	l := h.list(op, "/v1/users")
	if l.Total != h.srv.Users() || len(l.Users) != 25 {
		t.Errorf("operator: total %d, %d users; want %d and the default page of 25", l.Total, len(l.Users), h.srv.Users())
	}
	if ids := l.ids(); ids[0] != OperatorID || ids[4] != AdaID {
		t.Errorf("first page starts %v, want the fixed accounts in order", ids[:5])
	}
	if k := h.list("", "/v1/users"); !slices.Equal(k.ids(), l.ids()) {
		t.Error("the API key sees another first page than the operator")
	}
}

func TestGetUser(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	u := h.get("/v1/users/"+AdaID, op).wantStatus(t, http.StatusOK).object(t)
	if u["$id"] != AdaID || u["email"] != AdaEmail || u["phone"] != AdaPhone || u["name"] != "Ada Lovelace" {
		t.Errorf("ada = %v", u)
	}
	h.get("/v1/users/no-such-user", op).wantError(t, http.StatusNotFound, "user_not_found")
	h.get("/v1/users/no-such-user/logs", op).wantError(t, http.StatusNotFound, "user_not_found")
}

type logList struct {
	Total int              `json:"total"`
	Logs  []map[string]any `json:"logs"`
}

func (h *harness) logs(sess, path string, kv ...string) logList {
	h.t.Helper()
	var l logList
	h.get(path, sess, kv...).wantStatus(h.t, http.StatusOK).decode(h.t, &l)
	return l
}

func TestUserLogsPaging(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	// Ada's seeded history: two devices signed in, then a profile change and an MFA challenge.
	all := h.logs(op, "/v1/users/ada/logs")
	events := make([]string, len(all.Logs))
	for i, l := range all.Logs {
		events[i], _ = l["event"].(string)
		if l["userId"] != AdaID || l["userEmail"] != AdaEmail {
			t.Errorf("row %d names %v/%v, want ada", i, l["userId"], l["userEmail"])
		}
	}
	want := []string{"challenge.create", "user.update", "session.create", "session.create"}
	if all.Total != 4 || !slices.Equal(events, want) {
		t.Fatalf("ada's logs: total %d, events %v; want 4, %v (newest first)", all.Total, events, want)
	}

	path := func(queries ...string) string {
		return strings.Replace(usersPath(queries), "/v1/users", "/v1/users/ada/logs", 1)
	}
	page := h.logs(op, path(q("limit", "", 2), q("offset", "", 1)))
	if page.Total != 4 || len(page.Logs) != 2 || page.Logs[0]["event"] != "user.update" || page.Logs[1]["event"] != "session.create" {
		t.Errorf("limit 2 offset 1: total %d, %v", page.Total, page.Logs)
	}
	if past := h.logs(op, path(q("offset", "", 10))); past.Total != 4 || len(past.Logs) != 0 {
		t.Errorf("offset past the end: total %d, %d rows", past.Total, len(past.Logs))
	}
	if noTotal := h.logs(op, path()+"?total=false"); noTotal.Total != 0 || len(noTotal.Logs) != 4 {
		t.Errorf("total=false: total %d, %d rows", noTotal.Total, len(noTotal.Logs))
	}
	for _, bad := range []string{
		q("equal", "event", "user.update"), q("cursorAfter", "", "x"), q("orderDesc", "time"), q("limit", "", 0),
	} {
		h.get(path(bad), op).wantError(t, http.StatusBadRequest, "general_query_invalid")
	}
}
