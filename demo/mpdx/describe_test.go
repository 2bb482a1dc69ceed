package mpdx

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDescribeAndInfoNameTheCredentials(t *testing.T) {
	srv := New(Options{Members: 20})
	d := srv.Describe("http://x/api/v2")
	for _, want := range []string{"http://x/api/v2", DefaultOperatorToken, OrgAdminEmail, OrgAdminPassword, MemberEmail,
		MemberPassword, CruDemoID, CruDemoName, AdaEmail, SharedEmail, OutsiderEmail} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "\x1b") || strings.Contains(d, "Hostile") {
		t.Errorf("Describe holds an escape or announces hostile mode:\n%s", d)
	}
	info := srv.Info("http://x/api/v2")
	raw, _ := json.Marshal(info)
	if info.Members != 20 || len(info.Accounts) != 2 || info.OperatorToken != DefaultOperatorToken || info.Organization.ID != CruDemoID ||
		info.Accounts[0].AdminOf[0] != CruDemoID || len(info.Accounts[1].AdminOf) != 0 || len(info.Targets) != 6 || info.Endpoint != "http://x/api/v2" {
		t.Errorf("info %s", raw)
	}
	if !strings.Contains(string(raw), `"operatorToken":"`+DefaultOperatorToken+`"`) {
		t.Errorf("info %s", raw)
	}
	if s := New(Options{Members: 1, OperatorToken: "mine", Knobs: Knobs{Hostile: "!"}}); !s.Info("").Hostile ||
		s.Info("").OperatorToken != "mine" || !strings.Contains(s.Describe(""), "mine") {
		t.Error("hostile or the token not in Info")
	}
}
