// Package docs holds the repository's documentation; its test keeps every relative link
// in every Markdown file of the repository pointing at something inside the repository.
package docs

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// ref is one place a Markdown file points at a path.
type ref struct {
	line   int
	kind   string // "link", "reference", "html" or "code"
	target string
}

// skipped are directories whose Markdown is not the repository's own.
func skipped(rel string, name string) bool {
	return name == ".git" || name == "node_modules" || filepath.ToSlash(rel) == "testdata/sdk"
}

// TestRelativeLinksStayInsideTheRepository reads every Markdown file of the repository and
// fails for each relative link, or code span naming a ./ or ../ path, whose target is
// missing or lies outside the repository root (a clone has nothing outside it).
func TestRelativeLinksStayInsideTheRepository(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("%s is not the repository root: %v", root, err)
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil // removed while walking (others edit the tree)
			}
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if path != root && skipped(rel, d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.EqualFold(filepath.Ext(path), ".md") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no Markdown files under %s", root)
	}
	checked := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		for _, r := range references(string(data)) {
			problem, relative := checkTarget(root, filepath.Dir(path), r.target)
			if relative {
				checked++
			}
			if problem != "" {
				t.Errorf("%s:%d: %s target %q %s", filepath.ToSlash(rel), r.line, r.kind, r.target, problem)
			}
		}
	}
	if checked == 0 {
		t.Errorf("no relative link found in %d Markdown files: the scanner is broken", len(files))
	}
}

var scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// checkTarget resolves a link target written in a file of dir. relative says whether it is
// a path to check at all (not a URL, not an anchor alone); problem is why it is broken, ""
// when it is fine.
func checkTarget(root, dir, target string) (problem string, relative bool) {
	target = strings.TrimSpace(target)
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
	if scheme.MatchString(target) || strings.HasPrefix(target, "//") {
		return "", false // http:, https:, mailto: and other URLs
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if target == "" {
		return "", false // an anchor in the same file
	}
	if p, err := url.PathUnescape(target); err == nil {
		target = p
	}
	var abs string
	if strings.HasPrefix(target, "/") {
		abs = filepath.Join(root, filepath.FromSlash(target)) // GitHub reads /x from the root
	} else {
		abs = filepath.Join(dir, filepath.FromSlash(target))
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "points outside the repository (" + filepath.ToSlash(rel) + " from the root); link a file inside it", true
	}
	if _, err := os.Stat(abs); err != nil {
		return "does not exist (" + filepath.ToSlash(rel) + " from the root)", true
	}
	return "", true
}

var (
	fence         = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	inlineTarget  = regexp.MustCompile(`\]\(\s*(<[^<>\n]*>|[^\s)]+)`)
	referenceDef  = regexp.MustCompile(`(?m)^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)`)
	htmlAttribute = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*"([^"]*)"`)
)

// references finds what a Markdown text points at: inline links and images [t](x),
// reference definitions [t]: x, HTML href/src attributes, and code spans holding a single
// ./ or ../ path. Fenced code blocks are ignored, and so are links inside code spans.
func references(text string) []ref {
	lines := strings.Split(text, "\n")
	var open string // the fence that opened the current code block, "" outside one
	for i, l := range lines {
		m := fence.FindStringSubmatch(l)
		switch {
		case open == "" && m != nil:
			open = m[1]
			lines[i] = ""
		case open != "":
			if m != nil && m[1][0] == open[0] && len(m[1]) >= len(open) &&
				strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), m[1][:1])) == "" {
				open = ""
			}
			lines[i] = ""
		}
	}
	text = strings.Join(lines, "\n")
	lineOf := func(offset int) int { return strings.Count(text[:offset], "\n") + 1 }

	var refs []ref
	masked := []byte(text)
	for _, span := range codeSpans(text) {
		content := strings.TrimSpace(text[span[0]:span[1]])
		if (strings.HasPrefix(content, "./") || strings.HasPrefix(content, "../")) &&
			!strings.ContainsAny(content, " \t\n") {
			refs = append(refs, ref{line: lineOf(span[0]), kind: "code", target: content})
		}
		for i := span[0]; i < span[1]; i++ {
			if masked[i] != '\n' {
				masked[i] = ' '
			}
		}
	}
	prose := string(masked)
	for _, m := range inlineTarget.FindAllStringSubmatchIndex(prose, -1) {
		refs = append(refs, ref{line: lineOf(m[2]), kind: "link", target: prose[m[2]:m[3]]})
	}
	for _, m := range referenceDef.FindAllStringSubmatchIndex(prose, -1) {
		if strings.HasPrefix(prose[m[2]:m[3]], "^") {
			continue // a footnote, not a link
		}
		refs = append(refs, ref{line: lineOf(m[4]), kind: "reference", target: prose[m[4]:m[5]]})
	}
	for _, m := range htmlAttribute.FindAllStringSubmatchIndex(prose, -1) {
		refs = append(refs, ref{line: lineOf(m[2]), kind: "html", target: prose[m[2]:m[3]]})
	}
	return refs
}

