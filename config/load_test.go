package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// writeConfig writes content to a config.toml of its own and returns its path.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadFullExample(t *testing.T) {
	path := filepath.Join("testdata", "example.toml")
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Profile{
		"production": {
			Name: "production", Dialect: "appwrite", Endpoint: "https://appwrite.example.com/v1",
			Project: "prod-project", Email: "me@example.com", Label: "PRODUCTION", Color: "#FF0000",
			ReadOnly: true, RequireReason: true, AllowImpersonatingOperators: false,
			IdleTimeout: 15 * time.Minute, MaxDuration: 60 * time.Minute,
		},
		"staging": {
			Name: "staging", Dialect: "appwrite", Endpoint: "https://staging.example.com/v1",
			Project: "staging-project", Label: "STAGING", Color: "#00AA55",
			IdleTimeout: 0, MaxDuration: 2 * time.Hour,
		},
	}
	if f.Path != path || f.DefaultProfile != "staging" {
		t.Errorf("Path, DefaultProfile = %q, %q; want %q, %q", f.Path, f.DefaultProfile, path, "staging")
	}
	if !reflect.DeepEqual(f.Profiles, want) {
		t.Errorf("Profiles =\n%+v\nwant\n%+v", f.Profiles, want)
	}
}

// The example in the package documentation is the one loaded above.
func TestDocExampleIsTestdata(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join("testdata", "example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var block []string
	in := false
	for _, line := range strings.Split(string(doc), "\n") {
		switch {
		case strings.HasSuffix(line, "A complete example:"):
			in = true
		case !in:
		case line == "//":
			block = append(block, "")
		case strings.HasPrefix(line, "//\t"):
			block = append(block, strings.TrimPrefix(line, "//\t"))
		default:
			in = false
		}
		if !in && block != nil {
			break
		}
	}
	got := strings.TrimSpace(strings.Join(block, "\n"))
	if got != strings.TrimSpace(string(example)) {
		t.Errorf("doc.go's example differs from testdata/example.toml:\n%s", got)
	}
}

func TestLoadMissingFileIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "config.toml")
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Path != path || f.DefaultProfile != "" || f.Profiles == nil || len(f.Profiles) != 0 {
		t.Errorf("Load(missing) = %+v; want an empty File", f)
	}
}

func TestLoadUnreadableFileIsAnError(t *testing.T) {
	path := t.TempDir() // a directory cannot be read as a file
	f, err := Load(path)
	want := "config " + path + ": cannot read: is a directory"
	if err == nil || err.Error() != want || f != nil {
		t.Errorf("Load(dir) = %v, %v; want nil, %q", f, err, want)
	}
}

func TestLoadDefaults(t *testing.T) {
	f, err := Load(writeConfig(t, "[profiles.dev]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{Name: "dev", Dialect: "appwrite", Label: "DEV", IdleTimeout: 15 * time.Minute, MaxDuration: 60 * time.Minute}
	if got := f.Profiles["dev"]; got != want {
		t.Errorf("dev = %+v; want %+v", got, want)
	}
}

// Dotted keys and inline tables mean the same as [profiles.NAME] tables.
func TestLoadOtherTOMLForms(t *testing.T) {
	for _, doc := range []string{
		"profiles.dev.endpoint = \"http://localhost:8080/v1\"\nprofiles.dev.read_only = true\n",
		"[profiles]\ndev = { endpoint = \"http://localhost:8080/v1\", read_only = true }\n",
	} {
		f, err := Load(writeConfig(t, doc))
		if err != nil {
			t.Fatal(err)
		}
		if p := f.Profiles["dev"]; p.Endpoint != "http://localhost:8080/v1" || !p.ReadOnly {
			t.Errorf("%q: dev = %+v", doc, p)
		}
	}
}

func TestLoadColors(t *testing.T) {
	for in, want := range map[string]string{
		"red": "#FF0000", "Orange": "#FFA500", "yellow": "#FFFF00", "green": "#008000", "blue": "#0000FF",
		"magenta": "#FF00FF", "cyan": "#00FFFF", "gray": "#808080", "grey": "#808080",
		"#a1b2c3": "#A1B2C3", "": "",
	} {
		f, err := Load(writeConfig(t, "[profiles.p]\ncolor = \""+in+"\"\n"))
		if err != nil {
			t.Errorf("color %q: %v", in, err)
			continue
		}
		if got := f.Profiles["p"].Color; got != want {
			t.Errorf("color %q = %q; want %q", in, got, want)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	t.Cleanup(xdg.Reload) // after the environment is restored
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	if got, want := DefaultPath(), filepath.Join(dir, "actas", "config.toml"); got != want {
		t.Errorf("DefaultPath() = %q; want %q", got, want)
	}
}

// The dialects a profile may name are the binary's (main's table).
func TestDialectsComeFromTheTable(t *testing.T) {
	path := writeConfig(t, "[profiles.a]\ndialect = \"ironflow\"\n")
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), ":2: profiles.a.dialect: dialect ironflow is not supported yet") {
		t.Fatalf("appwrite alone: %v", err)
	}
	f, err := Load(path, "appwrite", "ironflow")
	if err != nil || f.Profiles["a"].Dialect != "ironflow" {
		t.Fatalf("with ironflow: %+v %v", f, err)
	}
	if _, err := Load(path, "appwrite", "mpdx"); err == nil || !strings.Contains(err.Error(), "not supported yet") {
		t.Fatalf("without ironflow: %v", err)
	}
}
