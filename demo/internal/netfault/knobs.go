package netfault

import "time"

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
