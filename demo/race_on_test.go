//go:build race

package demo

// raceEnabled says whether the test binary runs under the race detector.
const raceEnabled = true
