package session

import "time"

// LapseMargin is how long before the backend's session lapses the console ends it itself:
// a request sent in the last moments would be refused halfway through the work.
const LapseMargin = time.Minute

// Lapses is when the console ends the session by itself (the backend's expiry less the
// margin), zero when the backend did not say.
func (s *Session) Lapses() time.Time {
	exp := s.Expires()
	if exp.IsZero() {
		return exp
	}
	return exp.Add(-LapseMargin)
}

// CheckLapse ends a session whose backend session is about to lapse (any impersonation
// stops, both journaled) and says whether it did. The console checks it as time passes
// and then asks for a new sign-in.
func (s *Session) CheckLapse() bool {
	at := s.Lapses()
	if at.IsZero() || s.cfg.Clock().Before(at) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state == SignedOut {
		return false
	}
	why := "the backend's session lapses at " + s.Expires().UTC().Format("15:04 UTC") + ": sign in again"
	s.stopLocked(StopExpiry, why)
	if err := s.journal(Entry{Event: EventSessionEnded, Why: why}); err != nil {
		s.ended.JournalErr = err
	}
	s.state, s.lost = SignedOut, why
	return true
}
