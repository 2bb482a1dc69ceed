//go:build unix

package session

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A link at the journal's path is refused, and whatever it points to keeps its content
// and mode.
func TestJournalRefusesASymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious")
	if err := os.WriteFile(target, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "audit.jsonl")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(path)
	wantJournalError(t, err, path+" is a symbolic link: refusing to follow it")
	info, _ := os.Stat(target)
	if got, _ := os.ReadFile(target); string(got) != "keep me\n" || info.Mode().Perm() != 0o644 {
		t.Fatalf("the link's target changed: %q, mode %v", got, info.Mode())
	}
}

// A dangling link is refused too: O_CREAT would otherwise create its target.
func TestJournalRefusesADanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "created-elsewhere")
	path := filepath.Join(dir, "audit.jsonl")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(path)
	wantJournalError(t, err, "is a symbolic link")
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the link's target was created: %v", err)
	}
}

// A named pipe is refused without blocking the open (the test would hang otherwise).
func TestJournalRefusesANamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(path)
	wantJournalError(t, err, path+" is not a regular file (a named pipe)")
}

func TestJournalRefusesADirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(path)
	wantJournalError(t, err, path+" is not a regular file (a directory)")
}

// Someone else's file is refused, and not made ours by a chmod.
func TestJournalRefusesAnotherUsersFile(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to give a file to another user (uid 12345)")
	}
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 12345, 12345); err != nil {
		t.Fatal(err)
	}
	_, err := OpenJournal(path)
	wantJournalError(t, err, path+" is owned by uid 12345, not you (uid 0)")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Fatalf("mode changed to %v", info.Mode())
	}
}

func wantJournalError(t *testing.T, err error, want string) {
	t.Helper()
	if !errors.Is(err, ErrJournal) || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("got %v, want ErrJournal saying %q on one line", err, want)
	}
}
