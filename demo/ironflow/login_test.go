package ironflow

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestLoginAnswersATokenAndTheUser(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.do(loginRequest(OperatorEmail, OperatorPassword)).wantStatus(t, http.StatusOK)
	var out struct {
		Token string
		User  struct {
			ID, Email, Name string
			Roles           []string
		}
	}
	r.decode(t, &out)
	if out.Token == "" || out.User.ID != OperatorID || out.User.Email != OperatorEmail || out.User.Name == "" ||
		len(out.User.Roles) != 1 || out.User.Roles[0] != RoleOperator {
		t.Fatalf("login answer %s", r.body)
	}
	var cookie *http.Cookie
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == CookieToken {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != out.Token || !cookie.HttpOnly || cookie.MaxAge != 86400 {
		t.Errorf("cookie %+v", cookie)
	}
	// The email's case does not matter.
	h.do(loginRequest("Admin@Ironflow.Example", AdminPassword)).wantStatus(t, http.StatusOK)
}

func TestLoginRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	h.do(loginRequest(OperatorEmail, "wrong")).wantBody(t, 401, `{"error":"invalid credentials"}`)
	h.do(loginRequest("nobody@ironflow.example", "x")).wantBody(t, 401, `{"error":"invalid credentials"}`)
	h.do(loginRequest(InactiveEmail, InactivePassword)).wantBody(t, 403, `{"error":"account is inactive"}`)
	// The inactive account's wrong password says nothing of its state.
	h.do(loginRequest(InactiveEmail, "wrong")).wantBody(t, 401, `{"error":"invalid credentials"}`)
	h.do(request{method: "POST", path: "/api/v1/platform/auth/login", body: "{"}).
		wantBody(t, 400, `{"error":"email and password are required"}`)
	h.do(request{path: "/api/v1/platform/auth/login"}).wantStatus(t, http.StatusMethodNotAllowed)
}

func TestLoginRateLimitPerEmail(t *testing.T) {
	h := newHarness(t, Options{LoginLimit: 10}) // the default limit, at 10:15
	for i := 1; i <= 10; i++ {
		r := h.do(loginRequest(ViewerEmail, ViewerPassword)).wantStatus(t, http.StatusOK)
		if got := r.header.Get("X-RateLimit-Remaining"); got != strconv.Itoa(10-i) {
			t.Errorf("attempt %d: X-RateLimit-Remaining %q", i, got)
		}
	}
	// Wrong passwords and another case of the email count too.
	r := h.do(loginRequest("VIEWER@ironflow.example", "wrong"))
	r.wantBody(t, 429, `{"error":"too many login attempts, try again later"}`)
	if got := r.header.Get("Retry-After"); got != "2700" { // 45 minutes to the end of the window
		t.Errorf("Retry-After %q, want 2700", got)
	}
	h.do(loginRequest(OperatorEmail, OperatorPassword)).wantStatus(t, http.StatusOK) // another email
	h.clock.Advance(45 * time.Minute)
	h.do(loginRequest(ViewerEmail, ViewerPassword)).wantStatus(t, http.StatusOK)
}
