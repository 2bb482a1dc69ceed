package appwrite

import (
	"net/http"
	"time"

	"actas/demo/internal/netfault"
)

// Fault is one way to misbehave (netfault's, shared by every dialect's demo).
type Fault = netfault.Fault

// Knobs misbehave across all requests (for manual runs: `actas demo --fault-rate`,
// `--hostile`): at random, and in hostile mode in every answer. Hostile is appended to every
// JSON string value of every answer (ids and secrets excepted), becomes an extra key of
// every preferences object, and travels in an X-Hostile header. HostileIDs extends it to
// the identity fields ($id and keys ending in "Id"; email; phone); secrets stay intact.
// They are netfault's, shared by every dialect's demo.
type Knobs = netfault.Knobs

// faults are the shared fault queue and knobs; hostile mode is this dialect's reading of
// the knobs.
type faults struct{ *netfault.Faults }

func newFaults(k Knobs, seed uint64) *faults { return &faults{netfault.NewFaults(k, seed)} }

// hostile is the hostile mode the knobs ask for.
func (f *faults) hostile() hostileMode {
	k := f.Knobs()
	return hostileMode{text: k.Hostile, ids: k.HostileIDs}
}

// apply runs the request through a fault. Hostile mode rewrites what is answered (the
// route's answer or the fault's error) before it is cut short or trickled out.
func (f *faults) apply(w http.ResponseWriter, r *http.Request, fault Fault, serve func(http.ResponseWriter)) {
	hostile := f.hostile()
	netfault.Apply(w, r, fault, hostile.wrap(r, serve), func(w http.ResponseWriter, status int, retry time.Duration) {
		hostile.wrap(r, func(w http.ResponseWriter) { writeError(w, faultError(status, retry)) })(w)
	})
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
