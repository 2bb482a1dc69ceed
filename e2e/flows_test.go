package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	demo "actas/demo/appwrite"
)

// consoleLine is the command line that runs the console against a demo backend.
func consoleLine(bin, endpoint string) string {
	return bin + " --endpoint " + endpoint + " --project demo --email " + demo.OperatorEmail
}

// signIn types the demo operator's password into the login form and waits for the picker.
func signIn(tm *term) {
	tm.t.Helper()
	tm.waitText("› Password")
	tm.text(demo.OperatorPassword)
	tm.keys("Enter")
	tm.waitFor("the picker", func(s string) bool { return strings.Contains(s, "Search") && strings.Contains(s, "NAME") })
}

// search types q into the picker's search and waits until its results are in: the first
// row holds want, and gone (a user the search does not find) is no longer listed.
func search(tm *term, q, want, gone string) string {
	tm.t.Helper()
	tm.keys("/")
	tm.text(q)
	tm.keys("Enter")
	return tm.waitFor("the first result for "+q+" to be "+want, func(s string) bool {
		return strings.Contains(searchLine(s), q) && strings.Contains(firstRow(s), want) && !strings.Contains(s, gone)
	})
}

// searchLine is the picker's search line.
func searchLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "Search") {
			return l
		}
	}
	return ""
}

// firstRow is the first row of the picker's table, the one under the column titles.
func firstRow(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "NAME ") && i+1 < len(lines) {
			return lines[i+1]
		}
	}
	return ""
}

// actAs presses i on the selected user and enter in the dialog; it returns the dialog as
// it was shown and the first screen of their view.
func actAs(tm *term, loaded string) (dialog, view string) {
	tm.t.Helper()
	tm.keys("i")
	dialog = tm.waitFor("the act-as dialog", func(s string) bool {
		return strings.Contains(s, "Act as this user?") || strings.Contains(s, "Act as?")
	})
	tm.keys("Enter")
	view = tm.waitFor("their view", func(s string) bool {
		return strings.HasPrefix(s, "IMPERSONATING") && strings.Contains(s, loaded)
	})
	return dialog, view
}

// bannerLines are the lines above the console's header ("actas · ..."): the banner.
func bannerLines(screen string) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "actas ·") {
			return out
		}
		out = append(out, strings.TrimRight(l, " "))
	}
	return nil // no header: not a console screen
}

// openRequestConsole opens the actions menu and its last entry, and puts the cursor in
// the Body field.
func openRequestConsole(tm *term) {
	tm.t.Helper()
	tm.keys("m")
	tm.waitText("Request console")
	for range 6 {
		tm.keys("j")
	}
	tm.waitText("› Request console")
	tm.keys("Enter")
	tm.waitText("› Path")
	tm.keys("Tab")
	tm.waitText("› Body")
}

// journal reads the console's journal under home.
func journal(t *testing.T, home string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(home, ".local", "state", "actas", "audit.jsonl"))
	if err != nil {
		t.Fatalf("journal: %v", err)
	}
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e map[string]any
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("journal line %q: %v", sc.Text(), err)
		}
		out = append(out, e)
	}
	return out
}

// renameUser renames a user as an administrator does, with the demo's API key.
func renameUser(t *testing.T, endpoint string, srv *demo.Server, id, name string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"name": name})
	req, _ := http.NewRequest(http.MethodPatch, endpoint+"/v1/users/"+id+"/name", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Appwrite-Key", srv.APIKey())
	req.Header.Set("X-Appwrite-Project", srv.Project())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var u struct{ Name string }
	_ = json.NewDecoder(resp.Body).Decode(&u)
	if resp.StatusCode != http.StatusOK || u.Name != name {
		t.Fatalf("PATCH /v1/users/%s/name: %d, name %q", id, resp.StatusCode, u.Name)
	}
}
