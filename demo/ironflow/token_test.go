package ironflow

import (
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestTokenIsAnHS256PlatformJWTFor24Hours(t *testing.T) {
	h := newHarness(t, Options{})
	token := h.login(OperatorEmail, OperatorPassword)
	var c Claims
	parsed, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return testSecret, nil },
		jwt.WithTimeFunc(h.clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	if parsed.Method.Alg() != "HS256" || parsed.Header["alg"] != "HS256" {
		t.Errorf("alg %v", parsed.Header["alg"])
	}
	if !c.Platform || c.Subject != OperatorID || len(c.Roles) != 1 || c.Roles[0] != RoleOperator {
		t.Errorf("claims %+v", c)
	}
	if c.IssuedAt == nil || c.ExpiresAt == nil || !c.IssuedAt.Equal(testNow) || c.ExpiresAt.Sub(c.IssuedAt.Time) != 24*time.Hour {
		t.Errorf("iat %v exp %v, want now and 24 h later", c.IssuedAt, c.ExpiresAt)
	}
	// Valid until it expires, then refused.
	h.clock.Advance(24*time.Hour - time.Second)
	h.do(request{path: "/api/v1/platform/auth/me", auth: token}).wantStatus(t, http.StatusOK)
	h.clock.Advance(2 * time.Second)
	h.do(request{path: "/api/v1/platform/auth/me", auth: token}).wantBody(t, 401, `{"error":"invalid or expired token"}`)
}

func TestForgedAndTenantTokensAreRefused(t *testing.T) {
	h := newHarness(t, Options{})
	exp := jwt.NewNumericDate(testNow.Add(time.Hour))
	me := func(tok string) *response { return h.do(request{path: "/api/v1/platform/auth/me", auth: tok}) }

	tenant := h.srv.SignToken(Claims{Platform: false, RegisteredClaims: jwt.RegisteredClaims{Subject: OperatorID, ExpiresAt: exp}})
	me(tenant).wantBody(t, 403, `{"error":"platform credentials required"}`)

	other, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, Claims{Platform: true,
		RegisteredClaims: jwt.RegisteredClaims{Subject: OperatorID, ExpiresAt: exp}}).SignedString([]byte("another secret"))
	me(other).wantBody(t, 401, `{"error":"invalid or expired token"}`)

	none, _ := jwt.NewWithClaims(jwt.SigningMethodNone, Claims{Platform: true,
		RegisteredClaims: jwt.RegisteredClaims{Subject: OperatorID, ExpiresAt: exp}}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	me(none).wantBody(t, 401, `{"error":"invalid or expired token"}`)

	noExp := h.srv.SignToken(Claims{Platform: true, RegisteredClaims: jwt.RegisteredClaims{Subject: OperatorID}})
	me(noExp).wantBody(t, 401, `{"error":"invalid or expired token"}`)

	inactive := h.srv.SignToken(Claims{Platform: true, RegisteredClaims: jwt.RegisteredClaims{Subject: InactiveID, ExpiresAt: exp}})
	me(inactive).wantBody(t, 403, `{"error":"account is inactive"}`)

	me("").wantBody(t, 401, `{"error":"authentication required"}`)
	me("ifplatform_nosuch").wantBody(t, 401, `{"error":"invalid API key"}`)
}

func TestMeNamesTheUserOrTheKey(t *testing.T) {
	h := newHarness(t, Options{})
	token := h.login(ViewerEmail, ViewerPassword)
	h.do(request{path: "/api/v1/platform/auth/me", auth: token}).wantBody(t, 200,
		`{"user":{"id":"puser_viewer","email":"viewer@ironflow.example","name":"Victor Viewer","roles":["platform_viewer"]},"actor_type":"user"}`)
	h.do(request{path: "/api/v1/platform/auth/me", auth: h.srv.OperatorKey()}).wantBody(t, 200,
		`{"user":{"id":"pkey_operator","email":"","name":"Demo operator key","roles":["platform_operator"]},"actor_type":"key"}`)
	h.do(request{path: "/api/v1/platform/auth/me", auth: h.srv.ViewerKey()}).wantStatus(t, 200)
	h.do(request{path: "/api/v1/platform/auth/me", auth: h.srv.TenantKey()}).wantBody(t, 403, `{"error":"platform credentials required"}`)
	// The dashboard's cookie is a credential too.
	h.do(request{path: "/api/v1/platform/auth/me", header: http.Header{"Cookie": {CookieToken + "=" + token}}}).wantStatus(t, 200)
}
