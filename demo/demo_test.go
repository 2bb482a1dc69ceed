package demo

import (
	"bytes"
	"encoding/json"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"actas/demo/ironflow"
	"actas/demo/mpdx"
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

// Ironflow answers under /api/v1/ and its ConnectRPC prefix on the same listener; Appwrite
// keeps everything else.
func TestIronflowBesideAppwrite(t *testing.T) {
	s := New(Options{Ironflow: ironflow.Options{Tenants: 30}})
	hs := httptest.NewServer(s)
	defer hs.Close()
	form, ok := SignInFor("ironflow", hs.URL+"/")
	if !ok || form.Endpoint != hs.URL+"/api/v1" || form.Scope != "" || form.Email != ironflow.OperatorEmail ||
		form.Password != ironflow.OperatorPassword || !strings.Contains(form.Hint, ironflow.ViewerPassword) ||
		!strings.Contains(form.Hint, ironflow.AdminEmail) || !strings.Contains(form.Hint, ironflow.InactiveEmail) {
		t.Fatalf("%+v %v", form, ok)
	}
	body, _ := json.Marshal(map[string]string{"email": form.Email, "password": form.Password})
	resp, err := http.Post(form.Endpoint+"/platform/auth/login", "application/json", bytes.NewReader(body))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("ironflow login: %v %v", resp, err)
	}
	resp.Body.Close()
	for path, want := range map[string]int{
		"/api/v1/platform/tenants":              http.StatusUnauthorized, // Ironflow's
		"/ironflow.v1.IronflowService/ListRuns": http.StatusUnauthorized,
		"/v1/health/version":                    http.StatusOK, // Appwrite's
		"/nosuch":                               http.StatusNotFound,
	} {
		resp, err := http.Get(hs.URL + path)
		if err != nil || resp.StatusCode != want {
			t.Errorf("%s: %v %v, want %d", path, resp, err, want)
			continue
		}
		var m map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&m)
		resp.Body.Close()
		if _, appwriteShape := m["type"]; appwriteShape != (path == "/nosuch") {
			t.Errorf("%s answered by the wrong dialect: %v", path, m)
		}
	}
	raw, _ := json.Marshal(s.Info(hs.URL))
	var info map[string]map[string]any
	_ = json.Unmarshal(raw, &info)
	if info["appwrite"]["endpoint"] != hs.URL+"/v1" || info["ironflow"]["endpoint"] != hs.URL+"/api/v1" {
		t.Errorf("info %s", raw)
	}
	if d := s.Describe(hs.URL); !strings.Contains(d, s.Appwrite.APIKey()) || !strings.Contains(d, s.Ironflow.OperatorKey()) {
		t.Errorf("describe:\n%s", d)
	}
	if !slices.Equal(Dialects(), []string{"appwrite", "ironflow", "mpdx"}) {
		t.Errorf("dialects %v", Dialects())
	}
}

// Options.Knobs reach every dialect whose own knobs are zero; SetKnobs reaches all.
func TestSharedKnobs(t *testing.T) {
	s := New(Options{Knobs: Knobs{Hostile: "!"}, Ironflow: ironflow.Options{Tenants: 10}, Mpdx: mpdx.Options{Members: 10}})
	if !s.Appwrite.Info("").Hostile || !s.Ironflow.Info("").Hostile || !s.Mpdx.Info("").Hostile {
		t.Error("shared knobs did not reach every dialect")
	}
	s.SetKnobs(Knobs{})
	if s.Appwrite.Info("").Hostile || s.Ironflow.Info("").Hostile || s.Mpdx.Info("").Hostile {
		t.Error("SetKnobs did not reach every dialect")
	}
	// A dialect's own knobs win over the shared ones.
	s = New(Options{Knobs: Knobs{Hostile: "!"}, Mpdx: mpdx.Options{Members: 10, Knobs: Knobs{Latency: 1}}})
	if s.Mpdx.Info("").Hostile || !s.Appwrite.Info("").Hostile {
		t.Error("the dialect's own knobs")
	}
}

// MPDX answers under /api/v2/ on the same listener; its form names the organization.
func TestMpdxBesideTheOthers(t *testing.T) {
	s := New(Options{Ironflow: ironflow.Options{Tenants: 10}, Mpdx: mpdx.Options{Members: 50}})
	hs := httptest.NewServer(s)
	defer hs.Close()
	form, ok := SignInFor("mpdx", hs.URL+"/")
	if !ok || form.Endpoint != hs.URL+"/api/v2" || form.Scope != mpdx.CruDemoID || form.Email != mpdx.OrgAdminEmail ||
		form.Password != mpdx.OrgAdminPassword || !strings.Contains(form.Hint, mpdx.DefaultOperatorToken) ||
		!strings.Contains(form.Hint, mpdx.MemberEmail) || !strings.Contains(form.Hint, mpdx.MemberPassword) {
		t.Fatalf("%+v %v", form, ok)
	}
	get := func(path, token string) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, hs.URL+path, nil)
		req.Header.Set("Content-Type", mpdx.MediaType)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := get("/api/v2/user", s.Mpdx.OperatorToken()); r.StatusCode != 200 || r.Header.Get("Content-Type") != mpdx.ContentType {
		t.Errorf("mpdx /api/v2/user: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	for path, want := range map[string]string{"/api/v2": mpdx.ContentType, "/api/v2/nosuch": mpdx.ContentType,
		"/api/v1/platform/tenants": "application/json", "/api/v3": "application/json"} {
		if r := get(path, ""); !strings.HasPrefix(r.Header.Get("Content-Type"), want) || r.StatusCode < 400 {
			t.Errorf("%s: %d %s, want %s", path, r.StatusCode, r.Header.Get("Content-Type"), want)
		}
	}
	raw, _ := json.Marshal(s.Info(hs.URL))
	var info map[string]map[string]any
	_ = json.Unmarshal(raw, &info)
	if info["mpdx"]["endpoint"] != hs.URL+"/api/v2" || info["mpdx"]["operatorToken"] != mpdx.DefaultOperatorToken {
		t.Errorf("info %s", raw)
	}
	if d := s.Describe(hs.URL); !strings.Contains(d, mpdx.DefaultOperatorToken) || !strings.Contains(d, hs.URL+"/api/v2") {
		t.Errorf("describe:\n%s", d)
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
