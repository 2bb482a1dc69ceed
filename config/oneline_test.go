package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// loadErrorShape is "config PATH:LINE: " with LINE within the file.
var loadErrorShape = regexp.MustCompile(`^config (.+):(\d+): `)

// checkLoadError fails unless err is one line of the shape
// "config PATH:LINE: ..." with LINE in the document.
func checkLoadError(t *testing.T, path, doc string, err error) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\r\n") {
		t.Errorf("error spans lines: %q", msg)
	}
	m := loadErrorShape.FindStringSubmatch(msg)
	if m == nil || m[1] != path {
		t.Errorf("error does not start with %q: %q", "config "+path+":LINE: ", msg)
		return
	}
	if line, _ := strconv.Atoi(m[2]); line < 1 || line > strings.Count(doc, "\n")+1 {
		t.Errorf("line %d is outside the file (%d lines): %q", line, strings.Count(doc, "\n")+1, msg)
	}
}

func TestEveryErrorIsOneLine(t *testing.T) {
	for _, c := range errorCases {
		path := writeConfig(t, c.doc)
		if _, err := Load(path); err != nil {
			checkLoadError(t, path, c.doc, err)
		}
	}
	for _, c := range resolveErrorCases {
		_, f := resolveErrorFile(t, c.doc)
		if _, err := Resolve(f, c.o, func(k string) string { return c.env[k] }); err == nil || strings.ContainsAny(err.Error(), "\r\n") {
			t.Errorf("%s: error %q is not one line", c.name, err)
		}
	}
	dir := filepath.Join(t.TempDir(), "a\nb")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || strings.ContainsAny(err.Error(), "\r\n") {
		t.Errorf("unreadable file: error %q is not one line", err)
	}
}

// Breaking any line of the example in any of these ways gives either a
// valid file or one line naming the file and a line of it.
func TestBrokenExampleErrorsAreOneLine(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("testdata", "example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(example), "\n")
	breakages := []string{
		"x", "= 1", "[", "[[profiles.production]]", "key = \"\n", "read_only = 1", "\"", "idle_timeout = \"1x\"",
		"color = \"#abc\"", "[profiles.production]", "endpoint = \"\"", "'''", "a = { b = 1 }", "profiles = 1",
		"\r", "max_duration = \"1m\"", "default_profile = \"nope\"", "dialect = \"mpdx\"",
	}
	path := filepath.Join(t.TempDir(), "config.toml")
	failures := 0
	for i := range lines {
		for _, b := range breakages {
			broken := append(append(append([]string{}, lines[:i]...), b), lines[i+1:]...)
			doc := strings.Join(broken, "\n")
			_, err := parse(path, []byte(doc))
			if err != nil {
				failures++
				checkLoadError(t, path, doc, err)
			}
		}
	}
	if failures == 0 {
		t.Error("no breakage was reported")
	}
}

func FuzzLoad(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("testdata", "example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	for _, c := range errorCases {
		f.Add(c.doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		const path = "/fuzz/config.toml"
		file, err := parse(path, []byte(doc))
		if err != nil {
			if file != nil {
				t.Errorf("a File with an error")
			}
			checkLoadError(t, path, doc, err)
			return
		}
		for name, p := range file.Profiles {
			if p.Name != name || strings.TrimSpace(name) == "" || p.Dialect != "appwrite" ||
				(p.Color != "" && !regexp.MustCompile(`^#[0-9A-F]{6}$`).MatchString(p.Color)) ||
				p.IdleTimeout < 0 || p.MaxDuration < 0 {
				t.Errorf("invalid profile loaded: %+v", p)
			}
		}
	})
}
