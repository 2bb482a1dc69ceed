package demo

import (
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// One listener serves every dialect under its prefix.
func TestOneListenerServesTheDialects(t *testing.T) {
	hs := httptest.NewServer(New(Options{}))
	defer hs.Close()
	resp, err := http.Get(hs.URL + "/v1/health/version")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("appwrite under /v1: %v %v", resp, err)
	}
	resp.Body.Close()
	form, ok := SignInFor("appwrite", hs.URL+"/")
	if !ok || form.Endpoint != hs.URL+"/v1" || form.Scope == "" || form.Email == "" || !strings.Contains(form.Hint, form.Password) {
		t.Fatalf("%+v %v", form, ok)
	}
	if _, ok := SignInFor("nosuch", hs.URL); ok {
		t.Fatal("a dialect the demo does not serve")
	}
}

// The demo imports nothing of the console, and no dialect's package imports another's.
func TestDemoImportsNothingOfTheConsole(t *testing.T) {
	dialects := map[string]bool{}
	for _, d := range Dialects() {
		dialects[d] = true
	}
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		own := strings.Split(filepath.ToSlash(path), "/")[0] // the dialect's directory, or a file of demo/
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if !strings.HasPrefix(p, "actas/") {
				continue
			}
			rest, inDemo := strings.CutPrefix(p, "actas/demo/")
			switch {
			case !inDemo:
				t.Errorf("%s imports %s: the demo imports nothing of the console", path, p)
			case dialects[own] && dialects[strings.Split(rest, "/")[0]] && strings.Split(rest, "/")[0] != own:
				t.Errorf("%s imports %s: a dialect never imports another", path, p)
			}
		}
		return nil
	})
}
