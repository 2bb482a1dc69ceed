package ironflow

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"
)

type eventJSON struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Timestamp string            `json:"timestamp"`
	Data      map[string]any    `json:"data"`
	Source    string            `json:"source"`
	Metadata  map[string]string `json:"metadata"`
	CreatedAt string            `json:"created_at"`
	RunID     string            `json:"run_id"`
}

func (e *event) json() eventJSON {
	return eventJSON{ID: e.id, Name: e.name, Timestamp: stamp(e.at), Data: e.data, Source: e.source,
		Metadata: e.metadata, CreatedAt: stamp(e.at), RunID: e.runID}
}

// eventPage is the events list's answer, in the SDK's field order.
type eventPage struct {
	Events            []eventJSON `json:"events"`
	Count             int         `json:"count"`
	Limit             int         `json:"limit"`
	NextCursor        string      `json:"next_cursor"`
	HasNext           bool        `json:"has_next"`
	ApproxTotal       int         `json:"approx_total"`
	ApproxTotalCapped bool        `json:"approx_total_capped"`
}

// approxCap is where approx_total stops counting (approx_total_capped: true).
const approxCap = 10_000

// listEvents is GET /api/v1/events (seen): newest first, filtered by name, source (exact),
// search (in the name or id, ignoring case), since (inclusive) and until (exclusive);
// limit 20 by default, at most 200; an opaque cursor.
func listEvents(x *exchange) *apiError {
	q := x.r.URL.Query()
	since, err := timeOf(q, "since")
	if err != nil {
		return err
	}
	until, err := timeOf(q, "until")
	if err != nil {
		return err
	}
	limit, err := limitOf(q, 20, 200)
	if err != nil {
		return err
	}
	before := int64(-1)
	if c := q.Get("cursor"); c != "" {
		if before, err = decodeCursor("e", c); err != nil {
			return err
		}
	}
	name, source, search := q.Get("name"), q.Get("source"), q.Get("search")
	d := x.data()
	d.mu.RLock()
	defer d.mu.RUnlock()
	events := x.envData(d).events
	page, total, last, hasNext := []eventJSON{}, 0, int64(-1), false
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if !matchesEvent(e, name, source, search, since, until) {
			continue
		}
		total++
		if before >= 0 && int64(i) >= before {
			continue
		}
		if len(page) < limit {
			page, last = append(page, e.json()), int64(i)
		} else {
			hasNext = true
		}
	}
	out := eventPage{Events: page, Count: len(page), Limit: limit, HasNext: hasNext,
		ApproxTotal: min(total, approxCap), ApproxTotalCapped: total > approxCap}
	if hasNext {
		out.NextCursor = encodeCursor("e", last)
	}
	writeJSON(x.w, http.StatusOK, out)
	return nil
}

func matchesEvent(e *event, name, source, search string, since, until time.Time) bool {
	return (name == "" || e.name == name) && (source == "" || e.source == source) &&
		(search == "" || containsFold(e.name, search) || containsFold(e.id, search)) &&
		(since.IsZero() || !e.at.Before(since)) && (until.IsZero() || e.at.Before(until))
}

// sendEvent is POST /api/v1/events (demo-defined): {"name", "data"?, "source"?} appends an
// event to the environment and answers it, 201.
func sendEvent(x *exchange) *apiError {
	var body struct {
		Name   string         `json:"name"`
		Data   map[string]any `json:"data"`
		Source string         `json:"source"`
	}
	if err := decodeBody(x, &body); err != nil {
		return err
	}
	if body.Name == "" {
		return errArgument("name is required")
	}
	if body.Source == "" {
		body.Source = "api"
	}
	if body.Data == nil {
		body.Data = map[string]any{}
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	e := event{id: "evt_" + hex.EncodeToString(b), name: body.Name, source: body.Source, at: x.now.UTC(),
		data: body.Data, metadata: map[string]string{"sent_by": x.p.id}}
	d := x.data()
	d.mu.Lock()
	ed := x.envData(d)
	ed.events = append(ed.events, e)
	d.mu.Unlock()
	writeJSON(x.w, http.StatusCreated, e.json())
	return nil
}
