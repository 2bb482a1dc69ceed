package netfault

import (
	"sync"
	"time"
)

// Knobs misbehave across all requests of a dialect's demo (for manual runs: `actas demo
// --fault-rate`, `--hostile`): at random, and in hostile mode in every answer. Every
// dialect takes the same knobs; each says which of its fields are identity fields.
type Knobs struct {
	Latency   time.Duration // added to every request
	FaultRate float64       // share of requests answered 500 or 503
	DropRate  float64       // share of connections dropped
	SlowBody  time.Duration // every body trickled out over this long
	// Hostile, when not empty, is appended to every JSON string value of every answer
	// (ids and secrets excepted), and travels in an X-Hostile header. HostileString is the
	// canonical value; a dialect may add more places (Appwrite: an extra preference key).
	Hostile string
	// HostileIDs extends Hostile to the identity fields (Appwrite: $id and keys ending in
	// "Id", email, phone; Ironflow: id and keys ending in "_id", email); secrets stay intact.
	HostileIDs bool
}

// Random is the random part of the knobs, for a Queue.
func (k Knobs) Random() Random {
	return Random{Latency: k.Latency, FaultRate: k.FaultRate, DropRate: k.DropRate, SlowBody: k.SlowBody}
}

// Faults are a dialect's fault queue and the knobs it was last given: the random part
// goes to the queue, the hostile part is read by the dialect's own rewriting.
type Faults struct {
	*Queue
	mu    sync.Mutex
	knobs Knobs
}

func NewFaults(k Knobs, seed uint64) *Faults {
	return &Faults{Queue: NewQueue(k.Random(), seed), knobs: k}
}

// SetKnobs changes the misbehaviour of all later requests.
func (f *Faults) SetKnobs(k Knobs) {
	f.Queue.SetRandom(k.Random())
	f.mu.Lock()
	defer f.mu.Unlock()
	f.knobs = k
}

// Knobs are the knobs in force.
func (f *Faults) Knobs() Knobs {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.knobs
}
