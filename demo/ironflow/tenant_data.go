package ironflow

import (
	"sync"
	"time"
)

// tenantData is what a tenant holds besides its name: projects, and per environment its
// functions, runs, events, workers and run audit. It is generated on first use and then
// kept, so that writes stick.
type tenantData struct {
	mu       sync.RWMutex
	projects []project
	envs     map[string]*envData // by environment id
}

type envData struct {
	functions []function
	runs      []run
	events    []event    // oldest first; new events are appended
	audit     []runAudit // oldest first
	workers   []worker
}

type project struct {
	id, name, description string
	created, updated      time.Time
}

type function struct {
	id, name, status, mode string
	created, updated       time.Time
}

type run struct {
	id, functionID, status string
	created, updated       time.Time
}

type event struct {
	id, name, source string
	at               time.Time
	data             map[string]any
	metadata         map[string]string
	runID            string
}

type runAudit struct {
	id, runID, functionID, stepID, eventType string
	payload                                  map[string]any
	at                                       time.Time
}

type worker struct {
	id, name, status, version string
	functions                 []string
	heartbeat                 time.Time
}

// dataStore holds the tenants' data generated so far.
type dataStore struct {
	mu       sync.Mutex
	byTenant map[string]*tenantData
}

func newDataStore() *dataStore { return &dataStore{byTenant: map[string]*tenantData{}} }

// of is t's data, generated from t's seed on first use: the same whichever tenant is
// asked for first.
func (s *dataStore) of(t *tenant) *tenantData {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.byTenant[t.id]
	if !ok {
		d = generateData(t)
		s.byTenant[t.id] = d
	}
	return d
}

// data is the exchange's tenant's data.
func (x *exchange) data() *tenantData { return x.srv.data.of(x.t) }
