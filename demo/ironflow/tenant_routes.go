package ironflow

import (
	"encoding/json"
	"net/http"
	"strings"
)

// The tenant API, read and written as the tenant (shapes seen in the SDKs; org_id on
// environments is the demo's, for verifying impersonation). Each route acts in the
// exchange's tenant and, below projects, its environment.

type environmentJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	ProjectID string `json:"project_id"`
	OrgID     string `json:"org_id"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

func listEnvironments(x *exchange) *apiError {
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]environmentJSON, len(x.t.environments))
	for i, e := range x.t.environments {
		out[i] = environmentJSON{ID: e.id, Name: e.name, ProjectID: d.projects[0].id, OrgID: x.t.id,
			CreatedAt: stamp(e.created), UpdatedAt: stamp(e.created)}
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"environments": out})
	return nil
}

type projectJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	OrgID       string `json:"org_id"`
	CreatedAt   string `json:"created_at"`
	UpdatedAt   string `json:"updated_at"`
}

func listProjects(x *exchange) *apiError {
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	out := make([]projectJSON, len(d.projects))
	for i, p := range d.projects {
		out[i] = projectJSON{ID: p.id, Name: p.name, Description: p.description, OrgID: x.t.id,
			CreatedAt: stamp(p.created), UpdatedAt: stamp(p.updated)}
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"projects": out})
	return nil
}

type functionJSON struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Status        string `json:"status"`
	PreferredMode string `json:"preferred_mode"`
	CreatedAt     string `json:"created_at"`
	UpdatedAt     string `json:"updated_at"`
}

func (f *function) json() functionJSON {
	return functionJSON{ID: f.id, Name: f.name, Status: f.status, PreferredMode: f.mode,
		CreatedAt: stamp(f.created), UpdatedAt: stamp(f.updated)}
}

// envData is the exchange's environment's data; call with d.mu held.
func (x *exchange) envData(d *tenantData) *envData { return d.envs[x.env.id] }

func listFunctions(x *exchange) *apiError {
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	fns := x.envData(d).functions
	out := make([]functionJSON, len(fns))
	for i := range fns {
		out[i] = fns[i].json()
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"functions": out})
	return nil
}

func (e *envData) function(id string) *function {
	for i := range e.functions {
		if e.functions[i].id == id {
			return &e.functions[i]
		}
	}
	return nil
}

func getFunction(x *exchange) *apiError {
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	f := x.envData(d).function(x.r.PathValue("id"))
	if f == nil {
		return errNotFound("function", x.r.PathValue("id"))
	}
	writeJSON(x.w, http.StatusOK, f.json())
	return nil
}

// updateFunction is PATCH /api/v1/functions/{id} (demo-defined): {"status":"active"|
// "paused"} and/or {"preferred_mode":"push"|"pull"}; answers the function.
func updateFunction(x *exchange) *apiError {
	var body struct {
		Status *string `json:"status"`
		Mode   *string `json:"preferred_mode"`
	}
	if err := decodeBody(x, &body); err != nil {
		return err
	}
	switch {
	case body.Status == nil && body.Mode == nil:
		return errArgument("give status or preferred_mode")
	case body.Status != nil && *body.Status != "active" && *body.Status != "paused":
		return errArgument(`status must be "active" or "paused"`)
	case body.Mode != nil && *body.Mode != "push" && *body.Mode != "pull":
		return errArgument(`preferred_mode must be "push" or "pull"`)
	}
	d := x.data()
	d.mu.Lock()
	defer d.mu.Unlock()
	f := x.envData(d).function(x.r.PathValue("id"))
	if f == nil {
		return errNotFound("function", x.r.PathValue("id"))
	}
	if body.Status != nil {
		f.status = *body.Status
	}
	if body.Mode != nil {
		f.mode = *body.Mode
	}
	f.updated = x.now
	writeJSON(x.w, http.StatusOK, f.json())
	return nil
}

type workerJSON struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Status        string   `json:"status"`
	Version       string   `json:"version"`
	Functions     []string `json:"functions"`
	LastHeartbeat string   `json:"last_heartbeat"`
}

func listWorkers(x *exchange) *apiError {
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	ws := x.envData(d).workers
	out := make([]workerJSON, len(ws))
	for i, w := range ws {
		out[i] = workerJSON{ID: w.id, Name: w.name, Status: w.status, Version: w.version,
			Functions: append([]string{}, w.functions...), LastHeartbeat: stamp(w.heartbeat)}
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"workers": out, "count": len(out)})
	return nil
}

// decodeBody reads one JSON object.
func decodeBody(x *exchange, v any) *apiError {
	dec := json.NewDecoder(http.MaxBytesReader(x.w, x.r.Body, 1<<20))
	if err := dec.Decode(v); err != nil {
		return errBadBody
	}
	return nil
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
