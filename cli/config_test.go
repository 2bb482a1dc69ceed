package cli

import (
	"os"
	"strings"
	"testing"
)

func (c *cli) writeConfig(toml string) {
	c.t.Helper()
	if err := os.WriteFile(c.env.configPath, []byte(toml), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// flag > env > profile > default, through the commands.
func TestProfilePrecedence(t *testing.T) {
	c := newCLI(t)
	c.writeConfig("default_profile = \"demo\"\n[profiles.demo]\nendpoint = \"" + c.url + "\"\nproject = \"demo\"\nemail = \"support@example.com\"\n" +
		"[profiles.prod]\nendpoint = \"http://127.0.0.1:1/v1\"\nproject = \"prod\"\nread_only = true\n")
	c.stdin = "support-demo\n"
	c.mustRun(0, "login", "--password-stdin") // everything from the default profile
	c.mustRun(0, "whoami")
	c.vars["ACTAS_PROFILE"] = "prod"
	c.mustRun(3, "whoami") // the env picks prod, where nobody signed in
	c.mustRun(0, "whoami", "--profile", "demo")
	c.vars["ACTAS_ENDPOINT"] = "http://127.0.0.1:2/v1"
	c.mustRun(3, "whoami", "--profile", "demo") // env beats the profile's endpoint
	c.mustRun(0, "whoami", "--profile", "demo", "--endpoint", c.url)
	delete(c.vars, "ACTAS_ENDPOINT")
	delete(c.vars, "ACTAS_PROFILE")
	// read_only of a profile cannot be lifted by --read-only=false
	c.writeConfig("default_profile = \"demo\"\n[profiles.demo]\nendpoint = \"" + c.url + "\"\nproject = \"demo\"\nemail = \"support@example.com\"\nread_only = true\n")
	c.mustRun(1, "as", "ada", "--read-only=false", "--write", "--reason", "x", "--data", "{}", "--", "PATCH", "/account/prefs")
}

func TestBadConfigIsOneLineAndStopsEverything(t *testing.T) {
	c := newCLI(t)
	c.writeConfig("[profiles.demo]\nendpoint = \"" + c.url + "\"\nidle_timout = \"5m\"\n")
	for _, args := range [][]string{{"whoami"}, {"users", "search", "ada"}, {}} {
		c.mustRun(2, args...)
		line := strings.TrimSpace(c.stderr.String())
		if strings.Contains(line, "\n") || !strings.Contains(line, c.env.configPath+":3: profiles.demo.idle_timout") {
			t.Fatalf("%v: %q", args, line)
		}
	}
	c.writeConfig("")
	c.vars["ACTAS_PROFILE"] = "nope"
	c.mustRun(2, "whoami")
}

// Leaving out --profile must not drop the profile's policy: the last profile signed in to
// is used whole.
func TestRecentProfileKeepsItsPolicy(t *testing.T) {
	c := newCLI(t)
	c.writeConfig("[profiles.prod]\nendpoint = \"" + c.url + "\"\nproject = \"demo\"\nemail = \"support@example.com\"\nread_only = true\nrequire_reason = true\n")
	c.stdin = "support-demo\n"
	c.mustRun(0, "login", "--profile", "prod", "--password-stdin")
	c.srv.ResetSeen()
	c.mustRun(1, "as", "ada", "--write", "--reason", "x", "--data", "{}", "--", "PATCH", "/account/prefs")
	c.mustRun(2, "as", "ada", "--", "GET", "/account") // the profile requires a reason
	if writesSeen(c) != 0 {
		t.Fatal("a write went out without --profile")
	}
}
