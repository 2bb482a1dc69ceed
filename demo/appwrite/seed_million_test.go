package appwrite

import (
	"testing"
	"time"
)

// TestSeedMillion builds the users of `actas demo --users 1000000` and checks that ids,
// emails and phones stay unique at that size. It takes about 6 s on two cores; the race
// detector makes it over five times slower, so it runs only without it (and not under
// -short). Serving that many users (New, with its indexes) takes about 20 s more.
func TestSeedMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,000,000 users; skipped under -short")
	}
	if raceEnabled {
		t.Skip("builds 1,000,000 users; too slow under the race detector")
	}
	start := time.Now()
	users := seedUsers(1_000_000, 1)
	t.Logf("seeded 1,000,000 users in %v", time.Since(start).Round(time.Millisecond))
	if len(users) != 1_000_000 {
		t.Fatalf("%d users", len(users))
	}
	checkSeedUnique(t, users)
	if users[4].id != AdaID || users[len(users)-1].registration <= users[len(fixedUsers())].registration {
		t.Error("fixed accounts first, then users in order of registration")
	}
}
