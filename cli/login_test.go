package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	demo "actas/demo/appwrite"
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

// Without a store that outlives the command, login signs nothing in (no sign-in is spent)
// and exits 3 with what to do.
func TestLoginWithoutKeyringSignsNothingIn(t *testing.T) {
	c := newCLI(t)
	c.env.store = nil
	c.vars[keyring.OrderEnv] = "memory"
	c.stdin = demo.OperatorPassword + "\n"
	c.mustRun(3, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	msg := c.stderr.String()
	if !strings.Contains(msg, "no keyring can keep the session") || !strings.Contains(msg, "install gnome-keyring") ||
		!strings.Contains(msg, "scripts/with-secret-service") || strings.Count(strings.TrimSpace(msg), "\n") != 0 {
		t.Fatalf("stderr %q", msg)
	}
	if seen := c.srv.Seen(); len(seen) != 0 {
		t.Fatalf("the backend was asked %d times, first %s %s", len(seen), seen[0].Method, seen[0].Path)
	}
}

// The stores that were tried are named when none answers.
func TestLoginNamesTheRefusedStores(t *testing.T) {
	c := newCLI(t)
	c.env.store = nil
	c.vars[keyring.OrderEnv] = "secret-service"
	c.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // go-keyring reads the process's
	c.stdin = demo.OperatorPassword + "\n"
	c.mustRun(3, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	if !strings.Contains(c.stderr.String(), "(Secret Service: ") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}

func TestBadKeyringOrderIsAUsageError(t *testing.T) {
	c := newCLI(t)
	c.env.store = nil
	c.vars[keyring.OrderEnv] = "plaintext-file"
	c.mustRun(2, "whoami")
	if !strings.Contains(c.stderr.String(), keyring.OrderEnv) {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}

// login says in one line which store keeps the session.
func TestLoginSaysWhichStoreKeepsTheSession(t *testing.T) {
	c := newCLI(t)
	c.login()
	if !strings.Contains(c.stdout.String(), "Session kept in memory for this run only.") { // keptStore's Where
		t.Fatalf("stdout %q", c.stdout.String())
	}
}

// The entry says when the backend ends the session, so the kernel keyring keeps it no longer.
func TestLoginStoresTheSessionsExpiry(t *testing.T) {
	c := newCLI(t)
	c.login()
	e, err := c.env.store.Get(keyring.Profile{Endpoint: c.url, Project: "demo", Email: demo.OperatorEmail})
	if err != nil {
		t.Fatal(err)
	}
	if until := time.Until(e.Expires); until < 300*24*time.Hour || until > 400*24*time.Hour {
		t.Fatalf("expires %v (in %v), want about a year", e.Expires, until)
	}
}

// An account with a second factor, signed in from a script without --totp: it is told
// a code is needed, and the half-open session is ended.
func TestLoginPasswordStdinNeedsTOTP(t *testing.T) {
	c := newCLI(t)
	c.stdin = demo.MFAPassword + "\n"
	c.mustRun(2, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.MFAEmail, "--password-stdin")
	if !strings.Contains(c.stderr.String(), "--totp") || !strings.Contains(c.stderr.String(), "second factor") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	ended := false
	for _, s := range c.srv.Seen() {
		ended = ended || (s.Method == "DELETE" && s.Path == "/v1/account/sessions/current")
	}
	if !ended {
		t.Fatal("the session waiting for a second factor was left alive")
	}
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
