package client

import (
	"strings"
	"testing"
)

func TestCleanPathResolvesDotSegments(t *testing.T) {
	good := map[string]string{
		"/account":                 "/account",
		"/account/./prefs":         "/account/prefs",
		"/account/x/../prefs":      "/account/prefs",
		"/account/prefs/.":         "/account/prefs/",
		"/v1/account/..":           "/v1/",
		"/account?q=../x":          "/account?q=../x",
		"/users/a..b":              "/users/a..b",
		"/account/sessions/":       "/account/sessions/",
		"/a/b/../../account?x=1&y": "/account?x=1&y",
	}
	for in, want := range good {
		if got, err := CleanPath(in); err != nil || got != want {
			t.Errorf("CleanPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"/../../x", "/..", "/account/../../x", "/%2e%2e/x", "/%2E./x", "/a%2fb", `/a\..\x`, "/a\nb", "account", "/a\u009bb"} {
		if got, err := CleanPath(bad); err == nil {
			t.Errorf("CleanPath(%q) = %q, accepted", bad, got)
		}
	}
}

// A target with control or invisible characters is a usage error that says which, not a
// header the transport refuses later ("backend unreachable").
func TestParseTargetRefusesHiddenCharacters(t *testing.T) {
	for _, bad := range []string{"ada\nX-Evil: 1", "ada\x00", "ada\u202e@example.com", "ada\u200b", "ada\xff", "ad\u0085a"} {
		_, err := ParseTarget(bad)
		if err == nil || !strings.Contains(err.Error(), "invisible or control character (U+") {
			t.Errorf("%q: %v", bad, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\n\x00\u202e\u200b") {
			t.Errorf("%q: the error carries the character itself: %q", bad, err)
		}
	}
}
