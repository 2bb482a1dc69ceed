package session

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"
)

// NewImpersonationID returns 16 random hex characters naming one impersonation in the
// journal (Entry.Impersonation).
func NewImpersonationID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Unterminated is what OpenJournal recorded: one impersonation.unterminated line for each
// earlier impersonation whose console died before it could journal the stop. It is set
// before OpenJournal returns and never changes, so it needs no lock.
func (j *Journal) Unterminated() []Entry { return slices.Clone(j.unterminated) }

// recordUnterminated closes off impersonations that started, never stopped, and whose
// process is provably gone. A live console's (another one running now) and another host's
// are left open: nobody can tell yet.
func (j *Journal) recordUnterminated() error {
	info, err := j.f.Stat()
	if err != nil {
		return err
	}
	open, err := openImpersonations(io.NewSectionReader(j.f, 0, info.Size()))
	if err != nil {
		return err
	}
	for _, start := range open {
		if !j.self.provesGone(start) {
			continue
		}
		e := unterminated(start, time.Now().UTC())
		if err := j.Append(e); err != nil {
			return err
		}
		j.unterminated = append(j.unterminated, e)
	}
	return nil
}

func unterminated(start Entry, now time.Time) Entry {
	return Entry{Time: now, Event: EventImpersonateUnterminated, Impersonation: start.Impersonation,
		Backend: start.Backend, Project: start.Project, Operator: start.Operator, OperatorID: start.OperatorID,
		Target: start.Target, TargetName: start.TargetName, NamedBy: start.NamedBy, NamedAs: start.NamedAs,
		Reason: start.Reason,
		Detail: fmt.Sprintf("started %s by pid %d on host %s and never stopped (the console was killed)",
			start.Time.UTC().Format(time.RFC3339), start.PID, start.Host)}
}

// openImpersonations streams the journal and returns, in journal order, the start lines
// with an impersonation id and no later stop or unterminated line of that id. Most of a
// journal is requests: lines that name no impersonation event are not decoded, the others
// only for their event and id, and a start line in full only if it is still open at the end.
func openImpersonations(r io.Reader) ([]Entry, error) {
	type started struct {
		seq  int
		line []byte
	}
	open := map[string]started{}
	br := bufio.NewReaderSize(r, 64<<10)
	for seq := 0; ; seq++ {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull { // longer than the buffer: rare, so copying is fine
			long := slices.Clone(line)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if bytes.Contains(line, []byte(`"impersonation.`)) {
			var head struct {
				Event         string `json:"event"`
				Impersonation string `json:"impersonation"`
			}
			if json.Unmarshal(line, &head) == nil && head.Impersonation != "" {
				switch head.Event {
				case EventImpersonateStart:
					open[head.Impersonation] = started{seq, slices.Clone(line)}
				case EventImpersonateStop, EventImpersonateUnterminated:
					delete(open, head.Impersonation)
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	list := slices.SortedFunc(maps.Values(open), func(a, b started) int { return a.seq - b.seq })
	out := make([]Entry, 0, len(list))
	for _, s := range list {
		var e Entry
		if json.Unmarshal(s.line, &e) == nil {
			out = append(out, e)
		}
	}
	return out, nil
}
