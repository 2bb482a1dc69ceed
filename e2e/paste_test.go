package e2e

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	demo "actas/demo/appwrite"
)

const stoppedAda = "Stopped acting as ada@example.com (ada)"

// A megabyte pasted into the request console's Body field, then ctrl+x. Unbracketed, the
// paste is a million key presses ahead of the stop key: the stop must not wait behind
// them, nothing may be sent as the user after it, and none of the x's may land on the
// picker the stop leads to. Bracketed, the field takes what it holds and says what was
// left out, and ctrl+x still stops at once.
func TestPasteThenStop(t *testing.T) {
	bin := build(t)
	srv := demo.New(demo.Options{Users: 1000})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	megabyte := filepath.Join(t.TempDir(), "paste")
	if err := os.WriteFile(megabyte, bytes.Repeat([]byte("x"), 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := newTerm(t, 120, 40)
	tm.start(userEnv(t.TempDir()), consoleLine(bin, hs.URL))
	signIn(tm)
	search(tm, "ada", "ada@example.com", "Sam Support")

	// (a) Unbracketed: the keys as typed, the stop key last.
	actAs(tm, "Their sessions (2)")
	openRequestConsole(tm)
	mark := len(srv.Seen())
	tm.loadBuffer("mb", megabyte)
	start := time.Now()
	tm.pasteThen("mb", false, "C-x")
	screen := tm.waitText(stoppedAda)
	took := time.Since(start)
	t.Logf("unbracketed 1 MB paste + ctrl+x to %q on screen: %v", stoppedAda, took.Round(time.Millisecond))
	if took > 3*time.Second {
		t.Errorf("the stop took %v behind the paste (want under 3s)", took)
	}
	if strings.Contains(screen, "IMPERSONATING") {
		t.Fatalf("banner after the stop:\n%s", screen)
	}
	if line := searchLine(screen); strings.Contains(line, "x") || !strings.HasPrefix(line, "Search ada") {
		t.Fatalf("the pasted x's reached the picker's search: %q", line)
	}
	// Still responsive: / focuses the search, and what is typed lands there, after "ada"
	// and nothing else.
	tm.keys("/")
	tm.waitText("esc stop typing")
	tm.text("!")
	screen = tm.waitFor("the typed ! in the search", func(s string) bool { return strings.Contains(searchLine(s), "!") })
	if f := strings.Fields(searchLine(screen)); len(f) < 2 || f[1] != "ada!" {
		t.Fatalf("search line after the stop: %q", searchLine(screen))
	}
	if strings.Contains(screen, "xxx") {
		t.Fatalf("pasted x's on the picker:\n%s", screen)
	}
	tm.keys("BSpace")
	tm.waitFor("the search back at ada", func(s string) bool {
		return strings.HasPrefix(strings.TrimSpace(searchLine(s)), "Search ada ") && strings.Contains(firstRow(s), "ada@example.com")
	})
	tm.keys("Enter")
	tm.waitText("i act as")
	checkNothingSentAs(t, srv, mark, "the unbracketed paste")

	// (b) Bracketed: one paste, cut to the field's 65,536 characters and said so.
	actAs(tm, "Their sessions (2)")
	openRequestConsole(tm)
	mark = len(srv.Seen())
	tm.loadBuffer("mb", megabyte)
	start = time.Now()
	tm.pasteThen("mb", true)
	screen = tm.waitText("were left out")
	t.Logf("bracketed 1 MB paste to the note on screen: %v", time.Since(start).Round(time.Millisecond))
	note := regexp.MustCompile(`Pasted (\d+) characters; this field holds (\d+), so (\d+) were left out`).FindStringSubmatch(screen)
	if note == nil {
		t.Fatalf("no paste note:\n%s", screen)
	}
	pasted, _ := strconv.Atoi(note[1])
	holds, _ := strconv.Atoi(note[2])
	left, _ := strconv.Atoi(note[3])
	if pasted != 1<<20 || holds != 65536 || pasted-left > 65536 || pasted-left <= 0 {
		t.Fatalf("paste note %q: want 1048576 pasted, 65536 held, at most 65536 kept", note[0])
	}
	if !strings.Contains(screen, "› Body   xxxx") || !strings.HasPrefix(screen, "IMPERSONATING ada@example.com (ada)") {
		t.Fatalf("after the bracketed paste:\n%s", screen)
	}
	start = time.Now()
	tm.keys("C-x")
	screen = tm.waitText(stoppedAda)
	took = time.Since(start)
	t.Logf("ctrl+x after the bracketed paste to %q on screen: %v", stoppedAda, took.Round(time.Millisecond))
	if took > 3*time.Second {
		t.Errorf("the stop took %v (want under 3s)", took)
	}
	if line := searchLine(screen); strings.Contains(line, "x") || !strings.HasPrefix(line, "Search ada") {
		t.Fatalf("the pasted x's reached the picker's search: %q", line)
	}
	tm.keys("/")
	tm.waitText("esc stop typing")
	checkNothingSentAs(t, srv, mark, "the bracketed paste")

	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}

// checkNothingSentAs: no request since mark carried an impersonation target.
func checkNothingSentAs(t *testing.T, srv *demo.Server, mark int, during string) {
	t.Helper()
	for _, s := range srv.Seen()[mark:] {
		if s.Impersonating() {
			t.Fatalf("after %s, %s %s was sent as the user (%v)", during, s.Method, s.Path, s.Impersonation)
		}
	}
}
