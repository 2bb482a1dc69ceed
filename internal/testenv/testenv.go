// Package testenv decides what a test does when a tool it needs is not installed: skip
// on a developer's machine, fail where everything must run (CI sets ACTAS_REQUIRE_ALL=1).
// It is test support: import it only from _test.go files.
package testenv

import (
	"os"
	"testing"
)

// RequireAllEnv is the environment variable that turns skips for missing tools into failures.
const RequireAllEnv = "ACTAS_REQUIRE_ALL"

// Require does nothing when ok. Otherwise it skips t with the one line
// "<what> missing: <install>", or fails t with that line when ACTAS_REQUIRE_ALL=1.
func Require(t testing.TB, ok bool, what, install string) {
	t.Helper()
	if ok {
		return
	}
	msg := what + " missing: " + install
	if os.Getenv(RequireAllEnv) == "1" {
		t.Fatal(msg + " (" + RequireAllEnv + "=1)")
	}
	t.Skip(msg)
}
