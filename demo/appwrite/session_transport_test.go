package appwrite

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestSessionSentEachWayAuthenticates(t *testing.T) {
	h := newHarness(t, Options{})
	v := h.operator()
	jar, _ := json.Marshal(map[string]string{"a_session_demo": v})
	ways := map[string]http.Header{
		"cookie":             headers("Cookie", "a_session_demo="+v),
		"legacy cookie":      headers("Cookie", "a_session_demo_legacy="+v),
		"X-Appwrite-Session": headers("X-Appwrite-Session", v),
		"X-Fallback-Cookies": headers("X-Fallback-Cookies", string(jar)),
	}
	for name, hd := range ways {
		t.Run(name, func(t *testing.T) {
			r := h.do(request{path: "/v1/account", header: hd}).wantStatus(t, http.StatusOK)
			if id := r.object(t)["$id"]; id != OperatorID {
				t.Errorf("$id = %v, want %s", id, OperatorID)
			}
		})
	}
}

func TestSessionCookieOfAnotherProjectIsIgnored(t *testing.T) {
	h := newHarness(t, Options{})
	v := h.operator()
	r := h.do(request{path: "/v1/account", header: headers("Cookie", "a_session_console="+v)})
	r.wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}

func TestUnknownSessionIsAGuest(t *testing.T) {
	h := newHarness(t, Options{})
	for name, hd := range map[string]http.Header{
		"no session":      nil,
		"unknown session": headers("X-Appwrite-Session", "bm90LWEtcmVhbC1zZXNzaW9u"),
		"unknown cookie":  headers("Cookie", "a_session_demo=garbage"),
		"bad fallback":    headers("X-Fallback-Cookies", "{not json"),
	} {
		t.Run(name, func(t *testing.T) {
			m := h.do(request{path: "/v1/account", header: hd}).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
			msg, _ := m["message"].(string)
			if !strings.Contains(msg, "role: guests") || !strings.Contains(msg, `"account"`) {
				t.Errorf("message %q should name role guests and scope account", msg)
			}
		})
	}
}

func TestSessionExpiresAfterAYear(t *testing.T) {
	h := newHarness(t, Options{})
	v := h.operator()
	h.clock.Advance(364 * 24 * time.Hour)
	h.account(v)
	h.clock.Advance(2 * 24 * time.Hour)
	h.get("/v1/account", v).wantError(t, http.StatusUnauthorized, "general_unauthorized_scope")
}

func TestJWTWithSessionIsRejected(t *testing.T) {
	h := newHarness(t, Options{})
	v := h.operator()
	h.get("/v1/account", v, "X-Appwrite-JWT", "eyJhbGciOiJIUzI1NiJ9.e30.x").
		wantError(t, http.StatusForbidden, "user_jwt_and_cookie_set")
}
