package cli

import (
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/appwrite"
	"actas/client/ironflow"
	ifdemo "actas/demo/ironflow"
	"actas/keyring"
)

// ironflowCLI is the command line with both dialects in its table, against Ironflow's
// demo; ACTAS_DIALECT names Ironflow.
func ironflowCLI(t *testing.T) (*cli, *ifdemo.Server) {
	t.Helper()
	srv := ifdemo.New(ifdemo.Options{Tenants: 100, LoginLimit: -1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	dir := t.TempDir()
	c := &cli{t: t, url: hs.URL + "/api/v1", vars: map[string]string{"ACTAS_DIALECT": "ironflow"}}
	c.env = &cliEnv{dialects: client.Dialects{"appwrite": appwrite.Dialect{}, "ironflow": ironflow.Dialect{}},
		getenv: func(k string) string { return c.vars[k] }, now: time.Now, store: keptStore{keyring.NewMemory()},
		configPath: filepath.Join(dir, "config.toml"), journalPath: filepath.Join(dir, "state", "audit.jsonl"),
		recentPath: filepath.Join(dir, "state", "recent.json")}
	return c, srv
}

// Every command works with an Ironflow profile: no project, a tenant by its id, an
// environment with --env, the same exit codes and JSON.
func TestEveryCommandWorksWithAnIronflowProfile(t *testing.T) {
	c, srv := ironflowCLI(t)
	c.stdin = ifdemo.OperatorPassword + "\n"
	c.mustRun(0, "login", "--endpoint", c.url, "--email", ifdemo.OperatorEmail, "--password-stdin")
	if out := c.stdout.String(); !strings.Contains(out, "Signed in as operator@ironflow.example (puser_operator)") || strings.Contains(out, "()") ||
		!strings.Contains(out, "The backend ends it at") {
		t.Fatalf("login: %s", c.stdout.String())
	}
	c.mustRun(0, "whoami", "--json")
	var who map[string]any
	if err := json.Unmarshal(c.stdout.Bytes(), &who); err != nil || who["id"] != ifdemo.OperatorID {
		t.Fatalf("whoami: %s %v", c.stdout.String(), err)
	}
	c.mustRun(0, "search", "acme")
	if out := c.stdout.String(); !strings.HasPrefix(out, "ID") || !strings.Contains(out, "ENVS") || !strings.Contains(out, "org_acme") {
		t.Fatalf("search: %s", out)
	}
	c.mustRun(0, "search", "globex", "--json")
	var found subjectsJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &found); err != nil || len(found.Subjects) == 0 || found.Subjects[0].Facts["environments"] != "1" {
		t.Fatalf("search --json: %s %v", c.stdout.String(), err)
	}
	srv.ResetSeen()
	c.mustRun(0, "as", "org_acme", "--env", "env_staging", "--reason", "HELP-1", "--", "GET", "/functions")
	if !strings.Contains(c.stdout.String(), `"functions"`) {
		t.Fatalf("as: %s", c.stdout.String())
	}
	for _, s := range srv.Seen() {
		if s.Impersonation[ifdemo.HeaderOrg] != "" && (s.Impersonation[ifdemo.HeaderOrg] != ifdemo.AcmeID || s.Impersonation[ifdemo.HeaderEnvironment] != "env_staging") {
			t.Fatalf("sent as %v", s.Impersonation)
		}
	}
	c.mustRun(2, "as", "ada@example.com", "--", "GET", "/functions") // not a tenant id: a usage error
	c.mustRun(1, "as", "org_acme", "--env", "env_nowhere", "--", "GET", "/functions")
	c.mustRun(1, "as", "org_acme", "--", "POST", "/events") // a write without --write
	c.mustRun(0, "as", "org_acme", "--write", "--reason", "HELP-2", "--data", `{"name":"cli.checked"}`, "--", "POST", "/events")
	c.mustRun(0, "audit", "--json")
	var rows []auditJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	backendStaged := false
	for _, r := range rows {
		if r.Source == "backend" && r.Event == "platform.impersonated" && r.Target == ifdemo.AcmeID && r.Scope == "env_staging" && r.Status == 200 {
			backendStaged = true
		}
	}
	if !backendStaged {
		t.Fatalf("audit: %.600s", c.stdout.String())
	}
	c.mustRun(0, "logout")
	c.mustRun(3, "whoami")
}
