package session

// Journal events of the session's own, beside the journal's basic ones.
const (
	// EventResponse follows an EventRequest line with how the request went; the request
	// line is written before anything is sent.
	EventResponse = "response"
	// EventResumed is a stored session taken up again: not a sign-in.
	EventResumed = "session.resumed"
	// EventSessionEnded is a session the backend stopped accepting (revoked, expired).
	EventSessionEnded = "session.ended"
)

// Answered folds each response line into the request line it answers (the request line
// is written before the request goes out, the response after), so that a reader shows
// one entry per request with its status and duration. A request that never got its
// response line keeps status 0: it went out, and how it ended is not known.
func Answered(entries []Entry) []Entry {
	type request struct {
		imp string
		seq int
	}
	at := map[request]int{}
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		k := request{e.Impersonation, e.Seq}
		switch {
		case e.Event == EventResponse && e.Seq != 0:
			if i, ok := at[k]; ok {
				out[i].Status, out[i].DurationMS = e.Status, e.DurationMS
				delete(at, k)
				continue
			}
		case e.Event == EventRequest && e.Seq != 0:
			if i, ok := at[k]; ok { // a retry: the same request, sent again
				out[i].Attempt = e.Attempt
				continue
			}
			at[k] = len(out)
		}
		out = append(out, e)
	}
	return out
}
