package appwrite

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
	Status     int           // answer with this error status (429, 500, 502, 503, 504)
	RetryAfter time.Duration // with a Retry-After header
	Delay      time.Duration // wait before answering
	SlowBody   time.Duration // trickle the body out over this long
	Drop       bool          // close the connection without an answer
	Malformed  bool          // answer 200 with the JSON cut in half
}

// Knobs misbehave across all requests (for manual runs: `actas demo --fault-rate`,
// `--hostile`): at random, and in hostile mode in every answer.
type Knobs struct {
	Latency   time.Duration // added to every request
	FaultRate float64       // share of requests answered 500 or 503
	DropRate  float64       // share of connections dropped
	SlowBody  time.Duration // every body trickled out over this long
	// Hostile, when not empty, is appended to every JSON string value of every answer
	// (ids and secrets excepted), becomes an extra key of every preferences object, and
	// travels in an X-Hostile header. HostileString is the canonical value.
	Hostile string
	// HostileIDs extends Hostile to the identity fields (ids: $id and keys ending in "Id";
	// email; phone); secrets stay intact.
	HostileIDs bool
}

type faults struct {
	mu    sync.Mutex
	knobs Knobs
	rng   *rand.Rand
	queue []injected
}

type injected struct {
	match string // path prefix
	left  int
	fault Fault
}

// next picks the fault for one request: scripted ones first, then the random knobs.
func (f *faults) next(path string) Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.queue {
		in := &f.queue[i]
		if in.left > 0 && strings.HasPrefix(path, in.match) {
			in.left--
			return in.fault
		}
	}
	out := Fault{Delay: f.knobs.Latency, SlowBody: f.knobs.SlowBody}
	if f.knobs.DropRate > 0 && f.rng.Float64() < f.knobs.DropRate {
		out.Drop = true
	} else if f.knobs.FaultRate > 0 && f.rng.Float64() < f.knobs.FaultRate {
		out.Status = []int{500, 503}[f.rng.IntN(2)]
	}
	return out
}

// hostile is the hostile mode the knobs ask for.
func (f *faults) hostile() hostileMode {
	f.mu.Lock()
	defer f.mu.Unlock()
	return hostileMode{text: f.knobs.Hostile, ids: f.knobs.HostileIDs}
}

// apply runs the request through a fault. Hostile mode rewrites what is answered (the
// route's answer or the fault's error) before it is cut short or trickled out.
func (f Fault) apply(w http.ResponseWriter, r *http.Request, hostile hostileMode, serve func(http.ResponseWriter)) {
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
		hostile.wrap(r, func(w http.ResponseWriter) { writeError(w, faultError(f.Status, f.RetryAfter)) })(w)
		return
	}
	serve = hostile.wrap(r, serve)
	if !f.Malformed && f.SlowBody == 0 {
		serve(w)
		return
	}
	rec := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
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

func faultError(status int, retry time.Duration) *apiError {
	var e apiError
	switch status {
	case 429:
		e = *errRateLimited(retry)
	case 502:
		e = *errBadGateway
	case 503:
		e = *errUnavailable
	case 504:
		e = *errGatewayTimeout
	default:
		e = *errServerError
		e.Code = status
	}
	e.RetryAfter = retry
	return &e
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

type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }
