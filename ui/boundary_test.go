package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Server text can reach the terminal only through sanitize: screens draw sanitize.Safe,
// and these rules, checked on the source, keep every other way shut:
//   - nothing outside package sanitize converts a non-constant to sanitize.Safe;
//   - sanitize.Styled, which keeps SGR styling, only takes a widget's own View output;
//   - only the root's View turns the frame into a tea.View or sets the window title;
//   - the clipboard gets only what a string(...) conversion makes of safe text; nothing
//     prints around the renderer; no alias of sanitize.Safe hides a conversion.
func TestServerTextHasOneWayToTheScreen(t *testing.T) {
	views := map[string]bool{"View": true, "ShortHelpView": true, "FullHelpView": true}
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path == filepath.Join(".", "sanitize") || d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		root := filepath.Base(path) == "app_view.go"
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if isSelector(n.Type, "tea", "View") && !root {
					t.Errorf("%s: a tea.View outside the root's View", fset.Position(n.Pos()))
				}
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if s, ok := lhs.(*ast.SelectorExpr); ok && s.Sel.Name == "WindowTitle" && !root {
						t.Errorf("%s: the window title set outside the root's View", fset.Position(n.Pos()))
					}
				}
			case *ast.TypeSpec:
				if n.Assign.IsValid() && isSelector(n.Type, "sanitize", "Safe") {
					t.Errorf("%s: an alias of sanitize.Safe", fset.Position(n.Pos()))
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := fset.Position(call.Pos())
			switch {
			case isSelector(call.Fun, "sanitize", "Safe"):
				if _, constant := call.Args[0].(*ast.BasicLit); !constant {
					t.Errorf("%s: converts a value to sanitize.Safe: make it safe with sanitize.Text", at)
				}
			case isSelector(call.Fun, "sanitize", "Styled"):
				inner, ok := call.Args[0].(*ast.CallExpr)
				sel, isSel := ast.Node(nil), false
				if ok {
					if s, ok := inner.Fun.(*ast.SelectorExpr); ok && views[s.Sel.Name] {
						sel, isSel = s, true
					}
				}
				if !isSel || sel == nil {
					t.Errorf("%s: sanitize.Styled takes only a widget's View(): server text goes through sanitize.Text", at)
				}
			case isSelector(call.Fun, "tea", "NewView"):
				if !root {
					t.Errorf("%s: only the root's View makes the frame", at)
				}
			case isSelector(call.Fun, "tea", "Printf"), isSelector(call.Fun, "tea", "Println"):
				t.Errorf("%s: printing around the renderer", at)
			case isSelector(call.Fun, "tea", "SetClipboard"):
				conv, ok := call.Args[0].(*ast.CallExpr)
				if ok {
					fn, isIdent := conv.Fun.(*ast.Ident)
					ok = isIdent && fn.Name == "string"
				}
				if !ok {
					t.Errorf("%s: the clipboard takes string(safe text) only", at)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("only %d files checked", files)
	}
}

func isSelector(e ast.Expr, pkg, name string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != name {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == pkg
}
