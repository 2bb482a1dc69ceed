package ironflow

import (
	"net/http"
	"testing"
)

func TestSeenRecordsTheOrgAndEnvironmentActedIn(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorKey()
	h.srv.ResetSeen()
	h.as(op, AcmeID, "staging", "/api/v1/functions")
	h.as(op, GlobexID, "", "/api/v1/environments?env=env_default")
	h.do(request{path: "/api/v1/platform/tenants", auth: op})
	h.as(op, AcmeID, "env_nosuch", "/api/v1/functions")
	got := h.srv.Seen()
	if len(got) != 4 {
		t.Fatalf("%d seen", len(got))
	}
	if s := got[0]; s.Impersonation[HeaderOrg] != AcmeID || s.Impersonation[HeaderEnvironment] != "staging" ||
		s.Status != http.StatusOK || !s.HasSession || s.Path != "/api/v1/functions" {
		t.Errorf("first %+v", s)
	}
	if s := got[1]; s.Impersonation[HeaderOrg] != GlobexID || s.Impersonation["env"] != "env_default" || s.Query != "env=env_default" {
		t.Errorf("second %+v", s)
	}
	if got[2].Impersonating() || !got[2].HasSession {
		t.Errorf("the platform route named a tenant: %+v", got[2])
	}
	if got[3].Status != http.StatusForbidden || got[3].Impersonation[HeaderEnvironment] != "env_nosuch" {
		t.Errorf("refused %+v", got[3])
	}
	h.srv.ResetSeen()
	if len(h.srv.Seen()) != 0 {
		t.Error("reset")
	}
}
