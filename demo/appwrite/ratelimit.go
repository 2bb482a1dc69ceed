package appwrite

import (
	"sync"
	"time"
)

// rateLimiter counts calls per key in fixed windows, like Appwrite's abuse checks.
type rateLimiter struct {
	mu     sync.Mutex
	limit  int
	period time.Duration
	counts map[string]int
}

func newRateLimiter(limit int, period time.Duration) *rateLimiter {
	return &rateLimiter{limit: limit, period: period, counts: map[string]int{}}
}

// allow counts one call and reports the window's remaining calls and its end. A limit below
// zero means unlimited.
func (l *rateLimiter) allow(key string, now time.Time) (ok bool, remaining int, reset time.Time) {
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
