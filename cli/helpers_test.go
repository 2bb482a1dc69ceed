package cli

import (
	"bytes"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
	"actas/keyring"
	"actas/session"
)

// keptStore is an in-memory keyring that says it outlives the process, standing in for
// the OS keyring across the commands of one test.
type keptStore struct{ *keyring.Memory }

func (keptStore) Durable() bool { return true }

type cli struct {
	t      *testing.T
	env    *cliEnv
	srv    *demo.Server
	url    string
	vars   map[string]string
	stdin  string
	stdout bytes.Buffer
	stderr bytes.Buffer
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	srv := demo.New(demo.Options{Users: 500, LoginLimit: -1})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	dir := t.TempDir()
	c := &cli{t: t, srv: srv, url: hs.URL + "/v1", vars: map[string]string{}}
	c.env = &cliEnv{dialects: client.Dialects{"appwrite": appwrite.Dialect{}}, getenv: func(k string) string { return c.vars[k] }, now: time.Now,
		store: keptStore{keyring.NewMemory()}, configPath: filepath.Join(dir, "config.toml"),
		journalPath: filepath.Join(dir, "state", "audit.jsonl"), recentPath: filepath.Join(dir, "state", "recent.json")}
	return c
}

// run executes one command line; stdin is what --password-stdin and @- read.
func (c *cli) run(args ...string) int {
	c.t.Helper()
	c.stdout.Reset()
	c.stderr.Reset()
	c.env.stdin, c.env.stdout, c.env.stderr = strings.NewReader(c.stdin), &c.stdout, &c.stderr
	return run(args, c.env)
}

func (c *cli) mustRun(want int, args ...string) {
	c.t.Helper()
	if got := c.run(args...); got != want {
		c.t.Fatalf("actas %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), got, want, c.stdout.String(), c.stderr.String())
	}
}

// login signs the demo operator in, with the backend named by flags.
func (c *cli) login() {
	c.t.Helper()
	c.stdin = demo.OperatorPassword + "\n"
	c.mustRun(0, "login", "--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail, "--password-stdin")
}

func (c *cli) journal() []session.Entry {
	entries, _, err := session.ReadJournal(c.env.journalPath)
	if err != nil {
		c.t.Fatal(err)
	}
	return entries
}
