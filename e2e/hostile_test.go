package e2e

import (
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	demo "actas/demo/appwrite"
)

// A hostile backend: every string it serves carries escape sequences, control bytes, a
// forged banner, bidi controls, wide characters and invalid UTF-8. Acting as Ada through
// it, on her view, the Account and Preferences answers and the audit screen, nothing of it
// may reach the terminal as a command: what tmux keeps holds no escape but SGR, the title
// is not "pwned", the clipboard not written, the alternate screen not left, the banner
// style (bold and reverse) only on the real banner, and the banner with Ada's verified
// email and id first.
func TestHostileBackendInTheRealBinary(t *testing.T) {
	t.Parallel()
	bin := build(t)
	hostile := demo.Knobs{Hostile: demo.ShortHostileString()}
	srv := demo.New(demo.Options{Users: 1000, Knobs: hostile})
	srv.SetKnobs(demo.Knobs{}) // the operator signs in to a well-behaved backend (see below)
	hs := httptest.NewServer(srv)
	defer hs.Close()
	tm := newTerm(t, 120, 40)
	tm.run("set", "-s", "set-clipboard", "on") // an OSC 52 would land in a tmux buffer
	titleBefore := tm.paneTitle()
	tm.start(userEnv(t.TempDir()), consoleLine(bin, hs.URL))
	signIn(tm)
	// Hostile from here on: the search, the act-as verification and everything after it.
	// (Signing in through the hostile backend works too, but then the operator's own
	// email carries the forged banner into the header and the banner's operator part.)
	srv.SetKnobs(hostile)
	search(tm, "ada", "ada@example.com", "Sam Support")
	_, view := actAs(tm, "Their sessions (2)")
	checkHostileScreen(t, tm, "their view", view)

	tm.keys("m")
	tm.waitText("› Account")
	tm.keys("Enter")
	screen := tm.waitFor("the Account answer", func(s string) bool {
		return strings.Contains(s, "Path   /account\n") && strings.Contains(s, "200 OK")
	})
	checkHostileScreen(t, tm, "Account", screen)

	tm.keys("Escape")
	tm.waitFor("the actions menu", func(s string) bool { return strings.Contains(s, "› Account") && !strings.Contains(s, "200 OK") })
	tm.keys("j")
	tm.waitText("› Preferences")
	tm.keys("Enter")
	screen = tm.waitFor("the Preferences answer", func(s string) bool {
		return strings.Contains(s, "Path   /account/prefs") && strings.Contains(s, "200 OK")
	})
	checkHostileScreen(t, tm, "Preferences", screen)

	tm.keys("Escape")
	tm.waitFor("the actions menu", func(s string) bool { return strings.Contains(s, "› Preferences") && !strings.Contains(s, "200 OK") })
	tm.keys("Escape")
	tm.waitText("Their sessions (2)")
	tm.keys("a")
	screen = tm.waitFor("the audit screen", func(s string) bool {
		return strings.Contains(s, "Audit") && strings.Contains(s, "impersonation.start") && strings.Contains(s, "backend")
	})
	checkHostileScreen(t, tm, "audit", screen)

	if title := tm.paneTitle(); strings.Contains(title, "pwned") || strings.Contains(title, "\x1b") {
		t.Errorf("window title %q (before the console: %q)", title, titleBefore)
	}
	if bufs := tm.run("list-buffers", "-F", "#{buffer_name}: #{buffer_sample}"); strings.Contains(bufs, "rm -rf") || strings.Contains(bufs, "cm0gLXJmIC8K") {
		t.Errorf("the hostile OSC 52 wrote the clipboard: %s", bufs)
	}
	tm.keys("C-x")
	tm.waitText("Stopped acting as " + demo.AdaEmail)
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Errorf("exit status %s", status)
	}
}

