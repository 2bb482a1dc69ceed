package cli

import (
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
