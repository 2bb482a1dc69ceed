package mpdx

import (
	"net/http"
	"time"

	"actas/demo/internal/netfault"
)

// Fault is one way to misbehave (netfault's, shared by every dialect's demo).
type Fault = netfault.Fault

// Knobs misbehave across all requests (netfault's, shared by every dialect's demo). Here
// Hostile reaches every JSON string value except the identity fields (id, keys ending in
// "_id", email, default_account_list) and what must stay machine-readable (the token,
// JSON:API's type and status — so a contact's status too —, error sources and
// updated_in_db_at); HostileIDs extends it to the identity fields.
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
// route's answer or the fault's error) before it is cut short or trickled out. A fault
// answers before the server does: an impersonation it answers is not logged.
func (f *faults) apply(w http.ResponseWriter, r *http.Request, fault Fault, serve func(http.ResponseWriter)) {
	hostile := f.hostile()
	netfault.Apply(w, r, fault, hostile.wrap(serve), func(w http.ResponseWriter, status int, retry time.Duration) {
		hostile.wrap(func(w http.ResponseWriter) { writeError(w, faultError(status, retry)) })(w)
	})
}
