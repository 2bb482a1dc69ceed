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
	"actas/client/mpdx"
	mdemo "actas/demo/mpdx"
	"actas/keyring"
)

// Every command works with an MPDX profile: a token read from stdin, the organization as
// the profile's scope, a member by email (acted as by uuid), no audit API.
func TestEveryCommandWorksWithAnMPDXProfile(t *testing.T) {
	srv := mdemo.New(mdemo.Options{Members: 100, LoginLimit: -1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	dir := t.TempDir()
	c := &cli{t: t, url: hs.URL + "/api/v2", vars: map[string]string{"ACTAS_DIALECT": "mpdx"}}
	c.env = &cliEnv{dialects: client.Dialects{"appwrite": appwrite.Dialect{}, "mpdx": mpdx.Dialect{}},
		getenv: func(k string) string { return c.vars[k] }, now: time.Now, store: keptStore{keyring.NewMemory()},
		configPath: filepath.Join(dir, "config.toml"), journalPath: filepath.Join(dir, "state", "audit.jsonl"),
		recentPath: filepath.Join(dir, "state", "recent.json")}
	c.stdin = srv.OperatorToken() + "\n"
	c.mustRun(0, "login", "--endpoint", c.url, "--project", mdemo.CruDemoID, "--password-stdin")
	if out := c.stdout.String(); !strings.Contains(out, "Signed in as "+mdemo.OrgAdminEmail) {
		t.Fatalf("login: %s", out)
	}
	c.mustRun(0, "whoami", "--json")
	var who map[string]any
	if err := json.Unmarshal(c.stdout.Bytes(), &who); err != nil || who["id"] != mdemo.OrgAdminUserID {
		t.Fatalf("whoami: %s", c.stdout.String())
	}
	c.mustRun(0, "search", "lovelace")
	if !strings.Contains(c.stdout.String(), mdemo.AdaUserID) || !strings.Contains(c.stdout.String(), "ACCOUNT LISTS") {
		t.Fatalf("search: %s", c.stdout.String())
	}
	c.mustRun(0, "as", mdemo.AdaEmail, "--reason", "HELP-1", "--", "GET", "/user")
	if strings.Contains(c.stdout.String(), "json_web_token") || !strings.Contains(c.stdout.String(), mdemo.AdaUserID) {
		t.Fatalf("as: %s", c.stdout.String())
	}
	if log := srv.Impersonations(); len(log) != 1 || log[0].Requested != mdemo.AdaUserID || log[0].Reason != "HELP-1" {
		t.Fatalf("impersonations %+v", log)
	}
	c.mustRun(1, "as", mdemo.SharedEmail, "--", "GET", "/user") // two members: refused
	c.mustRun(0, "audit")
	c.mustRun(0, "logout")
	c.mustRun(3, "whoami")
}
