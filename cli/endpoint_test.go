package cli

import (
	"errors"
	"os"
	"strings"
	"testing"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
	"actas/session"
)

const dropUserinfo = "sign in with your own email and password; drop the user:password@ part"

// checkRefusedEndpoint fails unless the last command printed one line naming the
// problem, without the password, and left no journal or recent profile behind.
func (c *cli) checkRefusedEndpoint(want string) {
	c.t.Helper()
	line := strings.TrimSuffix(c.stderr.String(), "\n")
	if strings.Contains(line, "\n") || !strings.Contains(line, want) {
		c.t.Errorf("stderr %q; want one line with %q", c.stderr.String(), want)
	}
	if out := c.stdout.String() + c.stderr.String(); strings.Contains(out, "secret") {
		c.t.Errorf("the password is shown: %q", out)
	}
	for _, path := range []string{c.env.journalPath, c.env.recentPath} {
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			c.t.Errorf("%s was written (%v)", path, err)
		}
	}
}

func TestLoginRefusesAPasswordInTheEndpoint(t *testing.T) {
	c := newCLI(t)
	c.stdin = demo.OperatorPassword + "\n"
	c.mustRun(2, "login", "--endpoint", "http://u:secret@127.0.0.1:1/v1", "--project", "demo",
		"--email", demo.OperatorEmail, "--password-stdin")
	c.checkRefusedEndpoint(`--endpoint: "http://…@127.0.0.1:1/v1" carries a user name or password: ` + dropUserinfo)
	if n := len(c.srv.Seen()); n != 0 {
		t.Errorf("%d requests sent", n)
	}

	c.vars["ACTAS_ENDPOINT"] = "http://u:secret@127.0.0.1:1/v1"
	c.mustRun(2, "login", "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	c.checkRefusedEndpoint(`ACTAS_ENDPOINT: "http://…@127.0.0.1:1/v1" carries`)
	delete(c.vars, "ACTAS_ENDPOINT")

	c.writeConfig("[profiles.demo]\nproject = \"demo\"\nendpoint = \"http://u:secret@127.0.0.1:1/v1\"\n")
	c.mustRun(2, "login", "--profile", "demo", "--email", demo.OperatorEmail, "--password-stdin")
	c.checkRefusedEndpoint(c.env.configPath + `:3: profiles.demo.endpoint: "http://…@127.0.0.1:1/v1" carries`)
}

// recent.json written before userinfo was refused is refused when used.
func TestOldRecentEndpointWithAPasswordIsRefused(t *testing.T) {
	c := newCLI(t)
	if err := session.SaveRecent(c.env.recentPath, session.Recent{Endpoint: "http://u:secret@127.0.0.1:1/v1", Project: "demo", Email: demo.OperatorEmail}); err != nil {
		t.Fatal(err)
	}
	c.mustRun(2, "whoami")
	if line := c.stderr.String(); strings.Contains(line, "secret") || !strings.Contains(line, dropUserinfo) {
		t.Errorf("stderr %q", line)
	}
}

// Plain http to a remote host needs --insecure, ACTAS_INSECURE or insecure = true. A
// stored session is looked for only after the endpoint passed: exit 3, not 2.
func TestPlainHTTPNeedsInsecure(t *testing.T) {
	c := newCLI(t)
	remote := []string{"whoami", "--endpoint", "http://appwrite.example.invalid/v1", "--project", "p", "--email", "me@example.com"}
	c.mustRun(2, remote...)
	c.checkRefusedEndpoint(`--endpoint: "http://appwrite.example.invalid/v1" uses plain http to a non-loopback host: ` +
		`the session would travel in clear text; use https, or allow it explicitly with insecure = true in the profile or --insecure`)
	c.mustRun(3, append(remote, "--insecure")...)
	c.mustRun(3, append(remote, "--insecure=true")...)

	c.vars["ACTAS_INSECURE"] = "1"
	c.mustRun(3, remote...)
	c.mustRun(2, append(remote, "--insecure=false")...) // the flag beats the environment
	c.vars["ACTAS_INSECURE"] = "maybe"
	c.mustRun(2, append(remote, "--insecure")...)
	delete(c.vars, "ACTAS_INSECURE")

	c.writeConfig("[profiles.lab]\nendpoint = \"http://appwrite.example.invalid/v1\"\nproject = \"p\"\nemail = \"me@example.com\"\ninsecure = true\n" +
		"[profiles.strict]\nendpoint = \"http://appwrite.example.invalid/v1\"\nproject = \"p\"\nemail = \"me@example.com\"\n")
	c.mustRun(3, "whoami", "--profile", "lab")
	c.mustRun(2, "whoami", "--profile", "strict")
	c.checkRefusedEndpoint(c.env.configPath + `:7: profiles.strict.endpoint: "http://appwrite.example.invalid/v1" uses plain http`)

	c.mustRun(3, "whoami", "--endpoint", c.url, "--project", "demo", "--email", "me@example.com") // loopback
}

// The console's login form goes through the same check, with the profile's insecure.
func TestConsoleConnectChecksTheEndpoint(t *testing.T) {
	c := newCLI(t)
	connectWith := func(insecure bool) func(endpoint, project string) (*session.Session, string, error) {
		return func(endpoint, project string) (*session.Session, string, error) {
			sess, err := session.Open(c.env.opener(appwrite.Dialect{}, insecure), session.Config{}, endpoint, project)
			if err != nil {
				return nil, "", err
			}
			return sess, sess.Endpoint(), nil
		}
	}
	connect := connectWith(false)
	_, _, err := connect("http://u:secret@127.0.0.1:1/v1", "demo")
	if !errors.Is(err, client.ErrEndpointUserinfo) || strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), dropUserinfo) {
		t.Errorf("userinfo: %v", err)
	}
	if _, _, err := connect("http://appwrite.example.invalid", "demo"); !errors.Is(err, client.ErrEndpointPlainHTTP) {
		t.Errorf("plain http: %v", err)
	}
	if _, _, err := connectWith(true)("http://u:secret@appwrite.example.invalid", "demo"); !errors.Is(err, client.ErrEndpointUserinfo) {
		t.Errorf("userinfo with insecure: %v", err)
	}
	_, endpoint, err := connectWith(true)("http://appwrite.example.invalid/?x=1", "demo")
	if err != nil || endpoint != "http://appwrite.example.invalid/v1" {
		t.Errorf("insecure: %q, %v", endpoint, err)
	}
	if _, endpoint, err := connect(c.url, "demo"); err != nil || endpoint != c.url {
		t.Errorf("loopback: %q, %v", endpoint, err)
	}
}

// A pasted blob as the endpoint gives one short line.
func TestLongEndpointIsCut(t *testing.T) {
	c := newCLI(t)
	c.mustRun(2, "whoami", "--endpoint", "ftp://"+strings.Repeat("x", 100_000), "--project", "p")
	if n := len(c.stderr.String()); n > 300 || strings.Count(c.stderr.String(), "\n") != 1 {
		t.Errorf("stderr of %d bytes: %.300s", n, c.stderr.String())
	}
}
