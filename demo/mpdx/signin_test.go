package mpdx

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

const unauthorized = `{"errors":[{"status":"401","title":"Unauthorized","detail":"Exceptions::AuthenticationError"}]}`

// The pasted API token is validated with GET /api/v2/user, which answers its own user.
func TestOperatorTokenSignIn(t *testing.T) {
	h := newHarness(t, Options{OperatorToken: "pasted-token"})
	if h.srv.OperatorToken() != "pasted-token" {
		t.Fatal("Options.OperatorToken")
	}
	var me struct {
		Data struct {
			ID, Type   string
			Attributes struct {
				FirstName string `json:"first_name"`
				LastName  string `json:"last_name"`
			}
		}
	}
	h.get("pasted-token", "/api/v2/user").wantStatus(t, http.StatusOK).decode(t, &me)
	if me.Data.ID != OrgAdminUserID || me.Data.Type != "users" || me.Data.Attributes.FirstName != "Orla" {
		t.Errorf("me %+v", me)
	}
	h.get(DefaultOperatorToken, "/api/v2/user").wantBody(t, 401, unauthorized) // replaced
	if New(Options{Members: 1}).OperatorToken() != DefaultOperatorToken {
		t.Error("default operator token")
	}
}

func TestRefusedCredentials(t *testing.T) {
	h := newHarness(t, Options{})
	h.get("", "/api/v2/user").wantBody(t, 401, unauthorized)
	h.get("nonsense", "/api/v2/user").wantBody(t, 401, unauthorized)
	h.do(request{path: "/api/v2/user", header: http.Header{"Authorization": {"Basic " + h.srv.OperatorToken()}}}).
		wantBody(t, 401, unauthorized)
	// A JWT of someone unknown, one signed with another secret, one without exp.
	h.get(h.srv.issueToken("00000000-0000-4000-8000-000000000000", testNow.Add(time.Hour)), "/api/v2/user").wantBody(t, 401, unauthorized)
	other := New(Options{Members: 1, JWTSecret: []byte("another")})
	h.get(other.issueToken(AdaUserID, testNow.Add(time.Hour)), "/api/v2/user").wantBody(t, 401, unauthorized)
	h.get(h.srv.SignToken(Claims{UserID: AdaUserID}), "/api/v2/user").wantBody(t, 401, unauthorized)
	// alg none is refused.
	none := b64(`{"alg":"none"}`) + "." + b64(`{"user_id":"`+AdaUserID+`","exp":9999999999}`) + "."
	h.get(none, "/api/v2/user").wantBody(t, 401, unauthorized)
}

// ?access_token= is accepted as the server does.
func TestAccessTokenParameter(t *testing.T) {
	h := newHarness(t, Options{})
	var me struct{ Data struct{ ID string } }
	h.get("", "/api/v2/user?access_token="+h.srv.OperatorToken()).wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != OrgAdminUserID {
		t.Errorf("me %s", me.Data.ID)
	}
	h.get("", "/api/v2/user?access_token="+h.impersonationToken(AdaUserID)).wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != AdaUserID {
		t.Errorf("impersonated me %s", me.Data.ID)
	}
}

// The demo-only email/password sign-in answers a 30-day JWT {user_id, exp}.
func TestEmailPasswordSignIn(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.do(signInRequest("OrgAdmin@MPDX.example", OrgAdminPassword)).wantStatus(t, http.StatusOK)
	var out struct {
		Data struct {
			ID, Type   string
			Attributes map[string]string
		}
	}
	r.decode(t, &out)
	token := out.Data.Attributes["json_web_token"]
	if out.Data.Type != "authenticate" || out.Data.ID != OrgAdminUserID || len(out.Data.Attributes) != 1 {
		t.Fatalf("answer %s", r.body)
	}
	header, claims := jwtParts(t, token)
	if header != `{"alg":"HS256"}` || claims != `{"user_id":"`+OrgAdminUserID+`","exp":`+itoa(testNow.Add(30*24*time.Hour).Unix())+`}` {
		t.Errorf("header %s claims %s", header, claims)
	}
	var me struct{ Data struct{ ID string } }
	h.get(token, "/api/v2/user").wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != OrgAdminUserID {
		t.Errorf("me %s", me.Data.ID)
	}
	member := h.signIn(MemberEmail, MemberPassword)
	h.get(member, "/api/v2/user").wantStatus(t, 200).decode(t, &me)
	if me.Data.ID != MemberUserID {
		t.Errorf("member %s", me.Data.ID)
	}
	// It lasts 30 days.
	h.clock.Advance(30*24*time.Hour + time.Second)
	h.get(token, "/api/v2/user").wantBody(t, 401, unauthorized)
}

func TestSignInRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	h.do(signInRequest(OrgAdminEmail, "wrong")).wantBody(t, 401, unauthorized)
	h.do(signInRequest("ada.lovelace@mpdx.example", "x")).wantBody(t, 401, unauthorized) // members have no password
	h.do(request{method: "POST", path: "/api/v2/user/authenticate", body: resource("authenticate", map[string]any{"email": OrgAdminEmail})}).
		wantBody(t, 401, unauthorized)
	// MPDX's CAS form: a missing ticket, then any ticket (the demo has no CAS).
	const missing = `{"errors":[{"status":"400","title":"Bad Request","detail":"Expected a cas_ticket to be provided in the attributes"}]}`
	for _, body := range []any{nil, "", "{", resource("authenticate", map[string]any{}), map[string]any{"data": map[string]any{"type": "authenticate"}}} {
		h.do(request{method: "POST", path: "/api/v2/user/authenticate", body: body}).wantBody(t, 400, missing)
	}
	h.do(request{method: "POST", path: "/api/v2/user/authenticate", body: resource("authenticate", map[string]any{"cas_ticket": "ST-1"})}).
		wantBody(t, 401, `{"errors":[{"status":"401","title":"Unauthorized","detail":"INVALID_TICKET: Ticket 'ST-1' not recognized"}]}`)
	h.do(request{method: "POST", path: "/api/v2/user/authenticate", body: resource("sessions", map[string]any{"cas_ticket": "ST-1"})}).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"'sessions' is not a valid resource type for this endpoint. Expected 'authenticate' instead"}]}`)
	h.do(request{path: "/api/v2/user/authenticate"}).wantStatus(t, http.StatusNotFound)
}

func TestSignInRateLimitPerEmail(t *testing.T) {
	h := newHarness(t, Options{LoginLimit: 10}) // the default limit, at 10:15
	for range 10 {
		h.do(signInRequest(MemberEmail, MemberPassword)).wantStatus(t, http.StatusOK)
	}
	// Wrong passwords and another case of the email count too.
	r := h.do(signInRequest("MEMBER@mpdx.example", "wrong"))
	r.wantBody(t, 429, `{"errors":[{"status":"429","title":"Too Many Requests","detail":"Retry later"}]}`)
	if got := r.header.Get("Retry-After"); got != "2700" { // 45 minutes to the end of the window
		t.Errorf("Retry-After %q, want 2700", got)
	}
	h.do(signInRequest(OrgAdminEmail, OrgAdminPassword)).wantStatus(t, http.StatusOK) // another email
	h.clock.Advance(45 * time.Minute)
	h.do(signInRequest(MemberEmail, MemberPassword)).wantStatus(t, http.StatusOK)
}

// jwtParts decodes a JWT's header and payload, as sent.
func jwtParts(t testing.TB, token string) (header, claims string) {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	for i, p := range parts[:2] {
		raw, err := base64.RawURLEncoding.DecodeString(p)
		if err != nil || !json.Valid(raw) {
			t.Fatalf("JWT part %d: %q %v", i, p, err)
		}
		if i == 0 {
			header = string(raw)
		} else {
			claims = string(raw)
		}
	}
	return header, claims
}

func b64(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
