package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// term is a private tmux server (its own socket, no user config) with one 120x40 pane,
// driven the way a person would: keys in, screen text out.
type term struct {
	t      *testing.T
	socket string
	dir    string
}

func newTerm(t *testing.T, width, height int) *term {
	t.Helper()
	tm := &term{t: t, socket: fmt.Sprintf("actas-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), dir: t.TempDir()}
	tm.run("new-session", "-d", "-s", "app", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "sleep 600")
	tm.run("set", "-g", "status", "off")
	tm.run("set", "-g", "window-size", "manual")
	tm.run("set", "-sg", "escape-time", "0")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "-f", "/dev/null", "kill-server").Run() })
	return tm
}

func (tm *term) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// start runs a shell command in the pane; its exit status lands in a file.
func (tm *term) start(env []string, command string) {
	tm.t.Helper()
	status := filepath.Join(tm.dir, "exit-status")
	line := fmt.Sprintf("env %s %s; echo $? > %s; sleep 600", strings.Join(env, " "), command, status)
	tm.run("respawn-pane", "-k", "-t", "app", line)
}

func (tm *term) screen() string { return tm.run("capture-pane", "-p", "-t", "app") }

func (tm *term) keys(keys ...string) { tm.run(append([]string{"send-keys", "-t", "app"}, keys...)...) }

func (tm *term) text(s string) { tm.run("send-keys", "-t", "app", "-l", "--", s) }

// waitFor polls the screen until cond holds; it never sleeps blindly.
func (tm *term) waitFor(what string, cond func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (tm *term) waitText(s string) string {
	tm.t.Helper()
	return tm.waitFor("“"+s+"”", func(screen string) bool { return strings.Contains(screen, s) })
}

// exitStatus waits for the program to end and returns its exit status.
func (tm *term) exitStatus() string {
	tm.t.Helper()
	path := filepath.Join(tm.dir, "exit-status")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(10 * time.Millisecond)
	}
	tm.t.Fatalf("the program did not exit; screen:\n%s", tm.screen())
	return ""
}

func (tm *term) altScreen() bool {
	return strings.TrimSpace(tm.run("display-message", "-p", "-t", "app", "#{alternate_on}")) == "1"
}

// screenEscapes is the screen as tmux stores it, with its SGR codes (capture-pane -e).
func (tm *term) screenEscapes() string { return tm.run("capture-pane", "-p", "-e", "-t", "app") }

// loadBuffer puts a file into the tmux paste buffer named name.
func (tm *term) loadBuffer(name, path string) { tm.run("load-buffer", "-b", name, path) }

// pasteThen pastes buffer name into the pane (bracketed only when asked and the program
// turned bracketed paste on) and sends keys right after it, in one tmux command, so
// nothing can come between them.
func (tm *term) pasteThen(name string, bracketed bool, keys ...string) {
	tm.t.Helper()
	args := []string{"paste-buffer", "-d", "-b", name, "-t", "app"}
	if bracketed {
		args = append(args, "-p")
	}
	if len(keys) > 0 {
		args = append(append(args, ";", "send-keys", "-t", "app"), keys...)
	}
	tm.run(args...)
}

// paneTitle is the pane's title (set by OSC 0 and OSC 2).
func (tm *term) paneTitle() string {
	return strings.TrimRight(tm.run("display-message", "-p", "-t", "app", "#{pane_title}"), "\n")
}
