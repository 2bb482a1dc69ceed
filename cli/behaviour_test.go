package cli

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	alldemo "actas/demo"
	demo "actas/demo/appwrite"
)

func TestMistypedCommandsSuggest(t *testing.T) {
	c := newCLI(t)
	for args, want := range map[string]string{
		"logn":        "did you mean login? (see actas --help)",
		"audi":        "did you mean audit?",
		"users serch": "did you mean search? (see actas users --help)",
		"demo totpp":  "did you mean totp?",
	} {
		c.mustRun(2, strings.Fields(args)...)
		if !strings.Contains(c.stderr.String(), want) || strings.Count(c.stderr.String(), "\n") != 1 {
			t.Fatalf("actas %s: stderr %q, want %q", args, c.stderr.String(), want)
		}
	}
	c.mustRun(2, "users")
	if !strings.Contains(c.stderr.String(), "actas users search QUERY") {
		t.Fatalf("users alone: %q", c.stderr.String())
	}
}

func TestBadFlagsPointToHelp(t *testing.T) {
	c := newCLI(t)
	c.mustRun(2, "whoami", "--bogus")
	if !strings.Contains(c.stderr.String(), "unknown flag: --bogus (see actas whoami --help)") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	c.mustRun(2, "users", "search", "ada", "--limit", "many")
	if !strings.Contains(c.stderr.String(), "(see actas users search --help)") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}

// errorLine parses stderr as the one JSON line a --json command prints when it fails.
func errorLine(t *testing.T, c *cli) errorJSON {
	t.Helper()
	var e errorJSON
	line := c.stderr.String()
	if strings.Count(line, "\n") != 1 || json.Unmarshal([]byte(line), &e) != nil || e.Error == "" {
		t.Fatalf("stderr is not one JSON error line: %q", line)
	}
	return e
}

func TestJSONCommandsFailInJSON(t *testing.T) {
	c := newCLI(t)
	backend := []string{"--endpoint", c.url, "--project", "demo", "--email", demo.OperatorEmail}
	for _, tc := range []struct {
		args []string
		code int
		kind string
	}{
		{append([]string{"users", "search", "ada", "--json"}, backend...), 3, "not_signed_in"},
		{append([]string{"as", "ada", "--json"}, append(backend, "--", "GET", "/account")...), 3, "not_signed_in"},
		{[]string{"users", "search", "--json", "--limit", "0", "ada"}, 2, "usage"},
		{[]string{"audit", "--json", "--since", "yesterday"}, 2, "usage"},
		{[]string{"whoami", "--json", "--bogus"}, 2, "usage"},
	} {
		c.mustRun(tc.code, tc.args...)
		if e := errorLine(t, c); e.Code != tc.code || e.Kind != tc.kind {
			t.Fatalf("actas %s: %+v", strings.Join(tc.args, " "), e)
		}
	}
	c.login()
	c.mustRun(1, "as", "nobody-by-this-id", "--json", "--", "GET", "/account")
	if e := errorLine(t, c); e.Code != 1 || e.Kind != "refused" || c.stdout.Len() != 0 {
		t.Fatalf("%+v, stdout %q", e, c.stdout.String())
	}
	// Without --json the error stays a line of text.
	c.mustRun(1, "as", "nobody-by-this-id", "--", "GET", "/account")
	if !strings.HasPrefix(c.stderr.String(), "actas: ") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}

// Server text in a JSON error is escaped like any JSON output: no raw escape byte.
func TestJSONErrorEscapesTerminalCharacters(t *testing.T) {
	c := newCLI(t)
	c.mustRun(2, "users", "search", "--json", "--limit", "x\x1b]0;owned\x07\u009b")
	if strings.ContainsAny(c.stderr.String(), "\x1b\x07\u009b") {
		t.Fatalf("raw control characters: %q", c.stderr.String())
	}
	errorLine(t, c)
}

func TestWhoamiJSONAnswersWhenSignedOut(t *testing.T) {
	c := newCLI(t)
	c.mustRun(3, "whoami", "--json", "--endpoint", c.url, "--project", "demo", "--email", "Support@Example.com")
	var out map[string]any
	if err := json.Unmarshal(c.stdout.Bytes(), &out); err != nil || out["signedIn"] != false ||
		out["email"] != "support@example.com" || out["endpoint"] != c.url {
		t.Fatalf("stdout %q: %v", c.stdout.String(), err)
	}
	if e := errorLine(t, c); e.Kind != "not_signed_in" {
		t.Fatalf("%+v", e)
	}
	c.login()
	c.mustRun(0, "whoami", "--json")
	if err := json.Unmarshal(c.stdout.Bytes(), &out); err != nil || out["signedIn"] != true || out["id"] != demo.OperatorID {
		t.Fatalf("signed in: %q %v", c.stdout.String(), err)
	}
}

func TestProfileNamesComplete(t *testing.T) {
	c := newCLI(t)
	c.writeConfig("[profiles.production]\nendpoint = \"https://a.example/v1\"\n[profiles.prod-eu]\nendpoint = \"https://b.example/v1\"\n" +
		"[profiles.staging]\nendpoint = \"https://c.example/v1\"\n")
	c.mustRun(0, "__complete", "--profile", "pro")
	if lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n"); strings.Join(lines, " ") != "prod-eu production :4" {
		t.Fatalf("completions %q", c.stdout.String())
	}
	c.mustRun(0, "__complete", "whoami", "--profile", "")
	if !strings.Contains(c.stdout.String(), "staging") {
		t.Fatalf("subcommand completions %q", c.stdout.String())
	}
}

