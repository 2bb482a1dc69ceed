package ironflow

import (
	"net/url"
	"testing"
)

type eventsAnswer struct {
	Events []struct {
		ID, Name, Source, Timestamp string
	}
	NextCursor string `json:"next_cursor"`
	HasNext    bool   `json:"has_next"`
	Total      int    `json:"approx_total"`
}

func TestEventsPageNewestFirstWithFilters(t *testing.T) {
	h := newHarness(t, Options{})
	op := h.srv.OperatorKey()
	var all eventsAnswer
	h.as(op, AcmeID, "", "/api/v1/events?limit=200").wantStatus(t, 200).decode(t, &all)
	if len(all.Events) != all.Total || all.HasNext || all.NextCursor != "" || all.Total < 5 {
		t.Fatalf("all events: %d of %d", len(all.Events), all.Total)
	}
	for i := 1; i < len(all.Events); i++ {
		if all.Events[i].Timestamp > all.Events[i-1].Timestamp {
			t.Fatalf("event %d is newer than %d", i, i-1)
		}
	}
	var def eventsAnswer
	if h.as(op, AcmeID, "", "/api/v1/events").decode(t, &def); len(def.Events) != min(20, all.Total) {
		t.Errorf("default limit: %d events", len(def.Events))
	}
	// Walk by cursor: the same events in the same order.
	var walked []string
	path := "/api/v1/events?limit=3"
	for {
		var page eventsAnswer
		h.as(op, AcmeID, "", path).wantStatus(t, 200).decode(t, &page)
		for _, e := range page.Events {
			walked = append(walked, e.ID)
		}
		if !page.HasNext {
			break
		}
		path = "/api/v1/events?limit=3&cursor=" + url.QueryEscape(page.NextCursor)
	}
	if len(walked) != len(all.Events) {
		t.Fatalf("walked %d events, want %d", len(walked), len(all.Events))
	}
	for i := range walked {
		if walked[i] != all.Events[i].ID {
			t.Fatalf("event %d: %s, want %s", i, walked[i], all.Events[i].ID)
		}
	}
	name := all.Events[0].Name
	var named eventsAnswer
	h.as(op, AcmeID, "", "/api/v1/events?limit=200&name="+name).decode(t, &named)
	for _, e := range named.Events {
		if e.Name != name {
			t.Errorf("name filter let %s through", e.Name)
		}
	}
	mid := all.Events[len(all.Events)/2].Timestamp
	var since eventsAnswer
	h.as(op, AcmeID, "", "/api/v1/events?limit=200&since="+url.QueryEscape(mid)).decode(t, &since)
	for _, e := range since.Events {
		if e.Timestamp < mid {
			t.Errorf("since %s let %s through", mid, e.Timestamp)
		}
	}
	if len(named.Events) == 0 || len(since.Events) == 0 || len(since.Events) == len(all.Events) {
		t.Errorf("filters: %d named, %d since", len(named.Events), len(since.Events))
	}
	h.as(op, AcmeID, "", "/api/v1/events?since=yesterday").wantStatus(t, 400)
	h.as(op, AcmeID, "", "/api/v1/events?cursor="+encodeCursor("t", 1)).wantStatus(t, 400) // another list's cursor
}
