package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"actas/client"
	demo "actas/demo/appwrite"
	"actas/session"
)

func writesSeen(c *cli) int {
	n := 0
	for _, s := range c.srv.Seen() {
		if client.IsWrite(s.Method) && s.Impersonating() {
			n++
		}
	}
	return n
}

func TestAsReadsAsTheUser(t *testing.T) {
	c := newCLI(t)
	c.mustRun(3, "as", "ada", "--", "GET", "/v1/account")
	c.login()
	c.mustRun(0, "as", "ada@example.com", "--reason", "HELP-4711", "--", "GET", "/v1/account")
	if !strings.Contains(c.stdout.String(), `"impersonatorUserId": "support"`) || c.stderr.String() != "As ada@example.com (ada) “Ada Lovelace”\n200 OK (0s)\n" && !strings.HasPrefix(c.stderr.String(), "As ada@example.com (ada) “Ada Lovelace”\n200 OK (") {
		t.Fatalf("stdout %s\nstderr %s", c.stdout.String(), c.stderr.String())
	}
	c.mustRun(0, "as", "+14155550100", "--json", "--", "GET", "/account/prefs")
	var resp responseJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &resp); err != nil || resp.Status != 200 || !strings.Contains(string(resp.Body), `"theme"`) {
		t.Fatalf("%+v %v", resp, err)
	}
	if _, ok := resp.Headers["Set-Cookie"]; ok {
		t.Fatal("credential header printed")
	}
	c.mustRun(1, "as", "ada", "--", "GET", "/users/nobody") // 404 from the backend
	c.mustRun(1, "as", demo.BlockedEmail, "--", "GET", "/account")
	c.mustRun(1, "as", "no-such-user", "--", "GET", "/account") // the backend ignores it: not honoured
	var reasons []string
	for _, e := range c.journal() {
		if e.Event == session.EventImpersonateStart {
			reasons = append(reasons, e.Reason)
		}
		if e.Event == session.EventImpersonateStop && e.Why != "done" {
			t.Fatalf("stop %+v", e)
		}
	}
	if len(reasons) != 3 || reasons[0] != "HELP-4711" {
		t.Fatalf("starts with reasons %q", reasons)
	}
}

func TestAsWritesOnlyWithWriteAndReason(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.srv.ResetSeen()
	body := `{"prefs":{"theme":"light"}}`
	c.mustRun(1, "as", "ada", "--data", body, "--", "PATCH", "/account/prefs")
	if !strings.Contains(c.stderr.String(), "nothing was sent") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	c.mustRun(2, "as", "ada", "--write", "--data", body, "--", "PATCH", "/account/prefs")
	c.mustRun(1, "as", "ada", "--write", "--reason", "HELP-1", "--read-only", "--data", body, "--", "PATCH", "/account/prefs")
	if writesSeen(c) != 0 {
		t.Fatalf("%d writes reached the backend", writesSeen(c))
	}
	c.mustRun(0, "as", "ada", "--write", "--reason", "HELP-1", "--data", body, "--", "PATCH", "/account/prefs")
	if writesSeen(c) != 1 || !strings.Contains(c.stdout.String(), `"theme": "light"`) {
		t.Fatalf("%d writes; %s", writesSeen(c), c.stdout.String())
	}
	file := filepath.Join(t.TempDir(), "body.json")
	_ = os.WriteFile(file, []byte(`{"prefs":{"theme":"dark"}}`), 0o600)
	c.mustRun(0, "as", "ada", "--write", "--reason", "HELP-1", "--data", "@"+file, "--", "PATCH", "/account/prefs")
	c.stdin = `{"name":"Ada King"}`
	c.mustRun(0, "as", "ada", "--write", "--reason", "HELP-1", "--data", "@-", "--", "PATCH", "/account/name")
}

func TestAsUsageErrors(t *testing.T) {
	c := newCLI(t)
	c.login()
	for _, args := range [][]string{
		{"as", "ada", "--", "FETCH", "/account"},
		{"as", "ada", "--", "GET", "account"},
		{"as", "+1 415", "--", "GET", "/account"},
		{"as", "ada", "--data", "{not json", "--write", "--reason", "x", "--", "POST", "/account"},
		{"as", "ada", "--", "GET"},
	} {
		c.mustRun(2, args...)
	}
}

func TestRefusedWritesAreJournaled(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.mustRun(1, "as", "ada", "--reason", "HELP-3", "--data", "{}", "--", "PATCH", "/account/prefs?secret=s3")
	var refusedLines []session.Entry
	for _, e := range c.journal() {
		if e.Event == session.EventRequestRefused {
			refusedLines = append(refusedLines, e)
		}
	}
	if len(refusedLines) != 1 || refusedLines[0].Method != "PATCH" || refusedLines[0].Reason != "HELP-3" || strings.Contains(refusedLines[0].Path, "s3") {
		t.Fatalf("%+v", refusedLines)
	}
}

func TestDebugLogForCommands(t *testing.T) {
	c := newCLI(t)
	c.login()
	log := filepath.Join(t.TempDir(), "debug.log")
	c.mustRun(0, "whoami", "--debug-log", log)
	raw, _ := os.ReadFile(log)
	if !strings.Contains(string(raw), "GET /v1/account 200") || !strings.Contains(string(raw), "X-Appwrite-Session=[redacted]") {
		t.Fatalf("debug log:\n%s", raw)
	}
}
