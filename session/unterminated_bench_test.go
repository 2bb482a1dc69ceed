package session

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkOpenJournal50MB times OpenJournal's scan of a 50 MB journal: "requests" is the
// usual shape (a start, 20 requests and a stop per impersonation), "impersonations" the
// worst case where every line has to be decoded.
func BenchmarkOpenJournal50MB(b *testing.B) {
	for _, shape := range []struct {
		name     string
		requests int
	}{{"requests", 20}, {"impersonations", 0}} {
		b.Run(shape.name, func(b *testing.B) {
			path, size := bigJournal(b, 50<<20, shape.requests)
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				j, err := OpenJournal(path)
				if err != nil {
					b.Fatal(err)
				}
				if len(j.Unterminated()) != 0 {
					b.Fatal("the benchmark's journal changed")
				}
				j.Close()
			}
		})
	}
}

func bigJournal(b *testing.B, size int64, requests int) (string, int64) {
	path := filepath.Join(b.TempDir(), "audit.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	self := currentProcess()
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	var written int64
	for written < size {
		start := startLine(self, NewImpersonationID())
		start.Time = at
		enc.Encode(start)
		for i := range requests {
			enc.Encode(Entry{Time: at.Add(time.Duration(i) * time.Second), Event: EventRequest, Impersonation: start.Impersonation,
				Backend: start.Backend, Project: start.Project, Operator: start.Operator, OperatorID: start.OperatorID,
				Target: start.Target, TargetName: start.TargetName, Reason: start.Reason, Method: "GET",
				Path: "/v1/account/sessions", Status: 200, DurationMS: 12})
		}
		enc.Encode(Entry{Time: at.Add(time.Hour), Event: EventImpersonateStop, Impersonation: start.Impersonation,
			Target: start.Target, TargetName: start.TargetName, Why: "key"})
		w.Flush()
		info, _ := f.Stat()
		written = info.Size()
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path, written
}
