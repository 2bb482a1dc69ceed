// Package e2e drives the real actas binary in tmux, as a person would, against the demo
// backend.
package e2e

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	demo "actas/demo/appwrite"
	"actas/internal/testenv"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// build compiles the console once (without the race detector: it is a user's binary),
// for a test that drives it in tmux.
func build(t *testing.T) string {
	t.Helper()
	_, err := exec.LookPath("tmux")
	testenv.Require(t, err == nil, "tmux", "apt-get install tmux")
	return buildBinary(t)
}

// buildBinary compiles the console once.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "actas-e2e-bin")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "actas")
		out, err := exec.Command("go", "build", "-o", binary, "..").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binary
}

// userEnv is a fresh HOME, so the journal, the recent profile and anything else the
// binary might write land where the test can search them.
//
// Only the Secret Service is tried (ACTAS_KEYRING): the binary never writes to the
// developer's kernel keyring; headless_test gives it a user namespace of its own.
func userEnv(home string) []string {
	env := []string{"HOME=" + home, "TERM=xterm-256color", "COLORTERM=truecolor", "XDG_STATE_HOME=", "XDG_CONFIG_HOME=",
		"ACTAS_KEYRING=secret-service"}
	if bus := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); bus != "" && os.Getenv("WITH_SECRET_SERVICE") == "1" {
		env = append(env, "DBUS_SESSION_BUS_ADDRESS="+bus) // the private keyring of scripts/with-secret-service
	} else { // never the developer's own
		env = append(env, "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
	}
	return env
}

// The README's first command: the login form appears at once, filled in for the demo.
func TestDemoStartsAtTheLoginForm(t *testing.T) {
	bin := build(t)
	tm := newTerm(t, 120, 40)
	start := time.Now()
	tm.start(userEnv(t.TempDir()), bin+" --demo")
	screen := tm.waitText("Sign in as yourself")
	firstFrame := time.Since(start)
	t.Logf("process start to the first frame of the login screen: %v (goal: under 100 ms)", firstFrame.Round(time.Millisecond))
	if firstFrame > 2*time.Second {
		t.Fatalf("the login screen took %v", firstFrame)
	}
	for _, want := range []string{"http://127.0.0.1:", "demo", demo.OperatorEmail, "› Password", demo.OperatorPassword} {
		if !strings.Contains(screen, want) {
			t.Fatalf("login form lacks %q:\n%s", want, screen)
		}
	}
	tm.text(demo.OperatorPassword)
	tm.keys("Enter")
	tm.waitText("Mallory")
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}

// The whole errand: sign in, search "ada", act as her, see the banner and her account,
// stop, read the audit, quit; then check the terminal, the journal and the disk.
func TestActAsAndStop(t *testing.T) {
	bin := build(t)
	srv := demo.New(demo.Options{Users: 2000})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	home := t.TempDir()
	tm := newTerm(t, 120, 40)
	tm.start(userEnv(home), bin+" --endpoint "+hs.URL+" --project demo --email "+demo.OperatorEmail)

	tm.waitText("› Password")
	tm.text(demo.OperatorPassword)
	tm.keys("Enter")
	tm.waitText("Mallory")

	tm.keys("/")
	tm.text("ada")
	tm.keys("Enter")
	tm.waitFor("the results for ada", func(s string) bool {
		return strings.Contains(s, "Ada Lovelace") && !strings.Contains(s, "Sam Support")
	})
	tm.keys("i")
	tm.waitText("Act as this user?")
	tm.keys("Enter")
	screen := tm.waitText("Their sessions (2)")
	first := strings.SplitN(screen, "\n", 2)[0]
	if !strings.HasPrefix(first, "IMPERSONATING ada@example.com (ada) “Ada Lovelace” · READ-ONLY · operator support@example.com · 00:0") ||
		!strings.Contains(first, "ctrl+x stop") {
		t.Fatalf("banner: %q", first)
	}
	if !strings.Contains(screen, "+14155550100") || !strings.Contains(screen, "Pref theme") {
		t.Fatalf("Ada's account is not shown:\n%s", screen)
	}

	tm.keys("C-x")
	screen = tm.waitText("Stopped acting as ada@example.com (ada)")
	if strings.Contains(screen, "IMPERSONATING") {
		t.Fatalf("banner after stop:\n%s", screen)
	}
	mark := len(srv.Seen())

	tm.keys("a")
	screen = tm.waitText("impersonation.stop")
	if !strings.Contains(screen, "impersonation.start") || !strings.Contains(screen, "why: key") {
		t.Fatalf("audit screen:\n%s", screen)
	}
	tm.keys("q")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	if tm.altScreen() {
		t.Fatal("the terminal was left in the alternate screen")
	}
	if s := tm.screen(); strings.Contains(s, "actas ·") || strings.Contains(s, "Audit") {
		t.Fatalf("the console is still on screen after quitting:\n%s", s)
	}
	for _, s := range srv.Seen()[mark:] {
		if s.Impersonating() {
			t.Fatalf("after stop %s %s carried %v", s.Method, s.Path, s.Impersonation)
		}
	}

	checkJournal(t, filepath.Join(home, ".local", "state", "actas", "audit.jsonl"))
	checkNoSessionOnDisk(t, home, srv)
}

func checkJournal(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("journal: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("journal mode %v", info.Mode())
	}
	f, _ := os.Open(path)
	defer f.Close()
	var events []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e struct{ Event, Target, Why string }
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("journal line %q: %v", sc.Text(), err)
		}
		if e.Event == "impersonation.start" || e.Event == "impersonation.stop" {
			events = append(events, e.Event+":"+e.Target+":"+e.Why)
		}
	}
	if strings.Join(events, " ") != "impersonation.start:ada: impersonation.stop:ada:key" {
		t.Fatalf("journal events %v", events)
	}
}

var tokenLike = regexp.MustCompile(`[A-Za-z0-9_-]{20,}`)

// checkNoSessionOnDisk reads every file the binary could have written under HOME and
// asks the demo backend whether any token in them is a live session value.
func checkNoSessionOnDisk(t *testing.T, home string, srv *demo.Server) {
	t.Helper()
	files := 0
	_ = filepath.WalkDir(home, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		files++
		b, _ := os.ReadFile(path)
		for _, tok := range tokenLike.FindAllString(string(b), -1) {
			if srv.IsSessionSecret(tok) {
				t.Fatalf("%s holds the session value", path)
			}
		}
		return nil
	})
	if files == 0 {
		t.Fatal("nothing written under HOME: the journal is missing")
	}
}
