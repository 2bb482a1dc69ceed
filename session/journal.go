package session

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/adrg/xdg"
)

// Journal events.
const (
	EventLogin             = "login"
	EventLogout            = "logout"
	EventImpersonateStart  = "impersonation.start"
	EventImpersonateRefuse = "impersonation.refused"
	EventImpersonateStop   = "impersonation.stop"
	EventRequest           = "request"
	EventRequestRefused    = "request.refused"
	EventRequestIntent     = "request.write" // a write about to be sent, journaled first
	EventElevate           = "impersonation.write"
	// EventImpersonateUnterminated closes, at the next open, an impersonation whose console
	// was killed before it could journal the stop.
	EventImpersonateUnterminated = "impersonation.unterminated"
)

// ErrJournal is matched (errors.Is) by every error OpenJournal and Append return: an
// impersonation must stop at once when its journal cannot be written.
var ErrJournal = errors.New("the audit journal could not be written")

// journalErr wraps cause in ErrJournal, keeping cause's message on the same line.
func journalErr(cause error) error { return fmt.Errorf("%w: %w", ErrJournal, cause) }

// Entry is one journal line. It never holds a secret or a body.
type Entry struct {
	Time       time.Time `json:"time"`
	Event      string    `json:"event"`
	Dialect    string    `json:"dialect,omitempty"` // the backend's kind
	Backend    string    `json:"backend,omitempty"`
	Project    string    `json:"project,omitempty"`
	Operator   string    `json:"operator,omitempty"` // email
	OperatorID string    `json:"operatorId,omitempty"`
	Target     string    `json:"target,omitempty"` // the effective user's id
	TargetName string    `json:"targetEmail,omitempty"`
	Scope      string    `json:"scope,omitempty"`   // where in the target the operator acts: an environment
	NamedBy    string    `json:"namedBy,omitempty"` // how the operator named the target: id, email or phone
	NamedAs    string    `json:"namedAs,omitempty"` // what the operator typed
	Reason     string    `json:"reason,omitempty"`
	Why        string    `json:"why,omitempty"` // why impersonation stopped, or was refused
	Via        string    `json:"via,omitempty"` // how the operator signed in
	Detail     string    `json:"detail,omitempty"`
	Method     string    `json:"method,omitempty"`
	Path       string    `json:"path,omitempty"`
	Status     int       `json:"status,omitempty"`
	DurationMS int64     `json:"durationMs,omitempty"`
	// Impersonation ties the start, stop and request lines of one impersonation together
	// (NewImpersonationID).
	Impersonation string `json:"impersonation,omitempty"`
	// Seq numbers the requests of one impersonation, so that a response line pairs with its
	// request line.
	Seq int `json:"seq,omitempty"`
	// Attempt numbers the sendings of one request line: a retried read is journaled again
	// before each retry goes out (omitted for the first).
	Attempt int `json:"attempt,omitempty"`
	// Who wrote a start line, filled in by Append, so a later open can tell whether that
	// process is gone: pid, its start identity (survives pid reuse; empty where unknown)
	// and the host.
	PID       int    `json:"pid,omitempty"`
	ProcStart string `json:"procStart,omitempty"`
	Host      string `json:"host,omitempty"`
}

// DefaultJournalPath is $XDG_STATE_HOME/actas/audit.jsonl (~/.local/state/actas/ by default).
func DefaultJournalPath() string {
	return filepath.Join(xdg.StateHome, "actas", "audit.jsonl")
}

// Journal is the console's own append-only audit log: JSON lines, mode 0600, each line
// written and fsync'd before the call returns.
type Journal struct {
	mu           sync.Mutex
	f            *os.File
	path         string
	self         process // this process, stamped on start lines
	unterminated []Entry
}

// OpenJournal opens (or creates) the journal: a regular file of the current user, never
// through a symbolic link. A line left torn by a crash is closed off first, so the next
// entry starts on a line of its own; then impersonations left open by a killed console are
// closed off (Unterminated).
func OpenJournal(path string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, journalErr(err)
	}
	f, err := openJournalFile(path)
	if err != nil {
		return nil, journalErr(err)
	}
	j := &Journal{f: f, path: path, self: currentProcess()}
	if err := j.open(); err != nil {
		f.Close()
		return nil, journalErr(err)
	}
	return j, nil
}

// open runs under an exclusive lock so that two consoles starting together do not both
// record the same unterminated impersonation.
func (j *Journal) open() error {
	defer lockFile(j.f)()
	if err := closeTornLine(j.f); err != nil {
		return err
	}
	return j.recordUnterminated()
}

func closeTornLine(f *os.File) error {
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return err
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, info.Size()-1); err != nil {
		return err
	}
	if last[0] == '\n' {
		return nil
	}
	if _, err := f.Write([]byte("\n")); err != nil {
		return err
	}
	return f.Sync()
}

// Path is where the journal lives.
func (j *Journal) Path() string { return j.path }

// Append writes one entry as one line and syncs it to disk. A start line gets this
// process's identity (PID, ProcStart, Host), whatever the caller put there.
func (j *Journal) Append(e Entry) error {
	if e.Event == EventImpersonateStart {
		e.PID, e.ProcStart, e.Host = j.self.pid, j.self.start, j.self.host
	}
	line, err := json.Marshal(e)
	if err != nil {
		return journalErr(err)
	}
	line = append(line, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return journalErr(errors.New(j.path + " is closed"))
	}
	if _, err := j.f.Write(line); err != nil {
		return journalErr(err)
	}
	if err := j.f.Sync(); err != nil {
		return journalErr(err)
	}
	return nil
}

func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

// ReadJournal reads every entry; lines that are not whole entries (a crash mid-write) are
// skipped and counted.
func ReadJournal(path string) (entries []Entry, skipped int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadBytes('\n')
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var e Entry
			if json.Unmarshal(line, &e) == nil && e.Event != "" {
				entries = append(entries, e)
			} else {
				skipped++
			}
		}
		if err == io.EOF {
			return entries, skipped, nil
		}
		if err != nil {
			return entries, skipped, err
		}
	}
}
