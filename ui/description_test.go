package ui

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"actas/client"
	"actas/client/appwrite"
	demo "actas/demo/appwrite"
	"actas/ui/sanitize"
)

// Another dialect's words reach the screens: its noun in titles, its way of naming a
// subject in the prompt, its columns in the picker.
func TestScreensSpeakTheDialectsWords(t *testing.T) {
	w := newWorld(t)
	d := w.deps.Description
	d.Subject = client.Noun{One: "tenant", Many: "tenants"}
	var parsed []string
	d.Targets = client.TargetWords{Example: "org_acme", Ways: "id", Hint: "a tenant id (org_…)",
		Parse: func(typed string) (client.Target, error) {
			parsed = append(parsed, typed)
			if !strings.HasPrefix(typed, "org_") {
				return client.Target{}, errors.New("not a tenant id")
			}
			return client.Target{Kind: client.ByID, Value: typed}, nil
		}}
	d.SearchHint = "tenant name or id"
	d.Columns = []client.Column{{Title: "TENANT", Field: client.ColID, Min: 12}, {Title: "TITLE", Field: client.ColName, Min: 16}}
	w.deps.Description = d
	h := newHarness(t, w.deps, 120, 40)
	h.signIn()
	screen := h.screen()
	for _, want := range []string{"Tenants", "TENANT", "TITLE", "tenant name or id"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("picker lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "EMAIL") {
		t.Fatalf("a user's column in a tenant picker:\n%s", screen)
	}
	h.press(keys.Picker.ImpersonateBy)
	h.untilScreen("Act as a tenant named by id")
	h.press(keys.Prompt.Submit)
	h.untilScreen("Type a tenant id (org_…).")
	// The dialect's parser reads what is typed: a +number is not a phone to a tenant dialect.
	h.typeText("+14155550100")
	h.press(keys.Prompt.Submit)
	h.untilScreen("That is not a tenant id (org_…).")
	if strings.Contains(h.screen(), "Phone numbers") || !slices.Contains(parsed, "+14155550100") {
		t.Fatalf("parsed %q:\n%s", parsed, h.screen())
	}
}

// Appwrite's details are the user facts; another dialect's lines show its facts, made safe.
func TestDetailsShowTheDialectsFacts(t *testing.T) {
	if !reflect.DeepEqual(appwrite.Dialect{}.Describe().Facts, userFacts) {
		t.Fatal("Appwrite's Description and the user facts differ")
	}
	s := client.Subject{ID: "org_acme", Name: "Acme Corp", Facts: map[string]string{"environments": "env_default\x1b]0;x\x07"}}
	lines := []client.FactLine{{Label: "Tenant", Field: client.FactID}, {Label: "Environments", Field: client.FactOf, Key: "environments"},
		{Label: "Plan", Field: client.FactOf, Key: "plan"}}
	got := subjectFacts(s, time.Now(), lines, "tenant")
	if len(got) != 3 || got[0].label != "Tenant" || got[0].value != "org_acme" || !strings.HasPrefix(string(got[1].value), "env_default") ||
		strings.ContainsRune(string(got[1].value), 0x1b) || got[2].value != "none" {
		t.Fatalf("%+v", got)
	}
}

// tokenSignIn is a backend whose operators sign in with a pasted token: it hands on what
// the form gave it, and signs in to the demo as its operator.
type tokenSignIn struct {
	client.Backend
	got *client.Credentials
}

func (b tokenSignIn) Login(ctx context.Context, cred client.Credentials) (client.Operator, error) {
	*b.got = cred
	return b.Backend.Login(ctx, client.Credentials{Email: demo.OperatorEmail, Password: demo.OperatorPassword})
}

// The login form asks for the dialect's sign-in fields: a token, hidden as it is typed,
// reaches the backend as one; the session is kept under the email the backend named.
func TestTheLoginFormAsksForTheDialectsFields(t *testing.T) {
	w := newWorld(t)
	w.deps.Description.SignIn = []client.SignInField{{Label: "API token", Placeholder: "paste it", Credential: client.CredToken}}
	var got client.Credentials
	open := w.deps.Open
	w.deps.Open = func(endpoint, scope string) (client.Backend, error) {
		b, err := open(endpoint, scope)
		return tokenSignIn{b, &got}, err
	}
	w.deps.Login.Email = ""
	h := newHarness(t, w.deps, 120, 40)
	login := h.m.top().(*loginScreen)
	if login.focus != fieldSignIn || !strings.Contains(h.screen(), "API token") || strings.Contains(h.screen(), "Password") {
		t.Fatalf("focus %d\n%s", login.focus, h.screen())
	}
	h.typeText("tok-123-secret ")
	if strings.Contains(h.screen(), "tok-123") {
		t.Fatalf("the token shows:\n%s", h.screen())
	}
	h.press(keys.Login.Submit)
	h.until("the picker", func(m Model) bool { _, ok := m.stack[0].(*picker); return ok })
	if got.Token != "tok-123-secret" || got.Email != "" || got.Password != "" {
		t.Fatalf("credentials %+v", got)
	}
	if h.m.env.profile.Email != demo.OperatorEmail {
		t.Fatalf("kept under %q", h.m.env.profile.Email)
	}
}

// A refused sign-in names the dialect's fields.
func TestAWrongSignInNamesTheDialectsFields(t *testing.T) {
	if got := wrongWhat(appwrite.Dialect{}.Describe().SignInFields()); got != "email or password" {
		t.Errorf("appwrite: %q", got)
	}
	if got := wrongWhat([]client.SignInField{{Label: "API token", Credential: client.CredToken}}); got != "API token" {
		t.Errorf("token: %q", got)
	}
}

// A dialect's own sections show instead of a user's sessions and activity, made safe.
func TestTheSubjectsViewShowsTheDialectsSections(t *testing.T) {
	secs := []client.Section{
		{Title: "Environments", Rows: [][]string{{"env_default", "Default\x1b[31m"}, {"env_staging", ""}}, More: true},
		{Title: "Workers"},
	}
	raw := string(sanitize.Join(sectionLines(NewStyles(true), secs, 60), "\n"))
	got := ansi.Strip(raw)
	for _, want := range []string{"Environments (2+)", "env_default · Default", "  env_staging", "Workers (0)", "none"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(raw, "\x1b[31m") {
		t.Errorf("an escape from server text:\n%q", raw)
	}
}

// A dialect that names nothing besides the endpoint has no scope field: the form skips it,
// asks for nothing more, and the header names no scope.
func TestADialectWithoutAScopeAsksForNone(t *testing.T) {
	w := newWorld(t)
	w.deps.Description.Scope = client.Field{}
	w.deps.Login.Project = ""
	open := w.deps.Open
	var scopes []string
	w.deps.Open = func(endpoint, scope string) (client.Backend, error) {
		scopes = append(scopes, scope)
		return open(endpoint, demo.DefaultProject) // the Appwrite demo needs one; the form gives none
	}
	h := newHarness(t, w.deps, 120, 40)
	if strings.Contains(h.screen(), "Project") {
		t.Fatalf("a scope field:\n%s", h.screen())
	}
	h.press(keys.Login.Prev)
	h.press(keys.Login.Prev)
	if got := h.m.top().(*loginScreen).focus; got != fieldEndpoint {
		t.Fatalf("two back from the password: field %d", got)
	}
	h.press(keys.Login.Next)
	h.press(keys.Login.Next)
	h.signIn()
	if len(scopes) != 1 || scopes[0] != "" {
		t.Fatalf("opened with %q", scopes)
	}
	if hdr := strings.SplitN(h.screen(), "\n", 2)[0]; strings.Contains(hdr, "(") {
		t.Fatalf("header names a scope: %q", hdr)
	}
}

// A backend's record of an impersonated request shows whom, what, where and how it went.
func TestABackendsImpersonatedRequestRow(t *testing.T) {
	r := remoteRow(client.AuditEntry{Event: "platform.impersonated", ActorID: "puser_operator", Target: "org_acme", Scope: "env_staging",
		Method: "GET", Path: "/api/v1/functions", Status: 200})
	if r.target != "org_acme" || r.status != "200" || r.what != "GET /api/v1/functions · in env_staging · by puser_operator" {
		t.Fatalf("%+v", r)
	}
}
