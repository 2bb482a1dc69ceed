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
)

// Entry is one journal line. It never holds a secret or a body.
type Entry struct {
	Time       time.Time `json:"time"`
	Event      string    `json:"event"`
	Backend    string    `json:"backend,omitempty"`
	Project    string    `json:"project,omitempty"`
	Operator   string    `json:"operator,omitempty"` // email
	OperatorID string    `json:"operatorId,omitempty"`
	Target     string    `json:"target,omitempty"` // the effective user's id
	TargetName string    `json:"targetEmail,omitempty"`
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
}

// DefaultJournalPath is $XDG_STATE_HOME/actas/audit.jsonl (~/.local/state/actas/ by default).
func DefaultJournalPath() string {
	return filepath.Join(xdg.StateHome, "actas", "audit.jsonl")
}

// Journal is the console's own append-only audit log: JSON lines, mode 0600, each line
// written and fsync'd before the call returns.
type Journal struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

// OpenJournal opens (or creates) the journal. A line left torn by a crash is closed off
// first, so the next entry starts on a line of its own.
func OpenJournal(path string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := closeTornLine(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("journal: %w", err)
	}
	return &Journal{f: f, path: path}, nil
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

// Append writes one entry as one line and syncs it to disk.
func (j *Journal) Append(e Entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		return errors.New("journal: closed")
	}
	if _, err := j.f.Write(line); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return j.f.Sync()
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
