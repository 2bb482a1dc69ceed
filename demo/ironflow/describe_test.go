package ironflow

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDescribeAndInfoNameTheCredentials(t *testing.T) {
	srv := New(Options{Tenants: 20})
	d := srv.Describe("http://x/api/v1")
	for _, want := range []string{"http://x/api/v1", srv.OperatorKey(), srv.ViewerKey(), srv.TenantKey(),
		AdminEmail, AdminPassword, OperatorEmail, OperatorPassword, ViewerEmail, ViewerPassword, AuditorEmail, AuditorPassword, InactiveEmail, AcmeID} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "\x1b") || strings.Contains(d, "Hostile") {
		t.Errorf("Describe holds an escape or announces hostile mode:\n%s", d)
	}
	info := srv.Info("http://x/api/v1")
	raw, _ := json.Marshal(info)
	if info.Tenants != 20 || len(info.Accounts) != 5 || len(info.PlatformKeys) != 2 || info.PlatformKeys[0].Key != srv.OperatorKey() ||
		info.TenantKeys[0].OrgID != AcmeID || info.Accounts[4].Active || !strings.HasPrefix(srv.OperatorKey(), PlatformKeyPrefix) ||
		!strings.HasPrefix(srv.TenantKey(), TenantKeyPrefix) || len(info.Targets) != 4 {
		t.Errorf("info %s", raw)
	}
	if !New(Options{Tenants: 20, Knobs: Knobs{Hostile: "!"}}).Info("").Hostile {
		t.Error("hostile not in Info")
	}
}
