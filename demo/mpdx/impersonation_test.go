package mpdx

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const forbiddenBody = `{"errors":[{"status":"403","title":"Forbidden"}]}`

func impersonationPath(org string) string { return "/api/v2/organizations/" + org + "/impersonation" }

func TestImpersonateByUUIDAnswersTheDocumentedShape(t *testing.T) {
	h := newHarness(t, Options{})
	r := h.impersonate(h.srv.OperatorToken(), CruDemoID, AdaUserID).wantStatus(t, http.StatusOK)
	var doc struct {
		Data struct {
			ID, Type   string
			Attributes map[string]any
		}
	}
	r.decode(t, &doc)
	created := testNow.Format(time.RFC3339)
	a := doc.Data.Attributes
	if doc.Data.ID != AdaUserID || doc.Data.Type != "impersonation" || a["created_at"] != created ||
		a["updated_at"] != nil || a["updated_in_db_at"] != nil || len(a) != 4 {
		t.Fatalf("answer %s", r.body)
	}
	if _, ok := a["updated_at"]; !ok {
		t.Error("updated_at left out, not null")
	}
	token, _ := a["json_web_token"].(string)
	// HS256, header {"alg":"HS256"} as documented (eyJhbGciOiJIUzI1NiJ9), payload exactly
	// {user_id, exp} with exp = created_at + 3600.
	if !strings.HasPrefix(token, "eyJhbGciOiJIUzI1NiJ9.") {
		t.Errorf("token %s", token)
	}
	header, claims := jwtParts(t, token)
	if header != `{"alg":"HS256"}` || claims != `{"user_id":"`+AdaUserID+`","exp":`+itoa(testNow.Unix()+3600)+`}` {
		t.Errorf("header %s claims %s", header, claims)
	}
	parsed, err := jwt.Parse(token, func(*jwt.Token) (any, error) { return testSecret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithTimeFunc(h.clock.Now))
	if err != nil || !parsed.Valid {
		t.Errorf("signature: %v", err)
	}
}

// created_at is to the second, and exp follows it.
func TestImpersonationExpiryFollowsCreatedAt(t *testing.T) {
	h := newHarness(t, Options{})
	h.clock.Advance(1500 * time.Millisecond)
	var out impersonation
	h.impersonate(h.srv.OperatorToken(), CruDemoID, AdaUserID).wantStatus(t, 200).decode(t, &out)
	created, err := time.Parse(time.RFC3339, out.Data.Attributes.CreatedAt)
	if err != nil || !created.Equal(testNow.Add(time.Second)) {
		t.Fatalf("created_at %s", out.Data.Attributes.CreatedAt)
	}
	if _, claims := jwtParts(t, out.Data.Attributes.Token); !strings.Contains(claims, `"exp":`+itoa(created.Unix()+3600)+`}`) {
		t.Errorf("claims %s", claims)
	}
}

func TestImpersonateByEmail(t *testing.T) {
	h := newHarness(t, Options{})
	for ref, want := range map[string]string{
		AdaEmail:                    AdaUserID,
		"ADA.Lovelace@MPDX.example": AdaUserID, // emails ignore case
		AdaRelay:                    AdaUserID, // a Relay email too
		SharedEmail:                 SharedFirstUserID,
		"robin.shared@mpdx.example": SharedSecondUserID,
		strings.ToUpper(AdaUserID):  AdaUserID, // uuids ignore case
	} {
		var out impersonation
		h.impersonate(h.srv.OperatorToken(), CruDemoID, ref).wantStatus(t, http.StatusOK).decode(t, &out)
		if out.Data.ID != want {
			t.Errorf("%s impersonated %s, want %s", ref, out.Data.ID, want)
		}
	}
}

func TestImpersonateNotFound(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	notFound := func(detail string) string {
		return `{"errors":[{"status":"404","title":"Not Found","detail":"` + detail + `"}]}`
	}
	for ref, detail := range map[string]string{
		OutsiderUserID:                         "Couldn't find User with 'id'=" + OutsiderUserID,
		OutsiderEmail:                          "Couldn't find User with email " + OutsiderEmail,
		"00000000-0000-4000-8000-000000000000": "Couldn't find User with 'id'=00000000-0000-4000-8000-000000000000",
		"nobody@mpdx.example":                  "Couldn't find User with email nobody@mpdx.example",
		OrgAdminEmail:                          "Couldn't find User with email " + OrgAdminEmail, // the operators are in no organization
		MemberUserID:                           "Couldn't find User with 'id'=" + MemberUserID,
		"Ada Lovelace":                         "Couldn't find User with email Ada Lovelace", // no lookup by name
	} {
		h.impersonate(op, CruDemoID, ref).wantBody(t, 404, notFound(detail))
	}
	h.impersonate(op, "11111111-1111-4111-8111-111111111111", AdaUserID).
		wantBody(t, 404, notFound("Couldn't find Organization with 'id'=11111111-1111-4111-8111-111111111111"))
	if n := len(h.srv.Impersonations()); n != 0 {
		t.Errorf("%d refused impersonations logged", n)
	}
}

func TestImpersonateRefusals(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	member := h.signIn(MemberEmail, MemberPassword)
	h.impersonate(member, CruDemoID, AdaUserID).wantBody(t, 403, forbiddenBody)
	h.impersonate(member, ElsewhereOrgID, MemberUserID).wantBody(t, 403, forbiddenBody)
	h.impersonate(op, ElsewhereOrgID, OutsiderUserID).wantBody(t, 403, forbiddenBody)
	h.impersonate("", CruDemoID, AdaUserID).wantBody(t, 401, unauthorized)
	h.impersonate(h.impersonationToken(SharedFirstUserID), CruDemoID, AdaUserID).wantBody(t, 403, forbiddenBody)
	// Nobody is a site admin: 403 before the body is read.
	for _, auth := range []string{op, member} {
		h.do(request{method: "POST", path: "/api/v2/admin/impersonation", auth: auth,
			body: resource("impersonation", map[string]any{"user": AdaUserID, "reason": "x"})}).wantBody(t, 403, forbiddenBody)
		h.do(request{method: "POST", path: "/api/v2/admin/impersonation", auth: auth, body: "nonsense"}).wantBody(t, 403, forbiddenBody)
	}
	post := func(body any) *response {
		return h.do(request{method: "POST", path: impersonationPath(CruDemoID), auth: op, body: body})
	}
	post(resource("impersonation", map[string]any{"reason": "x"})).
		wantBody(t, 400, `{"errors":[{"status":"400","title":"Bad Request","detail":"Expected a user to be provided at /data/attributes/user","source":{"pointer":"/data/attributes/user"}}]}`)
	post(resource("impersonation", map[string]any{"user": ""})).wantStatus(t, 400)
	post(resource("impersonations", map[string]any{"user": AdaUserID})).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"'impersonations' is not a valid resource type for this endpoint. Expected 'impersonation' instead"}]}`)
	post(map[string]any{"data": map[string]any{"attributes": map[string]any{"user": AdaUserID}}}).
		wantBody(t, 409, `{"errors":[{"status":"409","title":"Conflict","detail":"'' is not a valid resource type for this endpoint. Expected 'impersonation' instead"}]}`)
	post("{").wantBody(t, 400, `{"errors":[{"status":"400","title":"Bad Request","detail":"The request body must be a JSON:API document with a data object"}]}`)
	post(resource("impersonation", map[string]any{"user": 42})).
		wantBody(t, 400, `{"errors":[{"status":"400","title":"Bad Request","detail":"The request body is not a valid 'impersonation' resource"}]}`)
	if n := len(h.srv.Impersonations()); n != 1 { // the shared member's, above
		t.Errorf("%d impersonations logged", n)
	}
}

// Every impersonation is logged with its reason, impersonator and impersonated; no route
// reads the log.
func TestImpersonationsAreLoggedButNotServed(t *testing.T) {
	h := newHarness(t, Options{})
	h.impersonate(h.srv.OperatorToken(), CruDemoID, AdaEmail).wantStatus(t, 200)
	h.clock.Advance(time.Minute)
	admin := h.signIn(OrgAdminEmail, OrgAdminPassword)
	h.do(request{method: "POST", path: impersonationPath(CruDemoID), auth: admin,
		body: resource("impersonation", map[string]any{"user": EscapeUserID})}).wantStatus(t, 200)
	got := h.srv.Impersonations()
	want := []Impersonation{
		{Impersonator: OrgAdminUserID, ImpersonatorEmail: OrgAdminEmail, Impersonated: AdaUserID, Reason: "HelpScout ticket 4711",
			OrganizationID: CruDemoID, Requested: AdaEmail, CreatedAt: testNow, ExpiresAt: testNow.Add(time.Hour)},
		{Impersonator: OrgAdminUserID, ImpersonatorEmail: OrgAdminEmail, Impersonated: EscapeUserID,
			OrganizationID: CruDemoID, Requested: EscapeUserID, CreatedAt: testNow.Add(time.Minute), ExpiresAt: testNow.Add(time.Hour + time.Minute)},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("logged %+v", got)
	}
	for _, path := range []string{"/api/v2/admin/impersonation", impersonationPath(CruDemoID), "/api/v2/impersonations"} {
		h.get(h.srv.OperatorToken(), path).wantStatus(t, http.StatusNotFound)
	}
}

// The role knob puts impersonation_role (or impersonation_scope) in the answer.
func TestImpersonationRoleKnob(t *testing.T) {
	h := newHarness(t, Options{ImpersonationRole: "helpdesk_admin"})
	role := func() map[string]any {
		var doc struct {
			Data struct{ Attributes map[string]any }
		}
		h.impersonate(h.srv.OperatorToken(), CruDemoID, AdaUserID).wantStatus(t, 200).decode(t, &doc)
		out := map[string]any{}
		for _, k := range []string{"impersonation_role", "impersonation_scope"} {
			if v, ok := doc.Data.Attributes[k]; ok {
				out[k] = v
			}
		}
		return out
	}
	if r := role(); len(r) != 1 || r["impersonation_role"] != "helpdesk_admin" {
		t.Errorf("%v", r)
	}
	h.srv.SetImpersonationRole("impersonation_scope", "janitor")
	if r := role(); len(r) != 1 || r["impersonation_scope"] != "janitor" {
		t.Errorf("%v", r)
	}
	h.srv.SetImpersonationRole("", "")
	if r := role(); len(r) != 0 {
		t.Errorf("%v", r)
	}
}

// A server that ignores the user attribute answers with the member's id but a token for
// the caller.
func TestMintsForCallerTokenNamesTheCaller(t *testing.T) {
	h := newHarness(t, Options{MintsForCaller: true})
	var out impersonation
	h.impersonate(h.srv.OperatorToken(), CruDemoID, AdaUserID).wantStatus(t, 200).decode(t, &out)
	if _, claims := jwtParts(t, out.Data.Attributes.Token); !strings.Contains(claims, `"user_id":"`+OrgAdminUserID+`"`) {
		t.Fatalf("claims %s", claims)
	}
}
