// Package netfault is what every dialect's demo shares about misbehaving networks:
// scripted and random faults (errors, latency, drops, slow and malformed bodies) and the
// log of requests seen, with whom each acted as. It knows no dialect: each passes its own
// error writer and its own "acting as" extractor.
package netfault

import (
	"bytes"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault is one way to misbehave, for tests of clients that must cope with real networks.
type Fault struct {
	Status     int           // answer with this error status, in the dialect's shape
	RetryAfter time.Duration // with a Retry-After header
	Delay      time.Duration // wait before answering
	SlowBody   time.Duration // trickle the body out over this long
	Drop       bool          // close the connection without an answer
	Malformed  bool          // answer 200 with the body cut in half
}

// Random misbehaves across all requests, at random.
type Random struct {
	Latency   time.Duration // added to every request
	FaultRate float64       // share of requests answered 500 or 503
	DropRate  float64       // share of connections dropped
	SlowBody  time.Duration // every body trickled out over this long
}

// Queue holds the scripted faults and the random ones; safe for concurrent use.
type Queue struct {
	mu     sync.Mutex
	random Random
	rng    *rand.Rand
	queue  []injected
}

type injected struct {
	match string // path prefix
	left  int
	fault Fault
}

// NewQueue starts with the random misbehaviour r, drawn from seed (runs repeat).
func NewQueue(r Random, seed uint64) *Queue {
	return &Queue{random: r, rng: rand.New(rand.NewPCG(seed, 7))}
}

// Inject makes the next n requests whose path starts with prefix misbehave as f.
func (q *Queue) Inject(prefix string, n int, f Fault) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.queue = append(q.queue, injected{match: prefix, left: n, fault: f})
}

// SetRandom changes the random misbehaviour of all later requests.
func (q *Queue) SetRandom(r Random) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.random = r
}

// Next picks the fault for one request: scripted ones first, then the random ones.
func (q *Queue) Next(path string) Fault {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i := range q.queue {
		in := &q.queue[i]
		if in.left > 0 && strings.HasPrefix(path, in.match) {
			in.left--
			return in.fault
		}
	}
	out := Fault{Delay: q.random.Latency, SlowBody: q.random.SlowBody}
	if q.random.DropRate > 0 && q.rng.Float64() < q.random.DropRate {
		out.Drop = true
	} else if q.random.FaultRate > 0 && q.rng.Float64() < q.random.FaultRate {
		out.Status = []int{500, 503}[q.rng.IntN(2)]
	}
	return out
}

// Apply runs a request through f: serve answers it as the dialect would, writeError
// answers an error status in the dialect's shape.
func Apply(w http.ResponseWriter, r *http.Request, f Fault, serve func(http.ResponseWriter),
	writeError func(w http.ResponseWriter, status int, retryAfter time.Duration)) {
	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return
		}
	}
	if f.Drop {
		panic(http.ErrAbortHandler) // net/http closes the connection without a response
	}
	if f.Status != 0 {
		writeError(w, f.Status, f.RetryAfter)
		return
	}
	if !f.Malformed && f.SlowBody == 0 {
		serve(w)
		return
	}
	rec := NewBuffer()
	serve(rec)
	body := rec.body.Bytes()
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if f.Malformed {
		body = body[:len(body)/2]
		rec.status = http.StatusOK
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(rec.status)
	trickle(w, r, body, f.SlowBody)
}

// trickle writes body in ten flushed pieces spread over d.
func trickle(w http.ResponseWriter, r *http.Request, body []byte, d time.Duration) {
	if d <= 0 {
		_, _ = w.Write(body)
		return
	}
	flusher, _ := w.(http.Flusher)
	step := max(1, (len(body)+9)/10)
	for len(body) > 0 {
		n := min(step, len(body))
		_, _ = w.Write(body[:n])
		body = body[n:]
		if flusher != nil {
			flusher.Flush()
		}
		select {
		case <-time.After(d / 10):
		case <-r.Context().Done():
			return
		}
	}
}

// Buffer is a ResponseWriter that keeps the answer, for a dialect that rewrites it
// before it goes out (the hostile mode).
type Buffer struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// NewBuffer is an empty answer with status 200.
func NewBuffer() *Buffer { return &Buffer{header: http.Header{}, status: http.StatusOK} }

func (b *Buffer) Header() http.Header         { return b.header }
func (b *Buffer) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *Buffer) WriteHeader(status int)      { b.status = status }

// StatusCode is the status written (200 when none was).
func (b *Buffer) StatusCode() int { return b.status }

// Bytes is the body written.
func (b *Buffer) Bytes() []byte { return b.body.Bytes() }
