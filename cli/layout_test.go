package cli

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// main only wires: the repository's root holds main.go and no other Go file.
func TestTheRootHoldsOnlyMain(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "*.go"))
	if len(files) != 1 || filepath.Base(files[0]) != "main.go" {
		t.Fatalf("Go files at the root: %v, want only main.go", files)
	}
}

// Each command lives in a file named for it, which defines its constructor.
func TestEachCommandHasItsOwnFile(t *testing.T) {
	root := rootCommand(defaultEnvForLayout())
	for _, cmd := range root.Commands() {
		name := cmd.Name()
		if name == "help" || name == "completion" || strings.HasPrefix(name, "__") {
			continue // cobra's own
		}
		src, err := os.ReadFile(name + ".go")
		if err != nil {
			t.Fatalf("command %s: %v", name, err)
		}
		if !strings.Contains(string(src), "func "+name+"Command(") {
			t.Fatalf("%s.go does not define %sCommand", name, name)
		}
	}
}

func defaultEnvForLayout() *cliEnv { return &cliEnv{getenv: func(string) string { return "" }} }

// The commands get their backend through main's table: no file of the command line names
// a dialect's package.
func TestTheCommandLineNamesNoDialect(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p := strings.Trim(imp.Path.Value, `"`); strings.HasPrefix(p, "actas/client/") {
				t.Errorf("%s imports %s", path, p)
			}
		}
	}
}

func TestAnUnknownOrMissingDialectIsAUsageError(t *testing.T) {
	c := newCLI(t)
	c.mustRun(2, "whoami", "--dialect", "ironflow", "--endpoint", c.url, "--project", "demo", "--email", "a@b.c")
	if !strings.Contains(c.stderr.String(), "dialect ironflow is not supported yet") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	c.vars["ACTAS_DIALECT"] = "parse"
	c.mustRun(2, "users", "search", "ada", "--endpoint", c.url, "--project", "demo", "--email", "a@b.c")
	if !strings.Contains(c.stderr.String(), `unknown dialect "parse" (supported: appwrite)`) {
		t.Fatalf("stderr %q", c.stderr.String())
	}
	delete(c.vars, "ACTAS_DIALECT")
	c.writeConfig("[profiles.x]\ndialect = \"mpdx\"\nendpoint = \"" + c.url + "\"\n")
	c.mustRun(2, "--profile", "x", "whoami")
	if !strings.Contains(c.stderr.String(), "config.toml:2: profiles.x.dialect: dialect mpdx is not supported yet") {
		t.Fatalf("stderr %q", c.stderr.String())
	}
}
