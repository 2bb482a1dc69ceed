package ironflow

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxAuditEvents bounds the platform audit kept in memory; older events are forgotten.
const maxAuditEvents = 100_000

// EventImpersonated is the platform audit's event type for an impersonated request.
const EventImpersonated = "platform.impersonated"

// auditEvent is one impersonated request.
type auditEvent struct {
	seq                                        int64 // 1, 2, …: the order of arrival
	actorID, actorType, org, env, method, path string
	status                                     int
	ip, userAgent                              string
	at                                         time.Time
}

type auditLog struct {
	mu     sync.Mutex
	limit  int
	events []auditEvent // oldest first
	seq    int64
}

func newAuditLog(limit int) *auditLog { return &auditLog{limit: limit} }

func (l *auditLog) add(e auditEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	e.seq = l.seq
	if len(l.events) >= l.limit {
		l.events = l.events[1:]
	}
	l.events = append(l.events, e)
}

// recordImpersonation appends the platform.impersonated event of one request. The
// environment is the one acted in, else the one named (refused), else none.
func (srv *Server) recordImpersonation(x *exchange, org string, status int) {
	if status == 0 {
		status = http.StatusOK
	}
	env := ""
	if x.env != nil {
		env = x.env.id
	} else if names := requestedEnvironments(x.r); len(names) > 0 {
		env = names[0]
	}
	ip := x.r.RemoteAddr
	if i := strings.LastIndexByte(ip, ':'); i >= 0 {
		ip = strings.Trim(ip[:i], "[]")
	}
	srv.audit.add(auditEvent{actorID: x.p.id, actorType: x.p.kind, org: org, env: env,
		method: x.r.Method, path: x.r.URL.Path, status: status, ip: ip, userAgent: x.r.UserAgent(), at: srv.now()})
}

// auditFilter is the platform audit's query (event_type, impersonated_org_id, from, to).
type auditFilter struct {
	eventType, org string
	from, to       time.Time
}

func (f auditFilter) matches(e *auditEvent) bool {
	return (f.eventType == "" || f.eventType == EventImpersonated) &&
		(f.org == "" || f.org == e.org) &&
		(f.from.IsZero() || !e.at.Before(f.from)) &&
		(f.to.IsZero() || !e.at.After(f.to))
}

// page lists the matching events newest first, from before the cursor's seq (0: the
// newest), with the total that match and the seq to continue before (0: none left).
func (l *auditLog) page(f auditFilter, before int64, limit int) (out []auditEvent, total int, next int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.events) - 1; i >= 0; i-- {
		e := &l.events[i]
		if !f.matches(e) {
			continue
		}
		total++
		if before > 0 && e.seq >= before {
			continue
		}
		if len(out) < limit {
			out = append(out, *e)
		} else if next == 0 {
			next = out[len(out)-1].seq
		}
	}
	return out, total, next
}

// auditJSON is the shape of both audits (tenant audit: seen; the platform audit reuses it,
// demo-defined).
type auditJSON struct {
	ID         string            `json:"id"`
	RunID      string            `json:"run_id"`
	FunctionID string            `json:"function_id"`
	StepID     string            `json:"step_id"`
	EventType  string            `json:"event_type"`
	Payload    map[string]any    `json:"payload"`
	Metadata   map[string]string `json:"metadata"`
	CreatedAt  string            `json:"created_at"`
}

type auditPage struct {
	Events     []auditJSON `json:"events"`
	TotalCount int         `json:"total_count"`
	NextCursor string      `json:"next_cursor"`
}

func (e *auditEvent) json() auditJSON {
	return auditJSON{ID: "paud_" + strconv.FormatInt(e.seq, 10), EventType: EventImpersonated,
		Payload: map[string]any{"actor_id": e.actorID, "actor_type": e.actorType, "impersonated_org_id": e.org,
			"environment_id": e.env, "method": e.method, "path": e.path, "status": e.status},
		Metadata:  map[string]string{"ip": e.ip, "user_agent": e.userAgent},
		CreatedAt: stamp(e.at)}
}

// listPlatformAudit is GET /api/v1/platform/audit (seen; response and cursor demo-defined):
// newest first, limit 50 by default, at most 200.
func listPlatformAudit(x *exchange) *apiError {
	q := x.r.URL.Query()
	f := auditFilter{eventType: q.Get("event_type"), org: q.Get("impersonated_org_id")}
	var err *apiError
	if f.from, err = timeOf(q, "from"); err != nil {
		return err
	}
	if f.to, err = timeOf(q, "to"); err != nil {
		return err
	}
	limit, err := limitOf(q, 50, 200)
	if err != nil {
		return err
	}
	var before int64
	if c := q.Get("cursor"); c != "" {
		if before, err = decodeCursor("a", c); err != nil {
			return err
		}
	}
	events, total, next := x.srv.audit.page(f, before, limit)
	out := auditPage{Events: make([]auditJSON, len(events)), TotalCount: total}
	for i := range events {
		out.Events[i] = events[i].json()
	}
	if next > 0 {
		out.NextCursor = encodeCursor("a", next)
	}
	writeJSON(x.w, http.StatusOK, out)
	return nil
}
