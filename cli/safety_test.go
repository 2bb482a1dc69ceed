package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	demo "actas/demo/appwrite"
	"actas/session"
)

// The commands print for people through say only, whose format is a literal and whose
// values are sanitize.Safe: no server text reaches the terminal otherwise.
func TestCommandsPrintOnlyThroughSay(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	checked := 0
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") || path == "print.go" || path == "jsonout.go" {
			continue
		}
		checked++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "fmt" && strings.HasPrefix(sel.Sel.Name, "Print") ||
					ok && id.Name == "fmt" && strings.HasPrefix(sel.Sel.Name, "Fprint") {
					t.Errorf("%s: fmt.%s prints around say", fset.Position(call.Pos()), sel.Sel.Name)
				}
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Write" || sel.Sel.Name == "WriteString") {
				if out, ok := sel.X.(*ast.SelectorExpr); ok && (out.Sel.Name == "stdout" || out.Sel.Name == "stderr" || out.Sel.Name == "Stdout" || out.Sel.Name == "Stderr") {
					t.Errorf("%s: %s written to directly, around say", fset.Position(call.Pos()), out.Sel.Name)
				}
			}
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "say" {
				if len(call.Args) < 2 {
					t.Errorf("%s: say without a format", fset.Position(call.Pos()))
				} else if _, lit := call.Args[1].(*ast.BasicLit); !lit {
					t.Errorf("%s: say's format must be the command's own literal", fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
}

// ctrl+c, SIGTERM or SIGHUP during `actas as` still stop the impersonation and journal
// the stop, with the signal.
func TestAsInterruptedJournalsTheStop(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		c := newCLI(t)
		c.login()
		sigs := make(chan os.Signal, 1)
		c.env.signals = sigs
		c.srv.Inject("/v1/account/prefs", 1, demo.Fault{Delay: 5 * time.Second})
		go func() {
			// The request is on its way once the journal holds its line.
			for !c.journalHas(session.EventRequest, "/v1/account/prefs") {
				time.Sleep(5 * time.Millisecond)
			}
			sigs <- sig
		}()
		start := time.Now()
		c.mustRun(1, "as", "ada", "--", "GET", "/account/prefs")
		if time.Since(start) > 4*time.Second {
			t.Fatalf("%v: the command waited for the request", sig)
		}
		got := c.journal()
		last := got[len(got)-1]
		if last.Event != session.EventImpersonateStop || last.Why != "signal" || !strings.Contains(last.Detail, "interrupted by SIG") {
			t.Fatalf("%v: last line %+v", sig, last)
		}
		if !strings.Contains(c.stderr.String(), "the impersonation was stopped and journaled") {
			t.Fatalf("%v: stderr %q", sig, c.stderr.String())
		}
	}
}

func (c *cli) journalHas(event, path string) bool {
	entries, _, _ := session.ReadJournal(c.env.journalPath)
	for _, e := range entries {
		if e.Event == event && e.Path == path {
			return true
		}
	}
	return false
}

// A refused write and a sign-out whose journal line cannot be written say so.
func TestJournalFailuresAreReported(t *testing.T) {
	c := newCLI(t)
	c.login()
	// The journal's path becomes a symbolic link: it is refused, so nothing can be written.
	real := c.env.journalPath + ".real"
	if err := os.Rename(c.env.journalPath, real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, c.env.journalPath); err != nil {
		t.Fatal(err)
	}
	c.mustRun(1, "as", "ada", "--", "PATCH", "/account/prefs")
	if !strings.Contains(c.stderr.String(), "the refusal could not be journaled") {
		t.Fatalf("refused write: %q", c.stderr.String())
	}
	c.mustRun(1, "logout")
	if !strings.Contains(c.stderr.String(), "could not be journaled") {
		t.Fatalf("logout: %q", c.stderr.String())
	}
}

// The commands' human output against a backend that puts a hostile string in every
// field: not one byte a terminal would act on.
func TestHumanOutputAgainstAHostileBackend(t *testing.T) {
	c := newCLI(t)
	c.login()
	c.srv.SetKnobs(demo.Knobs{Hostile: demo.ShortHostileString()})
	for _, args := range [][]string{{"whoami"}, {"users", "search", "ada"}, {"as", "ada", "--", "GET", "/account"}, {"audit"}} {
		if code := c.run(args...); code != 0 {
			t.Fatalf("actas %s: exit %d: %s", strings.Join(args, " "), code, c.stderr.String())
		}
		for name, out := range map[string]string{"stdout": c.stdout.String(), "stderr": c.stderr.String()} {
			if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && (r < 0x20 || (r >= 0x7f && r <= 0x9f)) }); i >= 0 {
				t.Fatalf("actas %s: %s carries %q at %d: %q", strings.Join(args, " "), name, out[i], i, out[max(0, i-20):min(len(out), i+20)])
			}
			if strings.ContainsRune(out, '\u202e') {
				t.Fatalf("actas %s: %s carries a bidi override", strings.Join(args, " "), name)
			}
		}
	}
}

// Bad input is a usage error in one line, before anything is sent or journaled.
func TestBadTargetsAndPathsAreUsageErrors(t *testing.T) {
	c := newCLI(t)
	c.login()
	before := len(c.journal())
	mark := len(c.srv.Seen())
	for _, args := range [][]string{
		{"as", "ada\nX-Evil: 1", "--", "GET", "/account"},
		{"as", "ada\u202e", "--", "GET", "/account"},
		{"as", "ada", "--", "GET", "/../../x"},
		{"as", "ada", "--", "GET", "/%2e%2e/x"},
	} {
		c.mustRun(2, args...)
		if lines := strings.Count(strings.TrimSpace(c.stderr.String()), "\n"); lines != 0 || strings.ContainsAny(c.stderr.String(), "\x1b\u202e") {
			t.Fatalf("actas %q: %q", args, c.stderr.String())
		}
	}
	if len(c.journal()) != before || len(c.srv.Seen()) != mark {
		t.Fatal("bad input reached the journal or the backend")
	}
}