// checkHostileScreen looks at one screen (plain, as waited for) and at what tmux stores
// of it, escapes included.
func checkHostileScreen(t *testing.T, tm *term, what, plain string) {
	t.Helper()
	raw := tm.screenEscapes()
	if bad := nonSGR(raw); bad != "" {
		t.Errorf("%s: tmux holds a sequence other than SGR: %q", what, bad)
	}
	if i := strings.IndexFunc(raw, func(r rune) bool { return (r < 0x20 && r != '\n' && r != 0x1b) || (r >= 0x7f && r <= 0x9f) }); i >= 0 {
		t.Errorf("%s: control character %q on screen", what, raw[i:i+utf8.RuneLen([]rune(raw[i:])[0])])
	}
	if !strings.Contains(tm.run("display-message", "-p", "-t", "app", "#{alternate_on}"), "1") {
		t.Errorf("%s: the alternate screen was left", what)
	}
	if title := tm.paneTitle(); strings.Contains(title, "pwned") {
		t.Errorf("%s: window title %q", what, title)
	}
	lines := strings.Split(plain, "\n")
	banner := bannerLines(plain)
	if len(banner) == 0 {
		t.Errorf("%s: no header line (the screen was cleared or the cursor moved?):\n%s", what, plain)
		return
	}
	if last := strings.TrimSpace(strings.TrimRight(plain, "\n")[strings.LastIndex(strings.TrimRight(plain, "\n"), "\n")+1:]); !strings.HasPrefix(last, "ctrl+x stop impersonating") {
		t.Errorf("%s: the help bar is not on the last line: %q", what, last)
	}
	// The banner's look (bold and reverse) is the banner's alone.
	for i, styled := range boldReverseLines(raw) {
		if styled && i >= len(banner) {
			t.Errorf("%s: line %d is in the banner's style but is not the banner: %q", what, i+1, lines[i])
		}
	}
	if br := boldReverseLines(raw); len(br) == 0 || !br[0] {
		t.Errorf("%s: the first line is not in the banner's style", what)
	}
	// The verified identity heads the banner.
	if !strings.HasPrefix(banner[0], "IMPERSONATING "+demo.AdaEmail+" (ada)") {
		t.Errorf("%s: the banner does not start with Ada's verified email and id: %d lines:\n%s", what, len(banner), strings.Join(banner, "\n"))
	}
	if strings.Contains(plain, "pwned") {
		t.Errorf("%s: %q shows on screen", what, "pwned")
	}
}

var escapeSeq = regexp.MustCompile(`\x1b(\[[0-?]*[ -/]*[@-~]|.?)`)

// nonSGR is the first escape sequence in s that is not SGR (ESC [ ... m), or "".
func nonSGR(s string) string {
	for _, m := range escapeSeq.FindAllString(s, -1) {
		if !strings.HasPrefix(m, "\x1b[") || !strings.HasSuffix(m, "m") || strings.ContainsAny(m[2:len(m)-1], "<=>?") {
			return m
		}
	}
	return ""
}

var sgrSeq = regexp.MustCompile(`^\x1b\[([0-9;:]*)m`)

// boldReverseLines says, for each line of a capture-pane -e screen, whether any of its
// visible characters is drawn bold and reversed (the banner's look). tmux carries the
// attributes from one line to the next.
func boldReverseLines(s string) []bool {
	var out []bool
	bold, reverse, line := false, false, false
	for i := 0; i < len(s); {
		if m := sgrSeq.FindStringSubmatch(s[i:]); m != nil {
			params := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' })
			if len(params) == 0 {
				params = []string{"0"}
			}
			for j := 0; j < len(params); j++ {
				p := params[j]
				if k := strings.IndexByte(p, ':'); k >= 0 { // 4:3, 38:2:r:g:b
					p = p[:k]
				}
				n, _ := strconv.Atoi(p)
				switch n {
				case 0:
					bold, reverse = false, false
				case 1:
					bold = true
				case 22:
					bold = false
				case 7:
					reverse = true
				case 27:
					reverse = false
				case 38, 48, 58:
					if strings.Contains(params[j], ":") {
						break
					}
					if j+1 < len(params) && params[j+1] == "5" {
						j += 2
					} else if j+1 < len(params) && params[j+1] == "2" {
						j += 4
					}
				}
			}
			i += len(m[0])
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			out = append(out, line)
			line = false
		case r != ' ' && r != 0x1b && bold && reverse:
			line = true
		}
		i += size
	}
	return append(out, line)
}
