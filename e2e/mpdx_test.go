package e2e

import (
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	mpdx "actas/demo/mpdx"
)

// jwtLike is a JSON Web Token's shape: three base64url parts.
var jwtLike = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`)

// The MPDX errand on the one-command demo: sign in, find ada, act as her with a reason,
// the banner names her, her uuid, the organization and the countdown; a read; ctrl+x; no
// member token in any file under HOME.
func TestMPDXActAsAMember(t *testing.T) {
	bin := build(t)
	home := t.TempDir()
	tm := newTerm(t, 140, 40)
	tm.start(userEnv(home), bin+" --demo --dialect mpdx")
	screen := tm.waitText("› Token")
	if !strings.Contains(screen, mpdx.CruDemoID) || !strings.Contains(screen, mpdx.OrgAdminEmail) {
		t.Fatalf("login form:\n%s", screen)
	}
	tm.text(mpdx.OrgAdminPassword)
	tm.keys("Enter")
	tm.waitText("ACCOUNT LISTS")
	tm.keys("/")
	tm.text("ada")
	tm.keys("Enter")
	tm.waitText("Ada Lovelace")
	tm.keys("i")
	tm.waitText("Act as this member?")
	tm.text("HELP-4711")
	tm.keys("Enter")
	screen = tm.waitText("Contacts of")
	banner := strings.Join(strings.SplitN(screen, "\n", 3)[:2], " ")
	for _, want := range []string{"IMPERSONATING " + mpdx.AdaEmail, mpdx.AdaUserID, mpdx.CruDemoID, "ends in 59:", "HELP-4711"} {
		if !strings.Contains(banner, want) {
			t.Fatalf("banner lacks %q: %q", want, banner)
		}
	}
	tm.keys("m")
	tm.waitText("Actions as member")
	tm.keys("Enter")
	tm.waitText("Request as member")
	tm.keys("Enter")
	tm.waitText("200 OK")
	tm.keys("C-x")
	tm.waitText("Stopped acting as " + mpdx.AdaEmail)
	tm.keys("a")
	tm.waitText("keeps no audit log over its API")
	tm.keys("q")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	noTokenUnder(t, home)
}

// noTokenUnder fails when a JWT (a member's token, or the sign-in's) is in a file under home.
func noTokenUnder(t *testing.T, home string) {
	t.Helper()
	files := 0
	_ = filepath.WalkDir(home, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		files++
		if b, _ := os.ReadFile(path); jwtLike.Match(b) {
			t.Fatalf("%s holds a token", path)
		}
		return nil
	})
	if files == 0 {
		t.Fatal("nothing written under HOME: the journal is missing")
	}
}

// A member's token of 30 seconds: the banner counts it down and the impersonation stops by
// itself before the token lapses, saying why; the token is in no file under HOME.
func TestMPDXShortTokenStopsByItself(t *testing.T) {
	bin := build(t)
	srv := mpdx.New(mpdx.Options{Members: 100, ImpersonationLifetime: 30 * time.Second})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	home := t.TempDir()
	tm := newTerm(t, 140, 40)
	tm.start(userEnv(home), bin+" --dialect mpdx --endpoint "+hs.URL+" --project "+mpdx.CruDemoID)
	tm.waitText("› Token")
	tm.text(srv.OperatorToken())
	tm.keys("Enter")
	tm.waitText("ACCOUNT LISTS")
	tm.keys("p")
	tm.text(mpdx.AdaEmail)
	tm.keys("Enter")
	tm.waitText("Act as this member?")
	tm.keys("Enter")
	tm.waitText("ends in 00:")
	tm.waitText("ends in 00:1")
	tm.waitText("ends in 00:0")
	screen := tm.waitText("by itself")
	if strings.HasPrefix(screen, "IMPERSONATING") || !strings.Contains(screen, "by itself: the backend's") {
		t.Fatalf("after the token's end:\n%s", screen)
	}
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	noTokenUnder(t, home)
}
