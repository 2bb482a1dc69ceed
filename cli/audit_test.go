package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAuditMergesBackendAndJournal(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.mustRun(0, "as", "ada", "--reason", "HELP-9", "--", "GET", "/account")
	c.mustRun(0, "audit", "--json")
	var rows []auditJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	sources := map[string]bool{}
	for i, r := range rows {
		sources[r.Source] = true
		if i > 0 && r.Time.After(rows[i-1].Time) {
			t.Fatal("not newest first")
		}
	}
	if !sources["backend"] || !sources["console"] {
		t.Fatalf("sources %v", sources)
	}
	c.mustRun(0, "audit")
	if !strings.Contains(c.stdout.String(), "impersonation.start") || !strings.Contains(c.stdout.String(), "reason: HELP-9") {
		t.Fatalf("%s", c.stdout.String())
	}
	c.mustRun(0, "audit", "--since", "1ns", "--json")
	if strings.TrimSpace(c.stdout.String()) != "[]" {
		t.Fatalf("%s", c.stdout.String())
	}
	c.mustRun(2, "audit", "--since", "-1h")
}

func TestAuditWithoutSessionShowsTheJournal(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.mustRun(0, "logout")
	c.mustRun(0, "audit")
	if !strings.Contains(c.stdout.String(), "logout") || !strings.Contains(c.stderr.String(), "Only the console's journal") {
		t.Fatalf("stdout %s\nstderr %s", c.stdout.String(), c.stderr.String())
	}
}
