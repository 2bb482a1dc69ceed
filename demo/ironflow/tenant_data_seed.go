package ironflow

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"actas/demo/internal/world"
)

var (
	projectNames = []string{"Checkout", "Onboarding", "Billing", "Notifications", "Data sync", "Reporting",
		"Fulfilment", "Support inbox", "Growth experiments", "Payments"}
	functionNames = []string{"send-welcome-email", "charge-card", "sync-inventory", "nightly-report",
		"resize-image", "notify-slack", "import-csv", "expire-trials", "score-lead", "reindex-search",
		"refund-order", "rotate-keys"}
	eventNames  = []string{"user.signup", "order.created", "invoice.paid", "file.uploaded", "payment.failed", "cron.tick"}
	sources     = []string{"api", "webhook", "schedule"}
	runStatuses = []string{"completed", "completed", "completed", "failed", "running"}
)

// generateData draws a tenant's data from its seed alone. Times fall in the 60 days
// before the world's epoch (or since the tenant's creation, if later).
func generateData(t *tenant) *tenantData {
	g := dataGen{rng: rand.New(rand.NewPCG(t.seed, 0x69726f6e666c6f77))} // "ironflow"
	end := world.Epoch()
	g.from, g.to = later(t.created, end.AddDate(0, 0, -60)), end
	d := &tenantData{envs: make(map[string]*envData, len(t.environments))}
	for _, name := range g.pick(projectNames, 1+g.rng.IntN(3)) {
		created := g.at()
		d.projects = append(d.projects, project{id: g.id("proj_"), name: name,
			description: fmt.Sprintf("%s workflows of %s", name, t.name), created: created, updated: g.after(created)})
	}
	for _, e := range t.environments {
		d.envs[e.id] = g.env()
	}
	return d
}

type dataGen struct {
	rng      *rand.Rand
	from, to time.Time
}

func (g *dataGen) env() *envData {
	d := &envData{}
	for _, name := range g.pick(functionNames, 2+g.rng.IntN(8)) {
		created := g.at()
		status := "active"
		if g.rng.IntN(5) == 0 {
			status = "paused"
		}
		mode := []string{"push", "pull"}[g.rng.IntN(2)]
		d.functions = append(d.functions, function{id: g.id("fn_"), name: name, status: status, mode: mode,
			created: created, updated: g.after(created)})
	}
	for range 5 + g.rng.IntN(30) {
		fn := d.functions[g.rng.IntN(len(d.functions))]
		r := run{id: g.id("run_"), functionID: fn.id, status: runStatuses[g.rng.IntN(len(runStatuses))], created: g.at()}
		r.updated = r.created.Add(time.Duration(1+g.rng.IntN(120)) * time.Second)
		d.runs = append(d.runs, r)
		d.events = append(d.events, g.event(r.created, r.id))
		d.audit = append(d.audit, g.runAudit(r)...)
	}
	for range g.rng.IntN(15) {
		d.events = append(d.events, g.event(g.at(), ""))
	}
	slices.SortStableFunc(d.runs, func(a, b run) int { return a.created.Compare(b.created) })
	slices.SortStableFunc(d.events, func(a, b event) int { return a.at.Compare(b.at) })
	slices.SortStableFunc(d.audit, func(a, b runAudit) int { return a.at.Compare(b.at) })
	for i := range g.rng.IntN(4) {
		w := worker{id: g.id("wrk_"), name: fmt.Sprintf("worker-%d", i+1), version: "1." + fmt.Sprint(4+g.rng.IntN(3)) + ".0",
			status: []string{"online", "online", "offline", "draining"}[g.rng.IntN(4)], heartbeat: g.at()}
		for _, f := range d.functions {
			if g.rng.IntN(2) == 0 {
				w.functions = append(w.functions, f.name)
			}
		}
		d.workers = append(d.workers, w)
	}
	return d
}

func (g *dataGen) event(at time.Time, runID string) event {
	name := eventNames[g.rng.IntN(len(eventNames))]
	return event{id: g.id("evt_"), name: name, source: sources[g.rng.IntN(len(sources))], at: at, runID: runID,
		data:     map[string]any{"ref_id": g.id("ref_"), "amount": g.rng.IntN(50_000), "note": "demo " + name},
		metadata: map[string]string{"ip": fmt.Sprintf("192.0.2.%d", 1+g.rng.IntN(254))}}
}

// runAudit is a run's trail: started, its steps, and how it ended.
func (g *dataGen) runAudit(r run) []runAudit {
	at := r.created
	out := []runAudit{{id: g.id("aud_"), runID: r.id, functionID: r.functionID, eventType: "run.started", at: at,
		payload: map[string]any{"status": "running"}}}
	for s := range 1 + g.rng.IntN(3) {
		at = at.Add(time.Duration(1+g.rng.IntN(20)) * time.Second)
		out = append(out, runAudit{id: g.id("aud_"), runID: r.id, functionID: r.functionID, stepID: g.id("step_"),
			eventType: "step.completed", at: at, payload: map[string]any{"step": fmt.Sprintf("step-%d", s+1)}})
	}
	if r.status != "running" {
		out = append(out, runAudit{id: g.id("aud_"), runID: r.id, functionID: r.functionID, eventType: "run." + r.status,
			at: later(r.updated, at.Add(time.Second)), payload: map[string]any{"status": r.status}})
	}
	return out
}

func (g *dataGen) id(prefix string) string { return fmt.Sprintf("%s%016x", prefix, g.rng.Uint64()) }

// at is a random time in the window, to the millisecond.
func (g *dataGen) at() time.Time {
	span := g.to.Sub(g.from).Milliseconds()
	return time.UnixMilli(g.from.UnixMilli() + g.rng.Int64N(span+1)).UTC()
}

// after is a random time from t to the end of the window.
func (g *dataGen) after(t time.Time) time.Time {
	span := g.to.Sub(t).Milliseconds()
	return time.UnixMilli(t.UnixMilli() + g.rng.Int64N(max(span, 0)+1)).UTC()
}

// pick is n distinct names, in a random order.
func (g *dataGen) pick(names []string, n int) []string {
	out := slices.Clone(names)
	g.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:min(n, len(out))]
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
