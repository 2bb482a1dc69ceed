package appwrite

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// firstUsers lists the first n user documents over the API with the key.
func firstUsers(t *testing.T, opts Options, n int) []map[string]any {
	t.Helper()
	h := newHarness(t, opts)
	l := h.list("", usersPath([]string{q("limit", "", n)}))
	if len(l.Users) != n {
		t.Fatalf("got %d users, want %d", len(l.Users), n)
	}
	// Real password hashes are salted at random; everything else follows from the seed.
	for _, u := range l.Users {
		switch u["$id"] {
		case OperatorID, ViewerID, MFAID:
			delete(u, "password")
		}
	}
	return l.Users
}

func TestSeedIsDeterministic(t *testing.T) {
	a := firstUsers(t, Options{Users: 2000, Seed: 42}, 200)
	b := firstUsers(t, Options{Users: 2000, Seed: 42}, 200)
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("same seed, user %d differs:\n%v\n%v", i, a[i], b[i])
		}
	}
	c := firstUsers(t, Options{Users: 2000, Seed: 43}, 200)
	fixed := len(fixedUsers())
	same := 0
	for i := fixed; i < len(a); i++ {
		if a[i]["$id"] == c[i]["$id"] || a[i]["email"] == c[i]["email"] {
			same++
		}
	}
	if same > 5 {
		t.Errorf("seeds 42 and 43 share %d of %d generated users", same, len(a)-fixed)
	}
	for i := range fixed {
		if a[i]["$id"] != c[i]["$id"] {
			t.Errorf("fixed account %d differs between seeds: %v vs %v", i, a[i]["$id"], c[i]["$id"])
		}
	}
}

func TestFixedAccounts(t *testing.T) {
	h := newHarness(t, Options{Users: 1}) // fewer than the fixed accounts: they are all there anyway
	if n := h.srv.Users(); n != len(fixedUsers()) {
		t.Errorf("Users() = %d, want the %d fixed accounts", n, len(fixedUsers()))
	}
	user := func(id string) map[string]any {
		return h.get("/v1/users/"+id, "", "X-Appwrite-Key", h.srv.APIKey()).wantStatus(t, 200).object(t)
	}
	if ada := user(AdaID); ada["email"] != AdaEmail || ada["phone"] != AdaPhone || ada["status"] != true || ada["impersonator"] != false {
		t.Errorf("ada: %v", ada)
	}
	if m := user(BlockedID); m["status"] != false || m["email"] != BlockedEmail {
		t.Errorf("mallory: status %v, email %v; want blocked", m["status"], m["email"])
	}
	if op := user(OperatorID); op["email"] != OperatorEmail || op["impersonator"] != true {
		t.Errorf("operator: %v", op)
	}
	if v := user(ViewerID); v["impersonator"] != false {
		t.Errorf("viewer is an impersonator")
	}
	if m := user(MFAID); m["mfa"] != true || m["impersonator"] != true {
		t.Errorf("mfa operator: mfa %v impersonator %v", m["mfa"], m["impersonator"])
	}
	if e := user(EscapeID)["name"]; e != EscapeName {
		t.Errorf("escape name over the API %q, want EscapeName %q", e, EscapeName)
	}
	if !utf8.ValidString(EscapeName) || !strings.Contains(EscapeName, "\x1b[") {
		t.Errorf("EscapeName %q must be valid UTF-8 with escape sequences", EscapeName)
	}
	long, _ := user(LongNameID)["name"].(string)
	if n := utf8.RuneCountInString(long); n != 300 || long != strings.TrimSpace(long) {
		t.Errorf("long name has %d characters (want exactly 300) or edge spaces: %q", n, long)
	}
	scripts := map[string]*unicode.RangeTable{
		"yuki": unicode.Han, "wei": unicode.Han, "olga": unicode.Cyrillic, "amina": unicode.Arabic,
		"priya": unicode.Devanagari, "eleni": unicode.Greek, "minjun": unicode.Hangul, "noa": unicode.Hebrew,
	}
	for id, script := range scripts {
		name, _ := user(id)["name"].(string)
		if !strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(script, r) }) {
			t.Errorf("%s's name %q is not in the expected script", id, name)
		}
	}
}

var e164 = regexp.MustCompile(`^\+[1-9]\d{6,14}$`)

// checkSeedUnique checks ids, emails and phones for uniqueness and form.
func checkSeedUnique(t *testing.T, users []user) {
	t.Helper()
	ids := make(map[string]struct{}, len(users))
	emails := make(map[string]struct{}, len(users))
	phones := make(map[string]struct{}, len(users))
	withPhone := 0
	for i := range users {
		u := &users[i]
		for _, f := range []struct {
			seen  map[string]struct{}
			value string
			what  string
		}{{ids, u.id, "id"}, {emails, u.email, "email"}, {phones, u.phone, "phone"}} {
			if f.value == "" {
				continue
			}
			if _, dup := f.seen[f.value]; dup {
				t.Fatalf("user %d: %s %q is taken", i, f.what, f.value)
			}
			f.seen[f.value] = struct{}{}
		}
		if u.email != strings.ToLower(u.email) || strings.Count(u.email, "@") != 1 {
			t.Fatalf("user %d: email %q", i, u.email)
		}
		if u.phone != "" {
			withPhone++
			if !e164.MatchString(u.phone) {
				t.Fatalf("user %d: phone %q is not E.164", i, u.phone)
			}
		}
	}
	if withPhone < len(users)/2 {
		t.Errorf("only %d of %d users have a phone", withPhone, len(users))
	}
}

func TestSeed50kUnique(t *testing.T) {
	t.Parallel()
	users := seedUsers(50_000, 1)
	if len(users) != 50_000 {
		t.Fatalf("%d users", len(users))
	}
	checkSeedUnique(t, users)
}
