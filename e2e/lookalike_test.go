package e2e

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	demo "actas/demo/appwrite"
)

const (
	olgaEmail = "olga.smirnova@example.ru"
	lookalike = "Ada Lovelace ada@example.com (ada)"
)

// A customer renames themselves to look like someone else ("Ada Lovelace ada@example.com
// (ada)" padded with spaces to Appwrite's 128 characters). Acting as them, the dialog and
// the banner must put the verified email and id first, and the name after them, in
// quotes; at 40x12 the banner wraps rather than cut the identity.
func TestLookalikeNameStaysBehindTheIdentity(t *testing.T) {
	bin := build(t)
	srv := demo.New(demo.Options{Users: 1000})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	renameUser(t, hs.URL, srv, "olga", lookalike+strings.Repeat(" ", 128-len(lookalike)))

	for _, size := range []struct{ w, h int }{{120, 40}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			t.Parallel()
			tm := newTerm(t, size.w, size.h)
			tm.start(userEnv(t.TempDir()), consoleLine(bin, hs.URL))
			signIn(tm)
			search(tm, "olga", "olga.smirnova@", "Sam Support")
			dialog, view := actAs(tm, "Their account, as they see it")

			checkLookalikeDialog(t, dialog)
			banner := bannerLines(view)
			if len(banner) == 0 {
				t.Fatalf("no banner above the header:\n%s", view)
			}
			identity := "IMPERSONATING " + olgaEmail + " (olga)"
			if size.w >= len(identity) && !strings.HasPrefix(banner[0], identity) {
				t.Fatalf("first line %q does not start with %q", banner[0], identity)
			}
			if size.w < len(identity) {
				if len(banner) < 2 {
					t.Fatalf("at %d columns the banner did not wrap: %q", size.w, banner)
				}
				if !strings.HasPrefix(banner[0], "IMPERSONATING ") || !anyLineHas(banner, olgaEmail) || !anyLineHas(banner, "(olga)") {
					t.Fatalf("at %d columns the verified email and id are not whole:\n%s", size.w, strings.Join(banner, "\n"))
				}
			}
			joined := strings.Join(banner, " ")
			for _, want := range []string{"operator " + demo.OperatorEmail, "ctrl+x stop"} {
				if !strings.Contains(joined, want) {
					t.Fatalf("banner lacks %q:\n%s", want, strings.Join(banner, "\n"))
				}
			}
			checkNameQuotedAfter(t, "banner", joined, identity)
			t.Logf("banner at %dx%d:\n%s", size.w, size.h, strings.Join(banner, "\n"))

			tm.keys("C-c")
			if status := tm.exitStatus(); status != "0" {
				t.Fatalf("exit status %s", status)
			}
		})
	}
}

// checkLookalikeDialog: the act-as dialog names olga by her email and id, and only then
// shows the name, in quotes.
func checkLookalikeDialog(t *testing.T, dialog string) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(dialog, "\n") { // the dialog box's inside
		if i := strings.Index(l, "│"); i >= 0 {
			if j := strings.LastIndex(l, "│"); j > i {
				lines = append(lines, strings.TrimSpace(l[i+len("│"):j]))
			}
		}
	}
	idLine, nameLine := -1, -1
	for i, l := range lines {
		if idLine < 0 && strings.Contains(l, olgaEmail+" (olga)") {
			idLine = i
		}
		if nameLine < 0 && strings.Contains(l, "Ada") {
			nameLine = i
		}
	}
	if idLine < 0 || nameLine < idLine {
		t.Fatalf("the dialog does not show %s (olga) before the name:\n%s", olgaEmail, dialog)
	}
	checkNameQuotedAfter(t, "dialog", strings.Join(lines[idLine:], " "), olgaEmail+" (olga)")
}

// checkNameQuotedAfter: text starts (after any label) with identity, then the lookalike
// name inside “quotes” (cut with … or closed with ”), and nothing outside the quotes
// looks like Ada's identity.
func checkNameQuotedAfter(t *testing.T, what, text, identity string) {
	t.Helper()
	at := strings.Index(text, identity)
	open := strings.Index(text, "“")
	if at < 0 || open < at+len(identity) {
		t.Fatalf("%s: the name is not after %q in quotes: %q", what, identity, text)
	}
	if !strings.HasPrefix(text[open+len("“"):], "Ada Lovelace") {
		t.Fatalf("%s: the quotes do not hold the name: %q", what, text)
	}
	rest := text[open+len("“"):]
	end := len(rest)
	if i := strings.IndexAny(rest, "”…"); i >= 0 {
		end = i
	}
	outside := text[:open] + rest[end:]
	for _, bad := range []string{"Ada", "Lovelace", "ada@example.com", "(ada)"} {
		if strings.Contains(outside, bad) {
			t.Fatalf("%s: %q shows outside the quotes: %q", what, bad, text)
		}
	}
	if strings.Count(text, "IMPERSONATING") > 1 {
		t.Fatalf("%s: IMPERSONATING twice: %q", what, text)
	}
}

func anyLineHas(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
