package main

import (
	"strings"
	"testing"
)

func feed(r *report, lines ...event) {
	for _, e := range lines {
		r.add(e)
	}
}

func TestSkipsAreListedWithTheirReason(t *testing.T) {
	var out strings.Builder
	r := newReport(&out, false)
	feed(r,
		event{Action: "run", Package: "actas/keyring", Test: "TestRealSecretService"},
		event{Action: "output", Package: "actas/keyring", Test: "TestRealSecretService", Output: "=== RUN   TestRealSecretService\n"},
		event{Action: "output", Package: "actas/keyring", Test: "TestRealSecretService", Output: "    secret_service_test.go:18: Secret Service missing: install gnome-keyring and dbus\n"},
		event{Action: "output", Package: "actas/keyring", Test: "TestRealSecretService", Output: "--- SKIP: TestRealSecretService (0.00s)\n"},
		event{Action: "skip", Package: "actas/keyring", Test: "TestRealSecretService"},
		event{Action: "output", Package: "actas/keyring", Test: "TestQuiet", Output: "noise that passes\n"},
		event{Action: "pass", Package: "actas/keyring", Test: "TestQuiet"},
		event{Action: "pass", Package: "actas/keyring", Elapsed: 1.5},
	)
	r.summary()
	got := out.String()
	for _, want := range []string{"ok  \tactas/keyring\t1.500s", "1 tests skipped", "Secret Service missing: install gnome-keyring and dbus", "keyring.TestRealSecretService"} {
		if !strings.Contains(got, want) {
			t.Fatalf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "noise that passes") || strings.Contains(got, "secret_service_test.go:18") || r.failed {
		t.Fatalf("passing output shown, or failed:\n%s", got)
	}
}

func TestFailuresShowTheirWholeOutput(t *testing.T) {
	var out strings.Builder
	r := newReport(&out, false)
	feed(r,
		event{Action: "build-output", ImportPath: "actas/ui", Output: "ui/app.go:3:1: syntax error\n"},
		event{Action: "output", Package: "actas/session", Test: "TestX", Output: "    x_test.go:9: got 2, want 3\n"},
		event{Action: "fail", Package: "actas/session", Test: "TestX"},
	)
	if got := out.String(); !strings.Contains(got, "syntax error") || !strings.Contains(got, "got 2, want 3") || !r.failed {
		t.Fatalf("failed %v:\n%s", r.failed, got)
	}
}

// A test that times out never reports its own end: the package's failure shows its output.
func TestATimeoutShowsWhatWasRunning(t *testing.T) {
	var out strings.Builder
	r := newReport(&out, false)
	feed(r,
		event{Action: "run", Package: "actas/ui", Test: "TestHang"},
		event{Action: "output", Package: "actas/ui", Test: "TestHang", Output: "=== RUN   TestHang\n"},
		event{Action: "output", Package: "actas/ui", Test: "TestDone", Output: "passed quietly\n"},
		event{Action: "pass", Package: "actas/ui", Test: "TestDone"},
		event{Action: "output", Package: "actas/ui", Output: "panic: test timed out after 3s\n\trunning tests:\n\t\tTestHang (3s)\n"},
		event{Action: "output", Package: "actas/ui", Output: "FAIL\tactas/ui\t3.01s\n"},
		event{Action: "fail", Package: "actas/ui", Elapsed: 3.01},
	)
	got := out.String()
	if !strings.Contains(got, "panic: test timed out") || !strings.Contains(got, "=== RUN   TestHang") ||
		strings.Contains(got, "passed quietly") || strings.Index(got, "TestHang\n") > strings.Index(got, "panic:") || !r.failed {
		t.Fatalf("failed %v:\n%s", r.failed, got)
	}
}
