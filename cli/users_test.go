package cli

import (
	"encoding/json"
	"strings"
	"testing"

	demo "actas/demo/appwrite"
)

func TestUsersSearch(t *testing.T) {
	c := newCLI(t)
	c.mustRun(3, "users", "search", "ada")
	c.login()
	c.mustRun(0, "users", "search", "lovelace")
	if !strings.Contains(c.stdout.String(), "ada@example.com") || !strings.HasPrefix(c.stdout.String(), "ID") {
		t.Fatalf("%s", c.stdout.String())
	}
	c.mustRun(0, "users", "search", "a", "--limit", "3", "--json")
	var page searchJSON
	if err := json.Unmarshal(c.stdout.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Users) != 3 || page.Next == "" || page.Total < 3 || page.Users[0].Labels == nil {
		t.Fatalf("%+v", page)
	}
	c.mustRun(2, "users", "search", "a", "--limit", "0")
}

// The escape-laden user is listed without a single control character, in text and JSON.
func TestUsersSearchIsSafeToPrint(t *testing.T) {
	c := newCLI(t)
	c.login()
	for _, args := range [][]string{{"users", "search", "escape"}, {"users", "search", "escape", "--json"}} {
		c.mustRun(0, args...)
		out := c.stdout.String()
		for _, bad := range []string{"\x1b", "\r", "\b", "\a", "\u009b", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Fatalf("%v: %q reaches the terminal:\n%q", args, bad, out)
			}
		}
	}
	var page searchJSON
	_ = json.Unmarshal(c.stdout.Bytes(), &page)
	if len(page.Users) == 0 || page.Users[0].Name != demo.EscapeName {
		t.Fatalf("the JSON does not keep the data: %+v", page.Users)
	}
}
