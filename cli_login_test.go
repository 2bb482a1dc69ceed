package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"actas/demo"
	"actas/keyring"
)

func TestLoginWhoamiLogout(t *testing.T) {
	c := newCLI(t)
	c.mustRun(3, "whoami") // nothing stored, no profile: not signed in
	c.login()
	if !strings.Contains(c.stdout.String(), "Signed in as support@example.com (support)") {
		t.Fatalf("login said %q", c.stdout.String())
	}
	// The recent profile (no secret) lets later commands find the session without flags.
	c.mustRun(0, "whoami")
	if !strings.Contains(c.stdout.String(), "support@example.com (support) “Sam Support”, impersonator") {
		t.Fatalf("whoami said %q", c.stdout.String())
	}
	c.mustRun(0, "whoami", "--json")
	var who operatorJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &who); err != nil || who.ID != demo.OperatorID || !who.Impersonator || who.Project != "demo" {
		t.Fatalf("%+v %v", who, err)
	}
	raw, _ := os.ReadFile(c.env.recentPath)
	if strings.Contains(string(raw), demo.OperatorPassword) || len(raw) == 0 {
		t.Fatalf("recent profile: %s", raw)
	}
	c.mustRun(0, "logout")
	c.mustRun(3, "whoami")
	c.mustRun(0, "logout") // nothing stored: nothing to do
	if !strings.Contains(c.stdout.String(), "No stored session") {
		t.Fatalf("second logout said %q", c.stdout.String())
	}
	events := ""
	for _, e := range c.journal() {
		events += e.Event + " "
	}
	if events != "login logout " {
		t.Fatalf("journal: %s", events)
	}
}

func TestLoginFailures(t *testing.T) {
	c := newCLI(t)
	c.stdin = "wrong-password\n"
	c.mustRun(1, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	if !strings.Contains(c.stderr.String(), "user_invalid_credentials") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	c.stdin = ""
	c.mustRun(2, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail) // no terminal, no --password-stdin
	c.mustRun(2, "login", "--endpoint", c.url, "--project", "demo")                                // no email
	c.mustRun(2, "login", "--endpoint", "not a url", "--project", "demo", "--email", "a@b.c", "--password-stdin")
}

func TestLoginWithTOTP(t *testing.T) {
	c := newCLI(t)
	code, _ := demo.TOTPCode(demo.MFATOTPSecret, c.env.now())
	c.stdin = demo.MFAPassword + "\n"
	c.mustRun(0, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.MFAEmail, "--password-stdin", "--totp", code)
	c.stdin = demo.MFAPassword + "\n"
	c.mustRun(1, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.MFAEmail, "--password-stdin", "--totp", "000000")
}

func TestLoginWithoutKeyringSaysSo(t *testing.T) {
	c := newCLI(t)
	c.env.store = keyring.NewMemory() // what Lazy falls back to without a Secret Service
	c.stdin = demo.OperatorPassword + "\n"
	c.mustRun(1, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	if !strings.Contains(c.stderr.String(), "no OS keyring") || strings.Count(strings.TrimSpace(c.stderr.String()), "\n") != 0 {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	// The session nobody could use again was ended on the backend.
	for _, s := range c.srv.Seen() {
		if s.Method == "DELETE" && s.Path == "/v1/account/sessions/current" && s.Status == 204 {
			return
		}
	}
	t.Fatal("the unusable session was left alive")
}

func TestExpiredSessionIsNotSignedIn(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.srv.ResetSeen()
	// End the session behind the console's back.
	c.mustRun(0, "logout")
	c.stdin = ""
	c.mustRun(3, "users", "search", "ada")
}

func TestVersionAndCompletion(t *testing.T) {
	c := newCLI(t)
	c.mustRun(0, "--version")
	if !strings.HasPrefix(c.stdout.String(), "actas version ") {
		t.Fatalf("%q", c.stdout.String())
	}
	for shell, marker := range map[string]string{"bash": "bash completion", "zsh": "#compdef actas", "fish": "complete -c actas"} {
		c.mustRun(0, "completion", shell)
		if !strings.Contains(c.stdout.String(), marker) {
			t.Fatalf("%s completion lacks %q", shell, marker)
		}
	}
	c.mustRun(2, "no-such-command")
	c.mustRun(2, "whoami", "--no-such-flag")
	c.mustRun(2, "users", "search")
}
