package appwrite

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/appwrite/sdk-for-go/appwrite"
	"github.com/appwrite/sdk-for-go/client"
	"github.com/appwrite/sdk-for-go/query"
)

// goSDK builds an official Go SDK (v1.0.0) client on session, whose responses the spec
// checks. v1.0.0 has no impersonation options and asks for response format 1.8.0, so
// both are set by hand (protocol §5).
func goSDK(t *testing.T, h *harness, session string, kv ...string) client.Client {
	t.Helper()
	c := appwrite.NewClient(appwrite.WithEndpoint(h.url+"/v1"), appwrite.WithProject(h.srv.Project()), appwrite.WithSession(session))
	c.Client = &http.Client{Transport: specValidator(t).Transport(t, nil), Timeout: 30 * time.Second}
	for i := 0; i+1 < len(kv); i += 2 {
		c.AddHeader(kv[i], kv[i+1])
	}
	return c
}

type impersonatorFields struct {
	Impersonator       *bool   `json:"impersonator"`
	ImpersonatorUserID *string `json:"impersonatorUserId"`
}

func TestGoSDKImpersonates(t *testing.T) {
	h := newHarness(t, Options{Users: 500})
	session := h.operator()
	c := goSDK(t, h, session, "X-Appwrite-Response-Format", "1.9.0", HeaderImpersonateID, AdaID)

	users := appwrite.NewUsers(c)
	list, err := users.List(users.WithListQueries([]string{query.Limit(5)}), users.WithListSearch("lovelace"))
	if err != nil {
		t.Fatalf("Users.List: %v", err)
	}
	if list.Total != 1 || len(list.Users) != 1 || list.Users[0].Id != AdaID || list.Users[0].Email != AdaEmail {
		t.Errorf("search lovelace: total %d, %d users", list.Total, len(list.Users))
	}
	var raw struct {
		Users []impersonatorFields `json:"users"`
	}
	if err := list.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.Users) != 1 || raw.Users[0].ImpersonatorUserID != nil || raw.Users[0].Impersonator == nil {
		t.Errorf("listed user: impersonator fields %+v, want impersonator set and impersonatorUserId null", raw.Users)
	}
	all, err := users.List(users.WithListQueries([]string{query.Limit(5), query.Equal("status", true)}))
	if err != nil || len(all.Users) != 5 || all.Total < 400 {
		t.Errorf("Users.List with queries: %v, %+v", err, all)
	}

	account, err := appwrite.NewAccount(c).Get()
	if err != nil {
		t.Fatalf("Account.Get: %v", err)
	}
	if account.Id != AdaID || account.Email != AdaEmail || account.Password != "" {
		t.Errorf("account %s <%s> (password %q), want ada without a password", account.Id, account.Email, account.Password)
	}
	var fields impersonatorFields
	if err := account.Decode(&fields); err != nil {
		t.Fatal(err)
	}
	if fields.ImpersonatorUserID == nil || *fields.ImpersonatorUserID != OperatorID || fields.Impersonator == nil || *fields.Impersonator {
		t.Errorf("impersonator fields %+v, want impersonator false, impersonatorUserId %q", fields, OperatorID)
	}
}

// Without the format header the SDK asks for 1.8.0 and the impersonator fields are gone,
// though the request still runs as the target: a console cannot verify it that way.
func TestGoSDKDefaultFormatHidesImpersonator(t *testing.T) {
	h := newHarness(t, Options{})
	session := h.operator()
	c := goSDK(t, h, session, HeaderImpersonateID, AdaID)

	account, err := appwrite.NewAccount(c).Get()
	if err != nil {
		t.Fatalf("Account.Get: %v", err)
	}
	var m map[string]any
	if err := account.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if account.Id != AdaID {
		t.Errorf("account %s, want ada", account.Id)
	}
	for _, k := range []string{"impersonator", "impersonatorUserId"} {
		if _, ok := m[k]; ok {
			t.Errorf("format 1.8.0: account has %q", k)
		}
	}
	users := appwrite.NewUsers(c)
	list, err := users.List(users.WithListQueries([]string{query.Limit(3)}))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct{ Users []map[string]any }
	if err := list.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	for _, u := range raw.Users {
		if _, ok := u["impersonatorUserId"]; ok {
			t.Errorf("format 1.8.0: user %v has impersonatorUserId", u["$id"])
		}
	}
}

func TestGoSDKErrors(t *testing.T) {
	h := newHarness(t, Options{})
	session := h.operator()
	_, err := appwrite.NewAccount(goSDK(t, h, session, HeaderImpersonateID, BlockedID)).Get()
	var ae *client.AppwriteError
	if !errors.As(err, &ae) || ae.GetStatusCode() != 403 || !strings.Contains(ae.GetResponse(), `"type":"user_blocked"`) {
		t.Errorf("blocked target: %v", err)
	}
	viewer := h.login(ViewerEmail, ViewerPassword)
	users := appwrite.NewUsers(goSDK(t, h, viewer, HeaderImpersonateID, AdaID))
	_, err = users.List()
	if !errors.As(err, &ae) || ae.GetStatusCode() != 401 || !strings.Contains(ae.GetResponse(), "general_unauthorized_scope") {
		t.Errorf("viewer listing users: %v", err)
	}
}
