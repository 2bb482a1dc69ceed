package session

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var startedAt = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

// TestHelperProcess is not a test: it is the child of deadProcess, waiting for its stdin
// to close.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("ACTAS_JOURNAL_HELPER") != "1" {
		return
	}
	io.Copy(io.Discard, os.Stdin)
	os.Exit(0)
}

// deadProcess is a process of this host that ran and is gone (waited for), with its start
// identity taken while it ran.
func deadProcess(t *testing.T) process {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	// GORACE: a race-enabled child otherwise sleeps a second before exiting.
	cmd.Env = append(os.Environ(), "ACTAS_JOURNAL_HELPER=1", "GORACE=atexit_sleep_ms=0")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := process{pid: cmd.Process.Pid, start: processStart(cmd.Process.Pid), host: currentProcess().host}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	return p
}

// startLine is what a console that is p journaled when it started impersonation id.
func startLine(p process, id string) Entry {
	return Entry{Time: startedAt, Event: EventImpersonateStart, Impersonation: id, Backend: "https://aw.example/v1",
		Project: "demo", Operator: "op@example.com", OperatorID: "op1", Target: "ada", TargetName: "ada@example.com",
		NamedBy: "email", NamedAs: "ada@example.com", Reason: "HELP-4711", PID: p.pid, ProcStart: p.start, Host: p.host}
}

// writeJournal writes lines as an earlier console left them, then raw (a torn tail, say).
func writeJournal(t *testing.T, lines []Entry, raw string) string {
	t.Helper()
	var b strings.Builder
	for _, e := range lines {
		line, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	if err := os.WriteFile(path, []byte(b.String()+raw), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// openUnterminated opens and closes the journal at path and returns what it recorded.
func openUnterminated(t *testing.T, path string) []Entry {
	t.Helper()
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	return j.Unterminated()
}

func TestKilledImpersonationIsRecordedAsUnterminated(t *testing.T) {
	dead := deadProcess(t)
	start := startLine(dead, "0123456789abcdef")
	req := Entry{Time: startedAt.Add(time.Second), Event: EventRequest, Impersonation: start.Impersonation, Method: "GET", Path: "/account"}
	path := writeJournal(t, []Entry{start, req}, "")

	got := openUnterminated(t, path)
	if len(got) != 1 {
		t.Fatalf("recorded %+v", got)
	}
	u := got[0]
	want := fmt.Sprintf("started 2026-11-22T10:00:00Z by pid %d on host %s and never stopped (the console was killed)", dead.pid, dead.host)
	if u.Event != EventImpersonateUnterminated || u.Impersonation != start.Impersonation || u.Target != "ada" ||
		u.TargetName != "ada@example.com" || u.Operator != "op@example.com" || u.OperatorID != "op1" ||
		u.Backend != start.Backend || u.Project != "demo" || u.Reason != "HELP-4711" || u.Detail != want || u.Time.IsZero() {
		t.Fatalf("recorded %+v\nwant detail %q", u, want)
	}
	lines, skipped, err := ReadJournal(path)
	if err != nil || skipped != 0 || len(lines) != 3 || lines[2].Event != EventImpersonateUnterminated || lines[2].Detail != want {
		t.Fatalf("journal %+v skipped %d %v", lines, skipped, err)
	}
}

// A start line from this process (a console running right now) is not flagged, and Append
// stamped it with this process's identity, whatever the caller gave.
func TestLiveConsoleIsNotUnterminated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Append(Entry{Time: startedAt, Event: EventImpersonateStart, Impersonation: NewImpersonationID(), PID: 1, Host: "forged"}); err != nil {
		t.Fatal(err)
	}
	j.Close()
	lines, _, _ := ReadJournal(path)
	self := currentProcess()
	if s := lines[0]; s.PID != os.Getpid() || s.Host != self.host || s.Host == "" || s.ProcStart != self.start ||
		(runtime.GOOS == "linux" && s.ProcStart == "") {
		t.Fatalf("start line %+v, want pid %d, host %q, procStart %q", s, os.Getpid(), self.host, self.start)
	}
	if got := openUnterminated(t, path); len(got) != 0 {
		t.Fatalf("a live console's impersonation was flagged: %+v", got)
	}
}

func TestStoppedImpersonationIsNotUnterminated(t *testing.T) {
	dead := deadProcess(t)
	start := startLine(dead, "aaaaaaaaaaaaaaaa")
	stop := Entry{Time: startedAt.Add(time.Minute), Event: EventImpersonateStop, Impersonation: start.Impersonation, Why: "key"}
	other := startLine(dead, "bbbbbbbbbbbbbbbb") // its stop names another impersonation
	path := writeJournal(t, []Entry{start, other, stop}, "")
	got := openUnterminated(t, path)
	if len(got) != 1 || got[0].Impersonation != other.Impersonation {
		t.Fatalf("recorded %+v, want only %s", got, other.Impersonation)
	}
}

// Another host's processes cannot be asked, and older lines have no impersonation id.
func TestUnterminatedNeedsThisHostAndAnID(t *testing.T) {
	dead := deadProcess(t)
	elsewhere := startLine(dead, "cccccccccccccccc")
	elsewhere.Host = "elsewhere.example"
	old := startLine(dead, "")
	path := writeJournal(t, []Entry{elsewhere, old}, "")
	if got := openUnterminated(t, path); len(got) != 0 {
		t.Fatalf("recorded %+v", got)
	}
}

// The pid of a killed console now belongs to another process (here: this one): its start
// identity tells them apart.
func TestReusedPidIsUnterminated(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("process start identity is only known on Linux")
	}
	reused := currentProcess()
	reused.start = "00000000-0000-0000-0000-000000000000:1"
	path := writeJournal(t, []Entry{startLine(reused, "dddddddddddddddd")}, "")
	if got := openUnterminated(t, path); len(got) != 1 || got[0].Impersonation != "dddddddddddddddd" {
		t.Fatalf("recorded %+v", got)
	}
}

func TestUnterminatedIsRecordedOnce(t *testing.T) {
	path := writeJournal(t, []Entry{startLine(deadProcess(t), "eeeeeeeeeeeeeeee")}, "")
	if got := openUnterminated(t, path); len(got) != 1 {
		t.Fatalf("first open recorded %+v", got)
	}
	if got := openUnterminated(t, path); len(got) != 0 {
		t.Fatalf("second open recorded %+v again", got)
	}
	lines, _, _ := ReadJournal(path)
	if len(lines) != 2 {
		t.Fatalf("journal %+v", lines)
	}
}

// A torn last line (the killed console was mid-write) is still closed off first, and the
// unterminated line lands on a line of its own.
func TestUnterminatedAfterATornLine(t *testing.T) {
	path := writeJournal(t, []Entry{startLine(deadProcess(t), "ffffffffffffffff")}, `{"time":"2026-11-22T10:00:01Z","event":"requ`)
	if got := openUnterminated(t, path); len(got) != 1 {
		t.Fatalf("recorded %+v", got)
	}
	lines, skipped, err := ReadJournal(path)
	if err != nil || skipped != 1 || len(lines) != 2 || lines[1].Event != EventImpersonateUnterminated {
		t.Fatalf("journal %+v skipped %d %v", lines, skipped, err)
	}
}

func TestImpersonationIDs(t *testing.T) {
	a, b := NewImpersonationID(), NewImpersonationID()
	if len(a) != 16 || strings.Trim(a, "0123456789abcdef") != "" || a == b {
		t.Fatalf("%q %q", a, b)
	}
}
