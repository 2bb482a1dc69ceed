package client

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// hashFields are Appwrite's, as its dialect names them.
var hashFields = []string{"password", "hash", "hashOptions"}

func TestScrubPasswordFields(t *testing.T) {
	cases := map[string]string{
		`{"$id":"a","password":"$argon2id$x","hash":"argon2","hashOptions":{"type":"argon2"},"name":"A"}`: `{"$id":"a","name":"A"}`,
		`{"total":1,"users":[{"$id":"a","password":"p","prefs":{"hash":"x","ok":1.5}}]}`:                  `{"total":1,"users":[{"$id":"a","prefs":{"ok":1.5}}]}`,
		`[{"hash":null},{"a":[1,2,{"password":""}]}]`:                                                     `[{},{"a":[1,2,{}]}]`,
		`not json`:  `not json`,
		``:          ``,
		`  {"a":1}`: `{"a":1}`,
	}
	for in, want := range cases {
		if got := string(ScrubFields([]byte(in), hashFields)); got != want {
			t.Errorf("%s\n got %s\nwant %s", in, got, want)
		}
	}
	for _, broken := range []string{`{"password":"secret"`, `{"a":1} {"password":"x"}`} {
		if got := string(ScrubFields([]byte(broken), hashFields)); strings.Contains(got, "secret") || strings.Contains(got, "password") {
			t.Errorf("broken JSON %s came back as %s", broken, got)
		}
	}
}

func TestWithoutCredentials(t *testing.T) {
	h := http.Header{}
	h.Set("Set-Cookie", "a_session_demo=v")
	h.Set("X-Fallback-Cookies", `{"a":"v"}`)
	h.Set("X-Appwrite-Session", "v")
	h.Set("Content-Type", "application/json")
	got := WithoutCredentials(h)
	if len(got) != 1 || got.Get("Content-Type") == "" {
		t.Fatalf("got %v", got)
	}
	if h.Get("Set-Cookie") == "" {
		t.Fatal("the original headers were changed")
	}
}

func TestRedactURL(t *testing.T) {
	u, _ := url.Parse("http://h/v1/users?search=ada&secret=s3&jwt=j&impersonateUserId=ada")
	got := RedactURL(u)
	if strings.Contains(got, "s3") || strings.Contains(got, "=j") || !strings.Contains(got, "search=ada") || !strings.Contains(got, "impersonateUserId=ada") {
		t.Fatalf("got %s", got)
	}
}

// Each dialect names its own secrets: an MPDX token is scrubbed like a password hash.
func TestScrubFieldsTakesTheDialectsList(t *testing.T) {
	in := `{"data":{"id":"u1","attributes":{"json_web_token":"eyJhbGciOi.x.y","name":"Ada"}},"included":[{"json_web_token":"eyJ.z"}]}`
	got := string(ScrubFields([]byte(in), []string{"json_web_token"}))
	if strings.Contains(got, "eyJ") || !strings.Contains(got, `"name":"Ada"`) {
		t.Fatalf("got %s", got)
	}
	if got := string(ScrubFields([]byte(in), hashFields)); !strings.Contains(got, "eyJ") {
		t.Fatalf("another dialect's list removed the token: %s", got)
	}
}
