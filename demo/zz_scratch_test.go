package demo

import (
	"testing"
	"time"
)

func TestScratchSeedTime(t *testing.T) {
	n := 1_000_000
	t0 := time.Now()
	users := seedUsers(n, 1)
	t.Logf("seed %v", time.Since(t0)); t0 = time.Now()
	st := newStore(users)
	t.Logf("store %v", time.Since(t0)); t0 = time.Now()
	seedActivity(st, time.Now())
	t.Logf("activity %v", time.Since(t0)); t0 = time.Now()
	ix := buildSearchIndex(users)
	t.Logf("index %v tokens=%d merged=%d", time.Since(t0), len(ix.tokens), len(ix.merged))
}
