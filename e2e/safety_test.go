package e2e

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	demo "actas/demo/appwrite"
)

func patchesSeen(srv *demo.Server) int {
	n := 0
	for _, s := range srv.Seen() {
		if s.Method == "PATCH" {
			n++
		}
	}
	return n
}

// A profile that requires a reason and stops after a short limit: the reason prompt, a
// write refused while read-only, elevation, a confirmed write, and the stop by itself.
func TestReasonReadOnlyElevationWriteAndLimit(t *testing.T) {
	bin := build(t)
	srv := demo.New(demo.Options{Users: 1000})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	home := t.TempDir()
	config := filepath.Join(home, ".config", "actas", "config.toml")
	_ = os.MkdirAll(filepath.Dir(config), 0o700)
	profile := "[profiles.staging]\nendpoint = \"" + hs.URL + "\"\nproject = \"demo\"\nemail = \"" + demo.OperatorEmail + "\"\n" +
		"label = \"STAGING\"\ncolor = \"orange\"\nrequire_reason = true\nidle_timeout = \"0\"\nmax_duration = \"12s\"\n"
	if err := os.WriteFile(config, []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, 120, 40)
	tm.start(userEnv(home), bin+" --profile staging")
	tm.waitText("› Password")
	tm.text(demo.OperatorPassword)
	tm.keys("Enter")
	screen := tm.waitText("Mallory")
	if !strings.Contains(strings.Split(screen, "\n")[0], "STAGING") {
		t.Fatalf("no profile badge:\n%s", screen)
	}

	// The reason is asked and required.
	tm.keys("/")
	tm.text("ada")
	tm.keys("Enter")
	tm.waitFor("ada's results", func(s string) bool { return strings.Contains(s, "Ada Lovelace") && !strings.Contains(s, "Sam Support") })
	tm.keys("i")
	tm.waitText("Reason (required)")
	tm.keys("Enter")
	tm.waitText("This profile requires a reason")
	tm.text("HELP-4711")
	tm.keys("Enter")
	screen = tm.waitText("Their sessions (2)")
	if banner := strings.Join(strings.Split(screen, "\n")[:2], "\n"); !strings.Contains(banner, "READ-ONLY · HELP-4711") {
		t.Fatalf("banner:\n%s", banner)
	}

	// A write while read-only is refused and never sent.
	tm.keys("m")
	tm.waitText("Request console")
	for range 6 {
		tm.keys("j")
	}
	tm.keys("Enter")
	tm.waitText("› Path")
	tm.keys("BTab", "C-u")
	tm.text("PATCH")
	tm.keys("Tab", "C-u")
	tm.text("/account/prefs")
	tm.keys("Tab")
	tm.text(`{"prefs":{"theme":"light"}}`)
	tm.keys("Enter")
	tm.waitText("read-only")
	if n := patchesSeen(srv); n != 0 {
		t.Fatalf("%d writes reached the backend while read-only", n)
	}

	// Elevate, then a write that needs the user's email typed.
	tm.keys("Escape")
	tm.waitFor("the answer pane", func(s string) bool { return !strings.Contains(s, "› Body") })
	tm.keys("w")
	tm.waitText("Allow writes as this user?")
	tm.keys("Enter")
	tm.waitFor("the WRITE banner", func(s string) bool { return strings.Contains(s, "WRITE · HELP-4711") })
	tm.keys("Enter")
	tm.waitText("Send this write as them?")
	tm.text("nobody@example.com")
	tm.keys("Enter")
	tm.waitText("nothing was sent")
	tm.keys("C-u")
	tm.text(demo.AdaEmail)
	tm.keys("Enter")
	tm.waitText(`"theme": "light"`)
	if n := patchesSeen(srv); n != 1 {
		t.Fatalf("%d writes reached the backend, want 1", n)
	}

	// The profile's 12 s limit stops it by itself.
	screen = tm.waitText("by itself: reached the 12s limit")
	if strings.Contains(screen, "IMPERSONATING") {
		t.Fatalf("banner after the limit:\n%s", screen)
	}
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	journal, _ := os.ReadFile(filepath.Join(home, ".local", "state", "actas", "audit.jsonl"))
	for _, want := range []string{`"event":"impersonation.write"`, `"event":"request.refused"`, `"why":"expiry"`, `"reason":"HELP-4711"`} {
		if !strings.Contains(string(journal), want) {
			t.Fatalf("journal lacks %s:\n%s", want, journal)
		}
	}
}
