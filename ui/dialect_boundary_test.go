package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// appwriteWords are what would mark a string of the shared console as Appwrite's: its
// paths, headers, scopes and error types. They belong in the dialect's Description.
var appwriteWords = []string{"/account", "/v1", "Appwrite", "X-Appwrite", "users.read", "user_", "impersonatorUserId", "$id", "Ada", "prefs"}

// No string literal of ui or session names an Appwrite path, header, scope or error
// type: the console speaks through the dialect's Description.
func TestTheConsoleNamesNoAppwriteString(t *testing.T) {
	for _, dir := range []string{".", "../session"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				for _, w := range appwriteWords {
					if strings.Contains(lit.Value, w) {
						t.Errorf("%s: %s names %q", fset.Position(lit.Pos()), lit.Value, w)
					}
				}
				return true
			})
		}
	}
}

// The root model routes: its file stays small, and the flows live in files of their own.
func TestTheRootModelFileStaysSmall(t *testing.T) {
	src, err := os.ReadFile("app.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(src), "\n"); n > 300 {
		t.Fatalf("app.go has %d lines; the root model routes in at most 300", n)
	}
}

// The session owns the backend: no file of the console names a client type that talks to
// the backend, nor imports a dialect's package.
func TestTheConsoleHoldsNoClient(t *testing.T) {
	clients := map[string]bool{"Backend": true, "Impersonation": true}
	files, _ := filepath.Glob("*.go")
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if strings.HasPrefix(strings.Trim(imp.Path.Value, `"`), "actas/client/") {
				t.Errorf("%s imports %s", path, imp.Path.Value)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok && clients[sel.Sel.Name] {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "client" {
					t.Errorf("%s: names client.%s", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// Screens do not change the console's shared state behind the root's back: only the root's
// files (app*.go) assign to env or set its session; a screen asks through env.post.
func TestOnlyTheRootChangesSharedState(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") || strings.HasPrefix(path, "app") || path == "deps.go" {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && isEnv(sel.X) {
						t.Errorf("%s: a screen sets env.%s", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "setSession" {
					t.Errorf("%s: a screen sets the session", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// isEnv says whether x is a screen's env: s.env, a.env, or a variable named e or env.
func isEnv(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "env"
	case *ast.Ident:
		return x.Name == "e" || x.Name == "env"
	}
	return false
}
