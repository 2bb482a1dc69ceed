package ironflow

import (
	"mime"
	"net/http"
	"strings"
)

// ConnectRPC: only ListRuns, in the Connect protocol's JSON form (protobuf JSON names,
// errors as {"code","message"}). It sits behind the same impersonation check as REST, so
// a viewer's ListRuns (a POST) is refused: the method rule applied literally.

type runJSON struct {
	ID            string `json:"id"`
	FunctionID    string `json:"functionId"`
	Status        string `json:"status"`
	OrgID         string `json:"orgId"`
	EnvironmentID string `json:"environmentId"`
	CreatedAt     string `json:"createdAt"`
	UpdatedAt     string `json:"updatedAt"`
}

// connectListRuns answers the environment's runs, newest first; the request may name a
// functionId, a status and a limit (default and maximum 200).
func connectListRuns(x *exchange) *apiError {
	if ct, _, _ := mime.ParseMediaType(x.r.Header.Get("Content-Type")); ct != "application/json" {
		return codeError(http.StatusUnsupportedMediaType, "invalid_argument", "content type must be application/json")
	}
	var req struct {
		FunctionID string `json:"functionId"`
		Status     string `json:"status"`
		Limit      int    `json:"limit"`
	}
	if x.r.ContentLength != 0 {
		if err := decodeBody(x, &req); err != nil {
			return err
		}
	}
	if req.Limit <= 0 || req.Limit > 200 {
		req.Limit = 200
	}
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	runs := x.envData(d).runs
	out := []runJSON{}
	for i := len(runs) - 1; i >= 0 && len(out) < req.Limit; i-- {
		r := &runs[i]
		if (req.FunctionID != "" && r.functionID != req.FunctionID) || (req.Status != "" && !strings.EqualFold(r.status, req.Status)) {
			continue
		}
		out = append(out, runJSON{ID: r.id, FunctionID: r.functionID, Status: r.status, OrgID: x.t.id,
			EnvironmentID: x.env.id, CreatedAt: stamp(r.created), UpdatedAt: stamp(r.updated)})
	}
	writeJSON(x.w, http.StatusOK, map[string]any{"runs": out})
	return nil
}

// connectUnimplemented is every other procedure of the service.
func connectUnimplemented(x *exchange) *apiError {
	return codeError(http.StatusNotFound, "unimplemented", "ironflow.v1.IronflowService."+x.r.PathValue("method")+" is not implemented")
}
