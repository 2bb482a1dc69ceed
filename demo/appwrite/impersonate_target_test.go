package appwrite

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const (
	olgaEmail = "olga.smirnova@example.ru"
	yukiPhone = "+819012345678"
)

// actingAs is GET /v1/account (path may add a query string) as sess with the headers kv:
// whom the request ran as, and the impersonator it reports.
func (h *harness) actingAs(sess, query string, kv ...string) (id string, by any) {
	h.t.Helper()
	r := h.get("/v1/account"+query, sess, kv...)
	r.wantStatus(h.t, http.StatusOK)
	a := r.object(h.t)
	by, ok := a["impersonatorUserId"]
	if !ok {
		h.t.Fatalf("account has no impersonatorUserId key: %s", r.body)
	}
	return a["$id"].(string), by
}

func TestImpersonationByEachHeaderAndParameter(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	tests := []struct {
		name, query string
		kv          []string
	}{
		{"id header", "", []string{HeaderImpersonateID, AdaID}},
		{"email header, any case", "", []string{HeaderImpersonateEmail, "ADA@Example.COM"}},
		{"phone header", "", []string{HeaderImpersonatePhone, AdaPhone}},
		{"impersonateUserId", "?impersonateUserId=ada", nil},
		{"impersonateuserid", "?impersonateuserid=ada", nil},
		{"impersonateEmail", "?impersonateEmail=" + url.QueryEscape(AdaEmail), nil},
		{"impersonateemail", "?impersonateemail=" + url.QueryEscape(AdaEmail), nil},
		{"impersonatePhone", "?impersonatePhone=" + url.QueryEscape(AdaPhone), nil},
		{"impersonatephone", "?impersonatephone=" + url.QueryEscape(AdaPhone), nil},
		{"empty header falls back to the parameter", "?impersonateUserId=ada", []string{HeaderImpersonateID, ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if id, by := h.actingAs(op, tc.query, tc.kv...); id != AdaID || by != OperatorID {
				t.Errorf("ran as %s, impersonatorUserId %v; want ada, support", id, by)
			}
		})
	}
}

func TestImpersonationHeaderBeatsParameter(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	for _, tc := range []struct {
		query, header, value, want string
	}{
		{"?impersonateUserId=ada", HeaderImpersonateID, "olga", "olga"},
		{"?impersonateEmail=" + url.QueryEscape(AdaEmail), HeaderImpersonateEmail, olgaEmail, "olga"},
		{"?impersonatePhone=" + url.QueryEscape(AdaPhone), HeaderImpersonatePhone, yukiPhone, "yuki"},
	} {
		if id, _ := h.actingAs(op, tc.query, tc.header, tc.value); id != tc.want {
			t.Errorf("%s with %s: %s, ran as %s; want %s", tc.header, tc.value, tc.query, id, tc.want)
		}
	}
}

func TestImpersonationPrecedenceIdEmailPhone(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	tests := []struct {
		name string
		kv   []string
		want string
	}{
		{"all three", []string{HeaderImpersonateID, AdaID, HeaderImpersonateEmail, olgaEmail, HeaderImpersonatePhone, yukiPhone}, AdaID},
		{"email and phone", []string{HeaderImpersonateEmail, olgaEmail, HeaderImpersonatePhone, yukiPhone}, "olga"},
		{"id and phone", []string{HeaderImpersonateID, "olga", HeaderImpersonatePhone, yukiPhone}, "olga"},
		// The winner alone decides: an unknown id does not fall through to the email.
		{"unknown id, valid email", []string{HeaderImpersonateID, "nobody", HeaderImpersonateEmail, olgaEmail}, OperatorID},
	}
	for _, tc := range tests {
		if id, _ := h.actingAs(op, "", tc.kv...); id != tc.want {
			t.Errorf("%s: ran as %s, want %s", tc.name, id, tc.want)
		}
	}
	if id, _ := h.actingAs(op, "?impersonateUserId=ada", HeaderImpersonateEmail, olgaEmail); id != AdaID {
		t.Errorf("id parameter and email header: ran as %s, want ada (id wins)", id)
	}
}

func TestImpersonationUnknownTargetRunsAsOperator(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	for _, kv := range [][]string{
		{HeaderImpersonateID, "nobody"},
		{HeaderImpersonateEmail, "nobody@example.com"},
		{HeaderImpersonatePhone, "+15555550199"},
		{HeaderImpersonatePhone, strings.TrimPrefix(AdaPhone, "+")}, // phones match exactly
	} {
		if id, by := h.actingAs(op, "", kv...); id != OperatorID || by != nil {
			t.Errorf("%s=%s: ran as %s, impersonatorUserId %v; want support and null", kv[0], kv[1], id, by)
		}
	}
}

func TestImpersonationIgnoredForNonImpersonator(t *testing.T) {
	h := newHarness(t, Options{})
	viewer := h.login(ViewerEmail, ViewerPassword)
	if id, by := h.actingAs(viewer, "", HeaderImpersonateID, AdaID); id != ViewerID || by != nil {
		t.Errorf("viewer with a target ran as %s (impersonatorUserId %v), want viewer", id, by)
	}
	if id, _ := h.actingAs(viewer, "?impersonateUserId=ada"); id != ViewerID {
		t.Errorf("viewer with a target parameter ran as %s", id)
	}
	// Ignored even when the target is blocked, and it grants no users.read.
	h.account(viewer, HeaderImpersonateID, BlockedID)
	h.get("/v1/users", viewer, HeaderImpersonateID, AdaID).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}

func TestImpersonationIgnoredWithAPIKeyAlone(t *testing.T) {
	h := newHarness(t, Options{})
	key := h.srv.APIKey()
	// A blocked target would be refused if the header counted.
	h.do(request{path: "/v1/users", key: key, header: headers(HeaderImpersonateID, BlockedID)}).wantStatus(t, http.StatusOK)
	m := h.do(request{path: "/v1/account", key: key, header: headers(HeaderImpersonateID, AdaID)}).
		wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
	if msg, _ := m["message"].(string); !strings.Contains(msg, "role: applications") {
		t.Errorf("message %q should name role applications", msg)
	}
}

func TestImpersonationOfBlockedTarget(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	for _, kv := range [][]string{
		{HeaderImpersonateID, BlockedID},
		{HeaderImpersonateEmail, BlockedEmail},
		{HeaderImpersonatePhone, "+14155550102"},
	} {
		h.get("/v1/account", op, kv...).wantError(t, http.StatusForbidden, "user_blocked")
		h.get("/v1/users", op, kv...).wantError(t, http.StatusForbidden, "user_blocked")
	}
	h.get("/v1/account?impersonateUserId="+BlockedID, op).wantError(t, http.StatusForbidden, "user_blocked")
	// The operator's own session is unharmed.
	if id, _ := h.actingAs(op, ""); id != OperatorID {
		t.Errorf("afterwards ran as %s", id)
	}
}

func TestImpersonatingAnotherImpersonator(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.operator()
	a := h.account(op, HeaderImpersonateID, OperatorTargetID)
	if a["$id"] != OperatorTargetID || a["impersonator"] != true || a["impersonatorUserId"] != OperatorID {
		t.Errorf("acting as olive: %v", a)
	}
}
