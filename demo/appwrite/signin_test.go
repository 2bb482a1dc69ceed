package appwrite

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
)

func signIn(h *harness, email, password string, kv ...string) *response {
	h.t.Helper()
	return h.do(request{method: "POST", path: "/v1/account/sessions/email", header: headers(kv...),
		body: map[string]string{"email": email, "password": password}})
}

func TestSignInReturnsSessionAndCookies(t *testing.T) {
	h := newHarness(t, Options{})
	r := signIn(h, OperatorEmail, OperatorPassword).wantStatus(t, http.StatusCreated)
	s := r.object(t)
	if s["userId"] != OperatorID || s["provider"] != "email" || s["providerUid"] != OperatorEmail {
		t.Errorf("session userId/provider/providerUid = %v/%v/%v", s["userId"], s["provider"], s["providerUid"])
	}
	if s["current"] != true || s["secret"] != "" {
		t.Errorf("current=%v secret=%q, want true and empty", s["current"], s["secret"])
	}
	if f, _ := s["factors"].([]any); len(f) != 1 || f[0] != "password" {
		t.Errorf("factors = %v, want [password]", s["factors"])
	}

	v := fallbackSession(t, r, "demo")
	cookies := map[string]*http.Cookie{}
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		cookies[c.Name] = c
	}
	for _, name := range []string{"a_session_demo", "a_session_demo_legacy"} {
		c := cookies[name]
		if c == nil {
			t.Errorf("no %s cookie in %q", name, r.header.Values("Set-Cookie"))
			continue
		}
		if c.Value != v || !c.HttpOnly || c.Path != "/" {
			t.Errorf("%s: value matches fallback %v, httponly %v, path %q", name, c.Value == v, c.HttpOnly, c.Path)
		}
	}
	h.account(v) // the value authenticates
}

func TestSignInSameSiteOriginGetsNoFallbackHeader(t *testing.T) {
	h := newHarness(t, Options{})
	tests := []struct {
		name, host, origin string
		fallback           bool
	}{
		{"no origin (a CLI)", "", "", true},
		{"same registrable domain", "api.example.com", "https://console.example.com", false},
		{"same domain via Referer", "api.example.com", "", false},
		{"other domain", "api.example.com", "https://evil.test", true},
		{"other IP address", "", "http://10.0.0.1:8080", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var kv []string
			if tc.host != "" {
				kv = append(kv, "Host", tc.host)
			}
			switch {
			case tc.origin != "":
				kv = append(kv, "Origin", tc.origin)
			case tc.host != "":
				kv = append(kv, "Referer", "https://www.example.com/page")
			}
			r := signIn(h, OperatorEmail, OperatorPassword, kv...).wantStatus(t, http.StatusCreated)
			_, has := r.header["X-Fallback-Cookies"]
			if has != tc.fallback {
				t.Errorf("X-Fallback-Cookies present = %v, want %v (%q)", has, tc.fallback, r.header.Get("X-Fallback-Cookies"))
			}
			if len(r.header.Values("Set-Cookie")) != 2 {
				t.Errorf("Set-Cookie = %q, want two cookies", r.header.Values("Set-Cookie"))
			}
		})
	}
}

func TestSessionValueIsRandomAndOpaque(t *testing.T) {
	h := newHarness(t, Options{})
	a := h.login(OperatorEmail, OperatorPassword)
	b := h.login(OperatorEmail, OperatorPassword)
	if a == b {
		t.Fatal("two sign-ins of the same user got the same session value")
	}
	for _, v := range []string{a, b} {
		texts := []string{v}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if raw, err := enc.DecodeString(v); err == nil {
				texts = append(texts, string(raw))
			}
		}
		for _, text := range texts {
			for _, secret := range []string{OperatorID, OperatorEmail, "support"} {
				if strings.Contains(strings.ToLower(text), secret) {
					t.Errorf("session value %q reveals %q", v, secret)
				}
			}
		}
		if len(v) < 32 {
			t.Errorf("session value %q is too short to be random", v)
		}
	}
}

func TestSignInWrongPassword(t *testing.T) {
	h := newHarness(t, Options{})
	r := signIn(h, OperatorEmail, "not-the-password")
	r.wantError(t, http.StatusUnauthorized, "user_invalid_credentials")
	if _, has := r.header["X-Fallback-Cookies"]; has || len(r.header.Values("Set-Cookie")) > 0 {
		t.Errorf("a failed sign-in handed out a credential: %v", r.header)
	}
	signIn(h, "nobody@example.com", "whatever-password").wantError(t, http.StatusUnauthorized, "user_invalid_credentials")
	// Mallory has no password at all: nobody can sign in as her.
	signIn(h, BlockedEmail, "anything-at-all").wantError(t, http.StatusUnauthorized, "user_invalid_credentials")
}

// No public route blocks an account, and the blocked fixed account has no password, so the
// blocked-at-sign-in path is set up from inside the package.
func TestSignInBlockedAccount(t *testing.T) {
	h := newHarness(t, Options{})
	st := h.store()
	st.users[st.userByID(ViewerID)].status = false
	signIn(h, ViewerEmail, ViewerPassword).wantError(t, http.StatusForbidden, "user_blocked")
	// A wrong password still says only that the credentials are wrong.
	signIn(h, ViewerEmail, "wrong-password").wantError(t, http.StatusUnauthorized, "user_invalid_credentials")
}

func TestSignInWithSessionAlreadySent(t *testing.T) {
	h := newHarness(t, Options{})
	v := h.operator()
	r := h.do(request{method: "POST", path: "/v1/account/sessions/email", session: v,
		body: map[string]string{"email": ViewerEmail, "password": ViewerPassword}})
	r.wantError(t, http.StatusUnauthorized, "user_session_already_exists")
	// The older alias behaves the same, and works without a session.
	r = h.do(request{method: "POST", path: "/v1/account/sessions", session: v,
		body: map[string]string{"email": ViewerEmail, "password": ViewerPassword}})
	r.wantError(t, http.StatusUnauthorized, "user_session_already_exists")
	r = h.do(request{method: "POST", path: "/v1/account/sessions",
		body: map[string]string{"email": ViewerEmail, "password": ViewerPassword}})
	h.account(fallbackSession(t, r.wantStatus(t, http.StatusCreated), "demo"))
}
