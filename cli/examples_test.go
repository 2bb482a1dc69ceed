package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// shellWords splits an example command line as sh would, for the quoting the examples use.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
			}
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// The write example in `actas as --help` does what it says when run as written.
func TestAsHelpWriteExampleDoesWhatItSays(t *testing.T) {
	c := newCLI(t)
	c.mustRun(0, "as", "--help")
	var example []string
	for _, line := range strings.Split(c.stdout.String(), "\n") {
		if w := shellWords(strings.TrimSpace(line)); len(w) > 2 && w[0] == "actas" && strings.Contains(line, "--write") && strings.Contains(line, "--data '") {
			example = w[1:]
		}
	}
	if len(example) == 0 {
		t.Fatalf("no write example in:\n%s", c.stdout.String())
	}
	c.login()
	c.mustRun(0, example...)
	c.mustRun(0, "as", "ada", "--", "GET", "/account")
	var acct struct{ Name string }
	if err := json.Unmarshal(c.stdout.Bytes(), &acct); err != nil || acct.Name != "Ada King" {
		t.Fatalf("after %v the name is %q (%v)", example, acct.Name, err)
	}
}

// Appwrite's PATCH /account/prefs replaces the whole object (so the help says to send them
// all back), and the read-change-write it shows keeps the other keys.
func TestPrefsWriteReplacesTheWholeObject(t *testing.T) {
	c := newCLI(t)
	c.login()
	prefs := func() map[string]any {
		t.Helper()
		c.stdin = ""
		c.mustRun(0, "as", "ada", "--", "GET", "/account/prefs")
		var p map[string]any
		if err := json.Unmarshal(c.stdout.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := prefs()
	if len(before) < 2 {
		t.Fatalf("Ada's demo preferences %v: want at least two keys to see one kept", before)
	}
	merged := map[string]any{}
	for k, v := range before {
		merged[k] = v
	}
	merged["theme"] = "light"
	body, _ := json.Marshal(map[string]any{"prefs": merged})
	c.stdin = string(body) // what the jq line of the help pipes in
	c.mustRun(0, "as", "ada", "--write", "--reason", "HELP-4711", "--data", "@-", "--", "PATCH", "/account/prefs")
	after := prefs()
	for k := range before {
		if _, ok := after[k]; !ok {
			t.Fatalf("read-change-write lost %q: %v", k, after)
		}
	}
	if after["theme"] != "light" {
		t.Fatalf("theme not changed: %v", after)
	}
	c.stdin = ""
	c.mustRun(0, "as", "ada", "--write", "--reason", "HELP-4711", "--data", `{"prefs":{"theme":"dark"}}`, "--", "PATCH", "/account/prefs")
	if got := prefs(); len(got) != 1 {
		t.Fatalf("a one-key PATCH left %v: Appwrite replaces the whole object", got)
	}
}
