package client

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckEndpointAccepts(t *testing.T) {
	for _, c := range []struct {
		raw      string
		insecure bool
		want     string
	}{
		{"https://appwrite.example.com/v1", false, "https://appwrite.example.com/v1"},
		{"https://appwrite.example.com:8443", false, "https://appwrite.example.com:8443"},
		{"HTTPS://Appwrite.Example.com/v1", false, "https://Appwrite.Example.com/v1"},
		{"http://localhost:9080/v1", false, "http://localhost:9080/v1"},
		{"http://LOCALHOST/v1", false, "http://LOCALHOST/v1"},
		{"http://127.0.0.1:9080/v1", false, "http://127.0.0.1:9080/v1"},
		{"http://127.255.0.9/v1", false, "http://127.255.0.9/v1"},
		{"http://[::1]:9080/v1", false, "http://[::1]:9080/v1"},
		{"http://[::ffff:127.0.0.1]/v1", false, "http://[::ffff:127.0.0.1]/v1"},
		{"http://appwrite.internal/v1", true, "http://appwrite.internal/v1"},
		{"http://10.0.0.5/v1", true, "http://10.0.0.5/v1"},
		// The query and fragment are dropped: nothing there belongs to an endpoint.
		{"https://a.example.com/v1?key=k#top", false, "https://a.example.com/v1"},
		{"https://a.example.com/v1?", false, "https://a.example.com/v1"},
	} {
		u, err := CheckEndpoint(c.raw, c.insecure)
		if err != nil {
			t.Errorf("CheckEndpoint(%q, %v): %v", c.raw, c.insecure, err)
			continue
		}
		if got := u.String(); got != c.want {
			t.Errorf("CheckEndpoint(%q, %v) = %q; want %q", c.raw, c.insecure, got, c.want)
		}
	}
}

func TestCheckEndpointRefuses(t *testing.T) {
	for _, c := range []struct {
		raw      string
		insecure bool
		want     error
		shown    string // EndpointError.Shown
	}{
		{"", false, ErrEndpointNotHTTP, ""},
		{"appwrite.example.com", false, ErrEndpointNotHTTP, "appwrite.example.com"},
		{"ftp://files.example.com", false, ErrEndpointNotHTTP, "ftp://files.example.com"},
		{"https:///v1", false, ErrEndpointNotHTTP, "https:///v1"},
		{"http://", true, ErrEndpointNotHTTP, "http://"},
		{"http:host/v1", true, ErrEndpointNotHTTP, "http:host/v1"},
		{" https://a.example.com", false, ErrEndpointNotHTTP, " https://a.example.com"},
		{"https://a.example.com\n", false, ErrEndpointNotHTTP, "https://a.example.com\n"},

		// Userinfo, whatever else is right or wrong, and insecure or not.
		{"http://user:secret@127.0.0.1:1/v1", false, ErrEndpointUserinfo, "http://…@127.0.0.1:1/v1"},
		{"https://user:secret@a.example.com/v1", true, ErrEndpointUserinfo, "https://…@a.example.com/v1"},
		{"https://user@a.example.com/v1", false, ErrEndpointUserinfo, "https://…@a.example.com/v1"},
		{"https://@a.example.com/v1", false, ErrEndpointUserinfo, "https://…@a.example.com/v1"},
		{"https://u:p@ss@a.example.com/v1", false, ErrEndpointUserinfo, "https://…@a.example.com/v1"},
		{"https://u:p%40ss@a.example.com/v1?x=1", false, ErrEndpointUserinfo, "https://…@a.example.com/v1"},
		{"HTTPS://u:secret@a.example.com", false, ErrEndpointUserinfo, "HTTPS://…@a.example.com"},
		// Not parseable, yet the password is still hidden.
		{"https://u:se#cret@a.example.com/v1", false, ErrEndpointNotHTTP, "https://…@a.example.com/v1"},
		{"https://u:se%zzcret@a.example.com/v1", false, ErrEndpointNotHTTP, "https://…@a.example.com/v1"},
		{"u:secret@a.example.com/v1", false, ErrEndpointNotHTTP, "…@a.example.com/v1"},
		{"http:/\\u:secret@a.example.com", false, ErrEndpointNotHTTP, "…@a.example.com"},

		// Plain http to a host that is not loopback.
		{"http://appwrite.example.com/v1", false, ErrEndpointPlainHTTP, "http://appwrite.example.com/v1"},
		{"http://10.0.0.5:80/v1?key=k", false, ErrEndpointPlainHTTP, "http://10.0.0.5:80/v1"},
		{"http://127.1/v1", false, ErrEndpointPlainHTTP, "http://127.1/v1"},
		{"http://localhost.example.com/v1", false, ErrEndpointPlainHTTP, "http://localhost.example.com/v1"},
		{"http://[::2]/v1", false, ErrEndpointPlainHTTP, "http://[::2]/v1"},
		{"http://0.0.0.0/v1", false, ErrEndpointPlainHTTP, "http://0.0.0.0/v1"},
	} {
		u, err := CheckEndpoint(c.raw, c.insecure)
		var ee *EndpointError
		if u != nil || !errors.As(err, &ee) || !errors.Is(err, c.want) {
			t.Errorf("CheckEndpoint(%q, %v) = %v, %v; want %v", c.raw, c.insecure, u, err, c.want)
			continue
		}
		if ee.Shown != c.shown {
			t.Errorf("CheckEndpoint(%q): shown %q; want %q", c.raw, ee.Shown, c.shown)
		}
		if msg := err.Error(); strings.Contains(msg, "secret") || strings.Contains(msg, "\n") {
			t.Errorf("CheckEndpoint(%q): error %q shows the password or spans lines", c.raw, msg)
		}
	}
}

func TestEndpointErrorSaysWhatToDo(t *testing.T) {
	_, err := CheckEndpoint("http://u:secret@127.0.0.1:1/v1", false)
	want := `endpoint "http://…@127.0.0.1:1/v1" carries a user name or password: sign in with your own email and password; drop the user:password@ part`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	_, err = CheckEndpoint("http://appwrite.example.com/v1", false)
	want = `endpoint "http://appwrite.example.com/v1" uses plain http to a non-loopback host: the session would travel in clear text; use https, or allow it explicitly with insecure = true in the profile or --insecure`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestEndpointErrorIsShort(t *testing.T) {
	_, err := CheckEndpoint("ftp://"+strings.Repeat("é", 100_000), false)
	if err == nil {
		t.Fatal("accepted")
	}
	if len(err.Error()) > 400 {
		t.Fatalf("error of %d bytes", len(err.Error()))
	}
	if !strings.Contains(err.Error(), "…") {
		t.Errorf("the cut is not marked: %q", err)
	}
}
