package appwrite

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// reference lists, in sequence order, the ids of the users pred selects: a brute-force
// answer computed without the demo's query code.
func (h *harness) reference(pred func(u *user) bool) []string {
	var ids []string
	for i := range h.store().users {
		if u := &h.store().users[i]; pred(u) {
			ids = append(ids, u.id)
		}
	}
	return ids
}

func TestUsersFilters(t *testing.T) {
	h := newHarness(t, Options{Users: 3000})
	op := h.operator()
	from := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		queries []string
		want    func(u *user) bool
	}{
		{"equal email", []string{q("equal", "email", AdaEmail)}, func(u *user) bool { return u.email == AdaEmail }},
		{"equal several", []string{q("equal", "$id", AdaID, "olga", "nobody")}, func(u *user) bool { return u.id == AdaID || u.id == "olga" }},
		{"equal status false", []string{q("equal", "status", false)}, func(u *user) bool { return !u.status }},
		{"notEqual status true", []string{q("notEqual", "status", true)}, func(u *user) bool { return !u.status }},
		{"equal impersonator", []string{q("equal", "impersonator", true)}, func(u *user) bool { return u.impersonator }},
		{"contains label", []string{q("contains", "labels", "vip")}, func(u *user) bool { return slices.Contains(u.labels, "vip") }},
		{"contains any label", []string{q("contains", "labels", "partner", "eu")}, func(u *user) bool {
			return slices.Contains(u.labels, "partner") || slices.Contains(u.labels, "eu")
		}},
		{"startsWith name", []string{q("startsWith", "name", "Mary ")}, func(u *user) bool { return strings.HasPrefix(u.name, "Mary ") }},
		{"startsWith phone", []string{q("startsWith", "phone", "+44")}, func(u *user) bool { return strings.HasPrefix(u.phone, "+44") }},
		{"between registration", []string{q("between", "registration", from.Format(time.RFC3339), to.Format(time.RFC3339))}, func(u *user) bool {
			return u.registration >= from.UnixMilli() && u.registration <= to.UnixMilli()
		}},
		{"isNull phone", []string{q("isNull", "phone")}, func(u *user) bool { return u.phone == "" }},
		{"isNull labels", []string{q("isNull", "labels")}, func(u *user) bool { return len(u.labels) == 0 }},
		{"filters are AND-ed", []string{q("contains", "labels", "trial"), q("equal", "emailVerification", false)}, func(u *user) bool {
			return slices.Contains(u.labels, "trial") && !u.emailVerified
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := h.reference(tc.want)
			if len(want) == 0 {
				t.Fatal("the reference selects nobody: the case proves nothing")
			}
			if got := h.list(op, usersPath(tc.queries)).Total; got != len(want) {
				t.Errorf("total %d, want %d", got, len(want))
			}
			if got := h.walk(op, 500, tc.queries); !slices.Equal(got, want) {
				t.Errorf("ids differ from the reference, %s", firstDiff(got, want))
			}
		})
	}
}

func TestUsersInvalidQueries(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	for name, query := range map[string]string{
		"invalid JSON":      `{"method":"limit","values":[`,
		"not an object":     `limit(5)`,
		"unknown attribute": q("equal", "password", "x"),
		"unknown method":    q("fuzzy", "name", "x"),
		"limit 0":           q("limit", "", 0),
		"limit 5001":        q("limit", "", 5001),
		"negative offset":   q("offset", "", -1),
		"wrong value type":  q("equal", "status", "yes"),
		"order by array":    q("orderAsc", "labels"),
	} {
		t.Run(name, func(t *testing.T) {
			h.get(usersPath([]string{query}), op).wantError(t, http.StatusBadRequest, "general_query_invalid")
		})
	}
	t.Run("two limits", func(t *testing.T) {
		h.get(usersPath([]string{q("limit", "", 1), q("limit", "", 2)}), op).wantError(t, http.StatusBadRequest, "general_query_invalid")
	})
	for _, method := range []string{"cursorAfter", "cursorBefore"} {
		t.Run(method+" unknown", func(t *testing.T) {
			h.get(usersPath([]string{q(method, "", "no-such-user")}), op).wantError(t, http.StatusBadRequest, "general_cursor_not_found")
		})
	}
	if h.list(op, usersPath([]string{q("limit", "", 5000)})).Total != h.srv.Users() {
		t.Error("limit 5000 is the largest allowed and must work")
	}
}

func TestUsersIndexedQueriesEqualAppendedForm(t *testing.T) {
	h := newHarness(t, Options{Users: 1000})
	op := h.operator()
	queries := []string{q("limit", "", 7), q("offset", "", 3), q("contains", "labels", "beta"), q("orderDesc", "name")}
	indexed := url.Values{}
	for i, s := range queries {
		indexed.Set(fmt.Sprintf("queries[%d]", i), s)
	}
	a := h.list(op, usersPath(queries))
	b := h.list(op, "/v1/users?"+indexed.Encode())
	if len(a.Users) != 7 || a.Total != b.Total || !slices.Equal(a.ids(), b.ids()) {
		t.Errorf("queries[] gave %d/%v, queries[N] gave %d/%v", a.Total, a.ids(), b.Total, b.ids())
	}
	// Indexed entries keep their index order however they are sent.
	reordered := "/v1/users?queries[1]=" + url.QueryEscape(queries[3]) + "&queries[0]=" + url.QueryEscape(queries[0])
	c := h.list(op, reordered)
	d := h.list(op, usersPath([]string{queries[0], queries[3]}))
	if !slices.Equal(c.ids(), d.ids()) {
		t.Errorf("queries[1] before queries[0] in the URL changed the result: %v vs %v", c.ids(), d.ids())
	}
}
