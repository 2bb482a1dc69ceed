//go:build race

package appwrite

// raceEnabled says whether the test binary runs under the race detector.
const raceEnabled = true
