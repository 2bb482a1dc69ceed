package netfault

import (
	"sync"
	"time"
)

// RateLimiter counts calls per key in fixed windows, as real servers' abuse checks do
// (Appwrite's sign-in limit, say); every dialect's demo keys it its own way.
type RateLimiter struct {
	mu     sync.Mutex
	limit  int
	period time.Duration
	counts map[string]int
}

// NewRateLimiter allows limit calls per key per period; a limit below zero: unlimited.
func NewRateLimiter(limit int, period time.Duration) *RateLimiter {
	return &RateLimiter{limit: limit, period: period, counts: map[string]int{}}
}

// Allow counts one call and reports the window's remaining calls and its end.
func (l *RateLimiter) Allow(key string, now time.Time) (ok bool, remaining int, reset time.Time) {
	if l.limit < 0 {
		return true, 1, now
	}
	start := now.Truncate(l.period)
	reset = start.Add(l.period)
	k := start.Format(time.RFC3339) + "|" + key
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.counts) > 100_000 { // windows pass; forget old ones rather than grow forever
		l.counts = map[string]int{}
	}
	l.counts[k]++
	n := l.counts[k]
	return n <= l.limit, max(0, l.limit-n), reset
}

// Limit is the calls allowed per window (below zero: unlimited).
func (l *RateLimiter) Limit() int { return l.limit }
