package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actas/session"
)

// writeJournalLines writes raw journal lines, as a crashed or killed console left them.
func writeJournalLines(t *testing.T, path string, lines ...string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
}

func journalLine(t *testing.T, e session.Entry) string {
	t.Helper()
	line, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return string(line)
}

// Lines the journal cannot read are counted on stderr, in both modes; stdout stays JSON.
func TestAuditSaysWhatItSkipped(t *testing.T) {
	c := newCLI(t)
	now := time.Now().UTC()
	writeJournalLines(t, c.env.journalPath,
		journalLine(t, session.Entry{Time: now, Event: session.EventLogin, Operator: "op@example.com"}),
		"not json", `{"time":"2026-11-22T10:00:01Z","ev`)
	want := "actas: 2 journal lines could not be read and were skipped (" + c.env.journalPath + ")\n"

	c.mustRun(0, "audit", "--json")
	var rows []auditJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("stdout %q: %v", c.stdout.String(), err)
	}
	if !saysOnce(c.stderr.String(), want) {
		t.Fatalf("stderr %q, want %q", c.stderr.String(), want)
	}
	c.mustRun(0, "audit")
	if !strings.Contains(c.stdout.String(), "login") || !saysOnce(c.stderr.String(), want) {
		t.Fatalf("stdout %s\nstderr %q", c.stdout.String(), c.stderr.String())
	}

	writeJournalLines(t, c.env.journalPath, "{", journalLine(t, session.Entry{Time: now, Event: session.EventLogout}))
	c.mustRun(0, "audit")
	if got := c.stderr.String(); !saysOnce(got, "actas: 1 journal line could not be read and was skipped ("+c.env.journalPath+")\n") {
		t.Fatalf("stderr %q", got)
	}
}

func saysOnce(stderr, line string) bool {
	return strings.Contains(stderr, line) && strings.Count(stderr, "skipped") == 1
}

func TestAuditShowsUnterminatedImpersonations(t *testing.T) {
	c := newCLI(t)
	detail := "started 2026-11-22T10:00:00Z by pid 4242 on host x and never stopped (the console was killed)"
	writeJournalLines(t, c.env.journalPath, journalLine(t, session.Entry{Time: time.Now().UTC(),
		Event: session.EventImpersonateUnterminated, Impersonation: "0123456789abcdef", Operator: "op@example.com",
		Target: "ada", TargetName: "ada@example.com", Reason: "HELP-4711", Detail: detail}))

	c.mustRun(0, "audit", "--json")
	var rows []auditJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("stdout %q: %v", c.stdout.String(), err)
	}
	if r := rows[0]; r.Event != session.EventImpersonateUnterminated || r.Target != "ada@example.com" || r.Reason != "HELP-4711" || r.Why != detail {
		t.Fatalf("%+v", r)
	}
	c.mustRun(0, "audit")
	if out := c.stdout.String(); !strings.Contains(out, "impersonation.unterminated") || !strings.Contains(out, "ada@example.com") ||
		!strings.Contains(out, "never stopped (the console was killed)") {
		t.Fatalf("%s", out)
	}
}
