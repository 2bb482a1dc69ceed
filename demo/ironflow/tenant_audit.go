package ironflow

import "net/http"

func (a *runAudit) json() auditJSON {
	return auditJSON{ID: a.id, RunID: a.runID, FunctionID: a.functionID, StepID: a.stepID, EventType: a.eventType,
		Payload: a.payload, Metadata: map[string]string{}, CreatedAt: stamp(a.at)}
}

// listTenantAudit is GET /api/v1/audit (seen): the environment's run audit, newest first,
// filtered by run_id, function_id, event_type (exact), from and to (inclusive); limit 50 by
// default, at most 200; an opaque cursor.
func listTenantAudit(x *exchange) *apiError {
	q := x.r.URL.Query()
	from, err := timeOf(q, "from")
	if err != nil {
		return err
	}
	to, err := timeOf(q, "to")
	if err != nil {
		return err
	}
	limit, err := limitOf(q, 50, 200)
	if err != nil {
		return err
	}
	before := int64(-1)
	if c := q.Get("cursor"); c != "" {
		if before, err = decodeCursor("r", c); err != nil {
			return err
		}
	}
	runID, fnID, typ := q.Get("run_id"), q.Get("function_id"), q.Get("event_type")
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	trail := x.envData(d).audit
	out := auditPage{Events: []auditJSON{}}
	last := int64(-1)
	for i := len(trail) - 1; i >= 0; i-- {
		a := &trail[i]
		if (runID != "" && a.runID != runID) || (fnID != "" && a.functionID != fnID) || (typ != "" && a.eventType != typ) ||
			(!from.IsZero() && a.at.Before(from)) || (!to.IsZero() && a.at.After(to)) {
			continue
		}
		out.TotalCount++
		if before >= 0 && int64(i) >= before {
			continue
		}
		if len(out.Events) < limit {
			out.Events = append(out.Events, a.json())
			last = int64(i)
		} else if out.NextCursor == "" {
			out.NextCursor = encodeCursor("r", last)
		}
	}
	writeJSON(x.w, http.StatusOK, out)
	return nil
}
