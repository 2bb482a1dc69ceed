package e2e

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	demo "actas/demo/appwrite"
)

// The console is killed (SIGKILL) while acting as Ada, so it never journals the stop.
// The next start, with the same HOME, finds the impersonation still open, journals an
// impersonation.unterminated line for it and says so on the login screen.
func TestKilledMidImpersonation(t *testing.T) {
	t.Parallel()
	bin := build(t)
	srv := demo.New(demo.Options{Users: 1000})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	home := t.TempDir()
	tm := newTerm(t, 120, 40)
	pidFile := filepath.Join(tm.dir, "pid")
	// The wrapper writes its pid, then becomes the console: that pid is the console's.
	tm.start(withoutKeyring(home), "sh -c 'echo $$ > "+pidFile+"; exec "+consoleLine(bin, hs.URL)+"'")
	signIn(tm)
	search(tm, "ada", "ada@example.com", "Sam Support")
	actAs(tm, "Their sessions (2)")

	var start map[string]any
	for _, e := range journal(t, home) {
		if e["event"] == "impersonation.start" {
			start = e
		}
	}
	if start == nil || start["target"] != demo.AdaID || start["impersonation"] == nil || start["impersonation"] == "" {
		t.Fatalf("no impersonation.start line for ada with an id in the journal: %v", start)
	}
	b, err := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		t.Fatalf("pid file: %q %v", b, err)
	}
	if got, _ := start["pid"].(float64); int(got) != pid {
		t.Fatalf("the start line names pid %v, the console runs as %d", start["pid"], pid)
	}
	proc, err := os.FindProcess(pid)
	if err == nil {
		err = proc.Kill() // SIGKILL: no signal handler runs, nothing is journaled
	}
	if err != nil {
		t.Fatal(err)
	}
	if status := tm.exitStatus(); status != "137" { // 128 + SIGKILL, and reaped by the shell
		t.Fatalf("exit status after kill -9: %s", status)
	}
	for _, e := range journal(t, home) {
		if e["event"] == "impersonation.stop" {
			t.Fatalf("a killed console journaled a stop: %v", e)
		}
	}

	_ = os.Remove(filepath.Join(tm.dir, "exit-status"))
	began := time.Now()
	tm.start(withoutKeyring(home), consoleLine(bin, hs.URL))
	screen := tm.waitText("never ended")
	t.Logf("restart to the login screen's note: %v", time.Since(began).Round(time.Millisecond))
	if !strings.Contains(screen, "Sign in as yourself") || !strings.Contains(screen, "ada@example.com (ada)") {
		t.Fatalf("login screen after the kill:\n%s", screen)
	}
	var found []map[string]any
	for _, e := range journal(t, home) {
		if e["event"] == "impersonation.unterminated" {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d impersonation.unterminated lines, want 1: %v", len(found), found)
	}
	u := found[0]
	if u["target"] != demo.AdaID || u["targetEmail"] != demo.AdaEmail || u["impersonation"] != start["impersonation"] ||
		u["operator"] != demo.OperatorEmail {
		t.Fatalf("unterminated line %v does not close start %v", u, start)
	}
	if d, _ := u["detail"].(string); !strings.Contains(d, "pid "+strconv.Itoa(pid)) {
		t.Fatalf("unterminated line's detail %q does not name pid %d", d, pid)
	}

	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}

	// Once recorded, it is closed: the next start has nothing to say.
	_ = os.Remove(filepath.Join(tm.dir, "exit-status"))
	tm.start(withoutKeyring(home), consoleLine(bin, hs.URL))
	if screen := tm.waitText("Sign in as yourself"); strings.Contains(screen, "never ended") {
		t.Fatalf("the note came back on the next start:\n%s", screen)
	}
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	n := 0
	for _, e := range journal(t, home) {
		if e["event"] == "impersonation.unterminated" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d impersonation.unterminated lines after another start, want 1", n)
	}
}

// withoutKeyring is userEnv with no Secret Service reachable: every start signs in at the
// form, so the form's note is what the test reads (a keyring would resume the session).
func withoutKeyring(home string) []string {
	return append(userEnv(home), "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
}