// codeSpans returns the [start, end) offsets of the contents of the inline code spans of
// text: a run of n backticks up to the next run of exactly n (CommonMark's rule); a run
// that is never closed is plain text.
func codeSpans(text string) [][2]int {
	var spans [][2]int
	run := func(i int) int { // length of the backtick run at i
		n := 0
		for i+n < len(text) && text[i+n] == '`' {
			n++
		}
		return n
	}
	for i := 0; i < len(text); {
		if text[i] == '\\' && i+1 < len(text) {
			i += 2 // an escaped character, backtick included
			continue
		}
		if text[i] != '`' {
			i++
			continue
		}
		n := run(i)
		start := i + n
		end := -1
		for j := start; j < len(text); {
			if text[j] != '`' {
				j++
				continue
			}
			if m := run(j); m == n {
				end = j
				break
			} else {
				j += m
			}
		}
		if end < 0 {
			i = start // unclosed: the backticks are literal
			continue
		}
		spans = append(spans, [2]int{start, end})
		i = end + n
	}
	return spans
}

func TestReferencesFindsLinksAndPathsOutsideCode(t *testing.T) {
	text := strings.Join([]string{
		"See [the guide](protocols/appwrite.md#marks) and ![logo](img/logo.png \"title\").", // 1
		"A [link whose text", // 2
		"wraps](../shared/x.md) and `../shared/protocols/y.md`.",      // 3
		"`go test ./...` has a space; ``../double/ticks`` is a path.", // 4
		"```",                                  // 5
		"[fenced](../ignored.md) `../ignored`", // 6
		"```",                                  // 7
		"[ref]: ./docs/README.md",              // 8
		"[^note]: a footnote",                  // 9
		`<a href="../html.md">x</a> ` + "`[in code](../no.md)`",            // 10
		"[web](https://example.com) [mail](mailto:a@b.c) [anchor](#marks)", // 11
	}, "\n")
	got := map[string]ref{}
	for _, r := range references(text) {
		got[r.target] = r
	}
	want := map[string]ref{
		"protocols/appwrite.md#marks": {1, "link", ""},
		"img/logo.png":                {1, "link", ""},
		"../shared/x.md":              {3, "link", ""},
		"../shared/protocols/y.md":    {3, "code", ""},
		"../double/ticks":             {4, "code", ""},
		"./docs/README.md":            {8, "reference", ""},
		"../html.md":                  {10, "html", ""},
		"https://example.com":         {11, "link", ""},
		"mailto:a@b.c":                {11, "link", ""},
		"#marks":                      {11, "link", ""},
	}
	for target, w := range want {
		g, ok := got[target]
		if !ok {
			t.Errorf("%q not found; found %v", target, got)
			continue
		}
		if g.line != w.line || g.kind != w.kind {
			t.Errorf("%q: line %d kind %s, want line %d kind %s", target, g.line, g.kind, w.line, w.kind)
		}
	}
	for target := range got {
		if _, ok := want[target]; !ok {
			t.Errorf("unexpected reference %q", target)
		}
	}
}

func TestCheckTargetRefusesMissingAndEscapingPaths(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "docs", "protocols")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(root, "README.md"), filepath.Join(dir, "a b.md")} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		target   string
		relative bool
		broken   bool
	}{
		{"../../README.md", true, false},
		{"../../README.md#top", true, false},
		{"a%20b.md", true, false},
		{"<a b.md>", true, false},
		{"/README.md", true, false},
		{"../protocols", true, false},
		{"missing.md", true, true},
		{"../../../shared/protocols/appwrite.md", true, true},
		{"../../docs/../../outside.md", true, true},
		{"/../outside.md", true, true},
		{"#anchor", false, false},
		{"https://example.com/x.md", false, false},
		{"mailto:someone@example.com", false, false},
	} {
		problem, relative := checkTarget(root, dir, c.target)
		if relative != c.relative || (problem != "") != c.broken {
			t.Errorf("%q: relative %v, problem %q; want relative %v, broken %v", c.target, relative, problem, c.relative, c.broken)
		}
	}
}
