package session

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestJournalAppendsSyncedLinesWithMode0600(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "actas", "audit.jsonl")
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for _, ev := range []string{EventLogin, EventImpersonateStart, EventImpersonateStop} {
		if err := j.Append(Entry{Time: at, Event: ev, Operator: "op@example.com"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v %v", info.Mode(), err)
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm() != 0o700 {
		t.Fatalf("dir mode %v", dir.Mode())
	}
	got, skipped, err := ReadJournal(path)
	if err != nil || skipped != 0 || len(got) != 3 || got[1].Event != EventImpersonateStart || !got[0].Time.Equal(at) {
		t.Fatalf("%+v skipped %d %v", got, skipped, err)
	}
	if err := j.Append(Entry{Event: EventLogout}); err == nil {
		t.Fatal("append after close succeeded")
	}
}

// A crash mid-write leaves a torn last line: reading skips it, and the next entry still
// lands on a line of its own.
func TestTornLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	whole := `{"time":"2026-11-22T10:00:00Z","event":"login"}` + "\n"
	if err := os.WriteFile(path, []byte(whole+`{"time":"2026-11-22T10:00:01Z","ev`), 0o644); err != nil {
		t.Fatal(err)
	}
	got, skipped, err := ReadJournal(path)
	if err != nil || len(got) != 1 || skipped != 1 {
		t.Fatalf("%+v skipped %d %v", got, skipped, err)
	}
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Append(Entry{Event: EventLogout}); err != nil {
		t.Fatal(err)
	}
	j.Close()
	got, skipped, _ = ReadJournal(path)
	if len(got) != 2 || got[1].Event != EventLogout || skipped != 1 {
		t.Fatalf("after reopening: %+v skipped %d", got, skipped)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("an existing journal kept mode %v", info.Mode())
	}
}

func TestReadMissingJournal(t *testing.T) {
	got, skipped, err := ReadJournal(filepath.Join(t.TempDir(), "none.jsonl"))
	if err != nil || got != nil || skipped != 0 {
		t.Fatalf("%v %d %v", got, skipped, err)
	}
}

// Every failure of the journal is ErrJournal, with its cause kept.
func TestJournalErrorsMatchErrJournal(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(filepath.Join(blocker, "audit.jsonl")) // its directory is a file
	if !errors.Is(err, ErrJournal) || !strings.Contains(err.Error(), blocker) {
		t.Fatalf("open: %v", err)
	}

	j, err := OpenJournal(filepath.Join(dir, "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Append(Entry{Time: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Event: EventLogin}); !errors.Is(err, ErrJournal) {
		t.Fatalf("unencodable entry: %v", err)
	}
	j.Close()
	if err := j.Append(Entry{Event: EventLogout}); !errors.Is(err, ErrJournal) || !strings.Contains(err.Error(), "closed") {
		t.Fatalf("after close: %v", err)
	}
}
