package mpdx

import (
	"net/http"
	"testing"
	"time"
)

// Seen records whom each request acted as: the JWT's user_id for impersonation tokens,
// nobody for the operator's token or the operators' own JWTs.
func TestSeenRecordsWhomEachRequestActedAs(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorToken()
	admin := h.signIn(OrgAdminEmail, OrgAdminPassword)
	ada := h.impersonationToken(AdaUserID)
	h.srv.ResetSeen()
	h.get(op, "/api/v2/user")
	h.get(ada, "/api/v2/user?include=email_addresses")
	h.get(admin, "/api/v2/organizations")
	h.get("", "/api/v2/account_lists?access_token="+ada)
	h.clock.Advance(2 * time.Hour)
	h.get(ada, "/api/v2/user") // expired: refused, but it named Ada
	h.get("", "/api/v2/user")
	got := h.srv.Seen()
	if len(got) != 6 {
		t.Fatalf("%d seen", len(got))
	}
	if s := got[0]; s.Impersonating() || !s.HasSession || s.Status != http.StatusOK || s.Path != "/api/v2/user" {
		t.Errorf("operator token %+v", s)
	}
	if s := got[1]; s.Impersonation[SeenUserID] != AdaUserID || len(s.Impersonation) != 1 || s.Query != "include=email_addresses" {
		t.Errorf("impersonation token %+v", s)
	}
	if got[2].Impersonating() {
		t.Errorf("the operator's JWT %+v", got[2])
	}
	if s := got[3]; s.Impersonation[SeenUserID] != AdaUserID || !s.HasSession {
		t.Errorf("access_token %+v", s)
	}
	if s := got[4]; s.Impersonation[SeenUserID] != AdaUserID || s.Status != http.StatusUnauthorized {
		t.Errorf("expired %+v", s)
	}
	if s := got[5]; s.Impersonating() || s.HasSession || s.Status != http.StatusUnauthorized {
		t.Errorf("no credential %+v", s)
	}
	h.srv.ResetSeen()
	if len(h.srv.Seen()) != 0 {
		t.Error("reset")
	}
}
