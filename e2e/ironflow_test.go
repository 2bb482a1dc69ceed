package e2e

import (
	"bufio"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ironflow "actas/demo/ironflow"
)

// The Ironflow errand on the one-command demo: sign in as the platform operator, find
// acme, act as it in env_staging, read as it, stop; the platform audit shows what was
// done as the tenant, and the journal has every line with the dialect and environment.
func TestIronflowActAsATenantInAnEnvironment(t *testing.T) {
	bin := build(t)
	home := t.TempDir()
	tm := newTerm(t, 120, 40)
	tm.start(userEnv(home), bin+" --demo --dialect ironflow")
	screen := tm.waitText("› Password")
	if !strings.Contains(screen, ironflow.OperatorEmail) || strings.Contains(screen, "Project") {
		t.Fatalf("login form:\n%s", screen)
	}
	tm.text(ironflow.OperatorPassword)
	tm.keys("Enter")
	tm.waitText("org_globex")

	tm.keys("/")
	tm.text("acme")
	tm.keys("Enter")
	tm.waitFor("the results for acme", func(s string) bool {
		return strings.Contains(s, "Acme Corp") && !strings.Contains(s, "org_globex")
	})
	tm.keys("i")
	tm.waitText("Act as this tenant?")
	tm.text("HELP-4711")
	tm.keys("Enter")
	tm.waitText("Which environment of org_acme?")
	tm.keys("j", "Enter")
	screen = tm.waitText("Acting in env_staging now.")
	if first := strings.SplitN(screen, "\n", 2)[0]; !strings.HasPrefix(first, "IMPERSONATING org_acme in env_staging “Acme Corp”") {
		t.Fatalf("banner: %q", first)
	}
	tm.waitText("Functions (")

	tm.keys("m")
	tm.waitText("Actions as tenant")
	tm.keys("Enter") // Environments
	tm.waitText("Request as tenant")
	tm.keys("Enter") // send it
	tm.waitText("200 OK")

	tm.keys("C-x")
	screen = tm.waitText("Stopped acting as org_acme")
	if strings.HasPrefix(screen, "IMPERSONATING") { // the hostile tenant's name may say it, unstyled, in the list
		t.Fatalf("banner after stop:\n%s", screen)
	}
	tm.keys("a")
	screen = tm.waitText("platform.impersonated")
	if !strings.Contains(screen, "platform.impersonated  org_acme                 200    GET /api/v1/workers · in env_staging") ||
		!strings.Contains(screen, "impersonation.scope") {
		t.Fatalf("audit screen:\n%s", screen)
	}
	tm.keys("q")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}

	f, err := os.Open(filepath.Join(home, ".local", "state", "actas", "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var staged, scoped int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e struct{ Event, Dialect, Target, Scope, Path, Reason string }
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		if e.Dialect != "ironflow" {
			t.Fatalf("a line without the dialect: %s", sc.Text())
		}
		if e.Event == "request" && e.Scope == "env_staging" && e.Path == "/api/v1/environments" && e.Reason == "HELP-4711" {
			staged++
		}
		if e.Event == "impersonation.scope" && e.Target == "org_acme" && e.Scope == "env_staging" {
			scoped++
		}
	}
	if staged == 0 || scoped != 1 {
		t.Fatalf("journal: %d reads in env_staging, %d moves", staged, scoped)
	}
}

// A platform viewer acts as a tenant read-only: w is refused at once, naming the role,
// and nothing is sent.
func TestIronflowViewersWriteIsRefusedUnsent(t *testing.T) {
	bin := build(t)
	srv := ironflow.New(ironflow.Options{Tenants: 50})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	tm := newTerm(t, 120, 40)
	tm.start(userEnv(t.TempDir()), bin+" --dialect ironflow --endpoint "+hs.URL+" --email "+ironflow.ViewerEmail)
	tm.waitText("› Password")
	tm.text(ironflow.ViewerPassword)
	tm.keys("Enter")
	tm.waitText("org_globex")
	tm.keys("i")
	tm.waitText("Act as this tenant?")
	tm.keys("Enter")
	tm.waitText("Which environment of org_acme?")
	tm.keys("Escape")
	tm.waitText("Functions (")
	mark := len(srv.Seen())
	tm.keys("w")
	tm.waitText("role platform_viewer")
	for _, s := range srv.Seen()[mark:] {
		if s.Method != "GET" {
			t.Fatalf("%s %s went out", s.Method, s.Path)
		}
	}
	tm.keys("C-c")
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}