func TestConsoleWithoutATerminalSaysSo(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{{}, {"--demo"}} {
		c.mustRun(2, args...)
		if msg := c.stderr.String(); !strings.Contains(msg, "the console needs a terminal") || strings.Count(msg, "\n") != 1 {
			t.Fatalf("actas %v: stderr %q", args, msg)
		}
	}
	c.env.terminal = func() bool { return false }
	c.mustRun(2)
}

func TestDemoRefusesBadCounts(t *testing.T) {
	c := newCLI(t)
	for _, args := range [][]string{
		{"demo", "--users", "0"}, {"demo", "--users", "-3"}, {"demo", "--users", "2000000"}, {"demo", "--tenants", "0"}, {"demo", "--tenants", "100001"}, {"demo", "--members", "0"},
		{"demo", "--login-limit", "0"}, {"demo", "--login-limit", "-2"}, {"demo", "--fault-rate", "1.5"},
		{"demo", "--drop-rate", "-0.1"}, {"demo", "--latency", "-1s"}, {"demo", "--users", "ten"},
	} {
		c.mustRun(2, args...)
		if strings.Count(c.stderr.String(), "\n") != 1 {
			t.Fatalf("actas %v: %q", args, c.stderr.String())
		}
	}
	c.env.terminal = func() bool { return true }
	c.mustRun(2, "--demo", "--demo-users", "0")
	if !strings.Contains(c.stderr.String(), "--demo-users 0") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}

// syncBuffer is a bytes.Buffer that a serving goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// serve runs serveDemo until its first line is out, then stops it.
func serve(t *testing.T, listen string, asJSON bool) (out, errOut string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- serveDemo(ctx, listen, demoOptions{users: 50, tenants: 30, members: 40, seed: 1, loginLimit: 10}, asJSON, w, &stderr)
	}()
	line := make([]byte, 4096)
	n, err := r.Read(line)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the demo did not stop")
	}
	return string(line[:n]), stderr.String()
}

func TestDemoJSONIsWhatAScriptNeeds(t *testing.T) {
	out, errOut := serve(t, "127.0.0.1:0", true)
	var all alldemo.Info
	if err := json.Unmarshal([]byte(out), &all); err != nil || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not one JSON line: %q (%v)", out, err)
	}
	info := all.Appwrite
	if !strings.HasPrefix(info.Endpoint, "http://127.0.0.1:") || info.Project != demo.DefaultProject || info.APIKey == "" ||
		info.Users != 50 || len(info.Accounts) != 3 || info.Accounts[0].Email != demo.OperatorEmail ||
		info.Accounts[0].Password != demo.OperatorPassword || info.Accounts[2].TOTPSecret != demo.MFATOTPSecret {
		t.Fatalf("%+v", info)
	}
	if ir := all.Ironflow; ir.Endpoint != info.Endpoint[:len(info.Endpoint)-len("/v1")]+"/api/v1" || ir.Tenants != 30 || len(ir.PlatformKeys) == 0 {
		t.Fatalf("ironflow %+v", ir)
	}
	if errOut != "" {
		t.Fatalf("a loopback demo warned: %q", errOut)
	}
}

func TestDemoOnTheNetworkWarns(t *testing.T) {
	_, errOut := serve(t, "0.0.0.0:0", false)
	if !strings.Contains(errOut, "not a loopback address") || !strings.Contains(errOut, "served to the network") {
		t.Fatalf("stderr %q", errOut)
	}
}

// JSON errors only where --json was asked of a command that has it, read as the flag
// parser reads it.
func TestWantsJSONReadsTheCommandLineAsCobraDoes(t *testing.T) {
	c := newCLI(t)
	for _, tc := range []struct {
		args []string
		json bool
	}{
		{[]string{"whoami", "--bogus", "--json=t"}, true},
		{[]string{"whoami", "--bogus", "--json=false"}, false},
		{[]string{"login", "--json"}, false},                                    // login has no --json
		{[]string{"as", "ada", "--reason", "--json", "--", "GET", "/x"}, false}, // the reason's value
		{[]string{"as", "ada", "--bogus", "--", "GET", "/x", "--json"}, false},  // after --: the request's
	} {
		c.run(tc.args...)
		got := strings.HasPrefix(c.stderr.String(), "{")
		if got != tc.json {
			t.Fatalf("actas %s: JSON error %v, want %v: %q", strings.Join(tc.args, " "), got, tc.json, c.stderr.String())
		}
	}
}

// A mistyped command is said as such even when a flag after it is unknown to the parent.
func TestMistypedCommandBeforeAFlagStillSuggests(t *testing.T) {
	c := newCLI(t)
	for args, want := range map[string]string{
		"whoamii --json":           "did you mean whoami?",
		"--profile x logn":         "did you mean login?",
		"users serch --json ada":   "did you mean search?",
		"--endpoint http://x audi": "did you mean audit?",
	} {
		c.mustRun(2, strings.Fields(args)...)
		if !strings.Contains(c.stderr.String(), want) {
			t.Fatalf("actas %s: %q, want %q", args, c.stderr.String(), want)
		}
	}
}

// --hostile reaches every dialect's demo, each with its own hostile text.
func TestDemoHostileReachesEveryDialect(t *testing.T) {
	o := demoOptions{users: 10, tenants: 10, members: 10, hostile: true}.options()
	if o.Appwrite.Knobs.Hostile == "" || o.Ironflow.Knobs.Hostile == "" || o.Mpdx.Knobs.Hostile == "" || o.Ironflow.Knobs.Hostile == o.Appwrite.Knobs.Hostile {
		t.Fatalf("appwrite %q, ironflow %q", o.Appwrite.Knobs.Hostile, o.Ironflow.Knobs.Hostile)
	}
	if o := (demoOptions{users: 10, tenants: 10}).options(); o.Appwrite.Knobs.Hostile != "" || o.Ironflow.Knobs.Hostile != "" {
		t.Fatal("hostile without --hostile")
	}
}
