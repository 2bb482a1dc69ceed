package appwrite

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"actas/internal/testenv"
)

// nodeSDK finds node and the installed node-appwrite package under testdata/sdk.
func nodeSDK(t *testing.T) (node, dir string) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sdk"))
	if err != nil {
		t.Fatal(err)
	}
	node, err = exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(dir, "node_modules", "node-appwrite", "package.json"))
	testenv.Require(t, err == nil && modErr == nil, "node-appwrite", "run npm ci --prefix testdata/sdk")
	return node, dir
}

type sdkCheck struct {
	Users struct {
		Total int      `json:"total"`
		IDs   []string `json:"ids"`
	} `json:"users"`
	Account struct {
		ID                 string  `json:"$id"`
		Email              string  `json:"email"`
		Impersonator       *bool   `json:"impersonator"`
		ImpersonatorUserID *string `json:"impersonatorUserId"`
	} `json:"account"`
}

func TestNodeSDKImpersonates(t *testing.T) {
	node, dir := nodeSDK(t)
	srv := New(Options{Users: 500})
	// The SDK talks to the server directly, so the server side checks every response.
	ts := httptest.NewServer(specValidator(t).Handler(t, srv))
	defer ts.Close()
	session := plainLogin(t, ts.URL, OperatorEmail, OperatorPassword)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "impersonate.mjs", ts.URL+"/v1", srv.Project())
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ACTAS_SESSION="+session) // kept off the command line
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node impersonate.mjs: %v\nstderr: %s", err, stderr.String())
	}
	var out map[string]sdkCheck
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output %q: %v", stdout.String(), err)
	}
	for _, how := range []string{"byId", "byEmail"} {
		c, ok := out[how]
		if !ok {
			t.Errorf("%s missing from %s", how, stdout.String())
			continue
		}
		if c.Users.Total == 0 || len(c.Users.IDs) == 0 || len(c.Users.IDs) > 5 || !slices.Contains(c.Users.IDs, AdaID) {
			t.Errorf("%s: users listed %d of %d: %v", how, len(c.Users.IDs), c.Users.Total, c.Users.IDs)
		}
		a := c.Account
		if a.ID != AdaID || a.Email != AdaEmail || a.ImpersonatorUserID == nil || *a.ImpersonatorUserID != OperatorID {
			t.Errorf("%s: account %s <%s>, impersonatorUserId %v; want ada and %q", how, a.ID, a.Email, a.ImpersonatorUserID, OperatorID)
		}
		if a.Impersonator == nil || *a.Impersonator {
			t.Errorf("%s: impersonator %v, want false", how, a.Impersonator)
		}
	}
	if strings.Contains(stdout.String()+stderr.String(), session) {
		t.Error("the script printed the session value")
	}
	var sdkCalls int
	for _, s := range srv.Seen() {
		if s.Impersonating() {
			sdkCalls++
		}
	}
	if sdkCalls != 4 {
		t.Errorf("%d impersonated requests seen, want 4 (list and get, by id and by email)", sdkCalls)
	}
}

func TestNodeSDKReportsAppwriteErrors(t *testing.T) {
	node, dir := nodeSDK(t)
	srv := New(Options{Users: 50})
	ts := httptest.NewServer(specValidator(t).Handler(t, srv))
	defer ts.Close()
	session := plainLogin(t, ts.URL, OperatorEmail, OperatorPassword)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "impersonate.mjs", ts.URL+"/v1", srv.Project())
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ACTAS_SESSION="+session, "ACTAS_TARGET_ID="+BlockedID)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("blocked target: err %v, want exit status 1; stderr %s", err, stderr.String())
	}
	var e struct {
		Code int    `json:"code"`
		Type string `json:"type"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(stderr.Bytes()), &e); err != nil || e.Code != 403 || e.Type != "user_blocked" {
		t.Errorf("stderr %q: want code 403, type user_blocked", stderr.String())
	}
}

// plainLogin signs in with bare net/http and returns the session value.
func plainLogin(t *testing.T, base, email, password string) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"email": email, "password": password})
	req, _ := http.NewRequest("POST", base+"/v1/account/sessions/email", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Appwrite-Project", DefaultProject)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign-in: status %d", resp.StatusCode)
	}
	return fallbackSession(t, &response{header: resp.Header}, DefaultProject)
}
