// Command testreport reads `go test -json` on stdin and prints what a person needs: a
// line per package, the whole output of what failed (build errors included), and at the
// end the tests that were skipped, each with its reason (testenv's "<what> missing:
// <install>"), which plain `go test` hides without -v. -v prints every line of output.
// It exits 1 when anything failed. scripts/test runs it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of test2json (go help test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	Elapsed    float64
	ImportPath string // build-output and build-fail
}

type skip struct{ pkg, test, reason string }

type report struct {
	out     io.Writer
	verbose bool
	output  map[string][]string // package + test → its output lines so far
	order   map[string][]string // package → the keys of output, in the order they first wrote
	skips   []skip
	failed  bool
}

func newReport(out io.Writer, verbose bool) *report {
	return &report{out: out, verbose: verbose, output: map[string][]string{}, order: map[string][]string{}}
}

func key(pkg, test string) string { return pkg + "\x00" + test }

func (r *report) add(e event) {
	k := key(e.Package, e.Test)
	switch e.Action {
	case "build-output":
		fmt.Fprint(r.out, e.Output) // compile errors: always shown
	case "build-fail":
		r.failed = true
	case "output":
		if r.verbose {
			fmt.Fprint(r.out, e.Output)
			return
		}
		if _, seen := r.output[k]; !seen {
			r.order[e.Package] = append(r.order[e.Package], k)
		}
		r.output[k] = append(r.output[k], e.Output)
	case "skip":
		if e.Test != "" {
			r.skips = append(r.skips, skip{e.Package, e.Test, reason(r.output[k])})
		} else if r.verbose {
			break
		} else {
			fmt.Fprintf(r.out, "?   \t%s\t[no test files]\n", e.Package)
		}
		delete(r.output, k)
	case "pass":
		if e.Test == "" && !r.verbose {
			fmt.Fprintf(r.out, "ok  \t%s\t%.3fs\n", e.Package, e.Elapsed)
		}
		delete(r.output, k)
	case "fail":
		r.failed = true
		if !r.verbose {
			keys := []string{k}
			if e.Test == "" {
				// The package failed: whatever it still holds is why (a test that timed out
				// or a goroutine that panicked never reports an end of its own).
				keys = r.order[e.Package]
			}
			for _, each := range keys {
				for _, line := range r.output[each] {
					fmt.Fprint(r.out, line)
				}
				delete(r.output, each)
			}
		}
		delete(r.output, k)
	}
}

// reason is the last line a skipped test logged before its "--- SKIP" line.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "" || strings.HasPrefix(l, "--- SKIP") || strings.HasPrefix(l, "=== ") {
			continue
		}
		if _, msg, ok := strings.Cut(l, ": "); ok && strings.Contains(l[:strings.Index(l, ": ")], ".go:") {
			return msg // drop "file_test.go:12: "
		}
		return l
	}
	return "(no reason given)"
}

// summary lists the skipped tests, grouped by reason: one reason usually skips many.
func (r *report) summary() {
	if len(r.skips) == 0 {
		return
	}
	byReason := map[string][]string{}
	for _, s := range r.skips {
		byReason[s.reason] = append(byReason[s.reason], strings.TrimPrefix(s.pkg, "actas/")+"."+s.test)
	}
	reasons := make([]string, 0, len(byReason))
	for k := range byReason {
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	fmt.Fprintf(r.out, "\n%d tests skipped, each with what to install for it (or why it skips):\n", len(r.skips))
	for _, why := range reasons {
		tests := byReason[why]
		shown := tests
		if len(tests) > 4 {
			shown = append(tests[:4:4], fmt.Sprintf("and %d more", len(tests)-4))
		}
		fmt.Fprintf(r.out, "  %s\n      %s\n", why, strings.Join(shown, ", "))
	}
}

func main() {
	verbose := flag.Bool("v", false, "print every line of the tests' output")
	flag.Parse()
	r := newReport(os.Stdout, *verbose)
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintln(r.out, sc.Text()) // not an event (go vet, a panic before test2json): shown as is
			continue
		}
		if e.Package == "" && e.ImportPath != "" {
			e.Package = e.ImportPath
		}
		r.add(e)
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(r.out, "testreport: reading go test's output: %v\n", err)
		r.failed = true
	}
	r.summary()
	if r.failed {
		os.Exit(1)
	}
}
