package appwrite

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/appwrite/sdk-for-go/appwrite"
	"github.com/appwrite/sdk-for-go/client"
	"github.com/appwrite/sdk-for-go/query"
)

// TestHostileImpersonationFlow is what the console does, with the full hostile string:
// sign in, find ada, act as her by id, and verify it with $id and impersonatorUserId.
func TestHostileImpersonationFlow(t *testing.T) {
	h := newHarness(t, Options{Knobs: Knobs{Hostile: HostileString()}})
	op := h.operator()
	l := h.list(op, usersPath([]string{q("limit", "", 5)}, "search", "lovelace"))
	if len(l.Users) != 1 || l.Users[0]["$id"] != AdaID {
		t.Fatalf("search lovelace: %v", l.ids())
	}
	if name, _ := l.Users[0]["name"].(string); !strings.HasPrefix(name, "Ada Lovelace") || !strings.Contains(name, ForgedBanner) {
		t.Errorf("listed name %q, want Ada Lovelace followed by the hostile text", truncate(name))
	}
	a := h.account(op, HeaderImpersonateID, AdaID)
	if a["$id"] != AdaID || a["impersonatorUserId"] != OperatorID {
		t.Errorf("acting as ada: $id %v, impersonatorUserId %v", a["$id"], a["impersonatorUserId"])
	}
	if email, _ := a["email"].(string); email != AdaEmail {
		t.Errorf("email %q, want ada's as it is: the identity is spared", truncate(email))
	}
	if name, _ := a["name"].(string); !strings.HasPrefix(name, "Ada Lovelace") || name == "Ada Lovelace" {
		t.Errorf("name %q, want ada's followed by the hostile text", truncate(name))
	}
}

func TestHostileGoSDK(t *testing.T) {
	h := newHarness(t, Options{Knobs: Knobs{Hostile: HostileString()}})
	c := goSDK(t, h, h.operator(), "X-Appwrite-Response-Format", "1.9.0", HeaderImpersonateID, AdaID)
	users := appwrite.NewUsers(c)
	list, err := users.List(users.WithListQueries([]string{query.Limit(5)}), users.WithListSearch("lovelace"))
	if err != nil {
		t.Fatalf("Users.List: %v", err)
	}
	if len(list.Users) != 1 || list.Users[0].Id != AdaID || !strings.HasPrefix(list.Users[0].Name, "Ada Lovelace") {
		t.Fatalf("search lovelace: %+v", list.Users)
	}
	account, err := appwrite.NewAccount(c).Get()
	if err != nil {
		t.Fatalf("Account.Get: %v", err)
	}
	var fields impersonatorFields
	if err := account.Decode(&fields); err != nil {
		t.Fatal(err)
	}
	if account.Id != AdaID || fields.ImpersonatorUserID == nil || *fields.ImpersonatorUserID != OperatorID {
		t.Errorf("account %s, impersonatorUserId %v; want ada by %s", account.Id, fields.ImpersonatorUserID, OperatorID)
	}
	_, err = users.Get("nobody")
	var ae *client.AppwriteError
	if !errors.As(err, &ae) || ae.GetStatusCode() != http.StatusNotFound || !strings.Contains(ae.GetMessage(), ForgedBanner) {
		t.Errorf("unknown user: %v, want a 404 whose message carries the hostile text", err)
	}
}
