package client

import (
	"errors"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Why an endpoint is refused. An *EndpointError wraps one of them; each reads as the
// end of a sentence that starts with the endpoint.
var (
	ErrEndpointNotHTTP = errors.New("is not an http(s) URL with a host (e.g. https://appwrite.example.com/v1)")
	// A user:password@ in the endpoint would be kept with it: in the journal, the recent
	// profile, command output and the header.
	ErrEndpointUserinfo = errors.New("carries a user name or password: " +
		"sign in with your own email and password; drop the user:password@ part")
	ErrEndpointPlainHTTP = errors.New("uses plain http to a non-loopback host: the session would travel in clear text; " +
		"use https, or allow it explicitly with insecure = true in the profile or --insecure")
)

// EndpointError is a refused endpoint. Shown is safe to print: the endpoint as given,
// with any user:password@ replaced by "…@" and no query or fragment.
type EndpointError struct {
	Shown string
	Err   error // one of the ErrEndpoint* above
}

func (e *EndpointError) Error() string {
	return "endpoint " + strconv.Quote(shorten(e.Shown, shownRunes)) + " " + e.Err.Error()
}

func (e *EndpointError) Unwrap() error { return e.Err }

// shownRunes bounds the endpoint echoed in an error: a pasted blob stays one short line.
const shownRunes = 60

// CheckEndpoint is the one rule for a backend endpoint, wherever it comes from: an
// http or https URL with a host, no user name or password, and plain http only to a
// loopback host unless insecure allows it. The URL is returned without its query and
// fragment (nothing in them belongs to the endpoint, and a key there would be kept
// and shown with it). raw is taken as it is: a caller that wants spaces trimmed
// trims them.
func CheckEndpoint(raw string, insecure bool) (*url.URL, error) {
	refuse := func(why error) (*url.URL, error) {
		return nil, &EndpointError{Shown: redactEndpoint(raw), Err: why}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" {
		return refuse(ErrEndpointNotHTTP)
	}
	if u.User != nil {
		return refuse(ErrEndpointUserinfo)
	}
	if u.Hostname() == "" {
		return refuse(ErrEndpointNotHTTP)
	}
	if u.Scheme == "http" && !insecure && !isLoopbackHost(u.Hostname()) {
		return refuse(ErrEndpointPlainHTTP)
	}
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
	return u, nil
}

// isLoopbackHost says whether host (without port or brackets) is "localhost", an
// address in 127.0.0.0/8 or ::1: traffic to it never leaves the machine. Other
// spellings ("127.1", names ending in .localhost) are not taken on trust.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && addr.Unmap().IsLoopback()
}

// redactEndpoint is raw safe to print. It works on the text, not on a parsed URL, so
// that it also covers what does not parse: userinfo always ends in the last "@", so
// everything before it (after an http(s):// prefix) is replaced; then the query and
// fragment are left out.
func redactEndpoint(raw string) string {
	prefix, rest := "", raw
	for _, scheme := range []string{"http://", "https://"} {
		if len(raw) >= len(scheme) && strings.EqualFold(raw[:len(scheme)], scheme) {
			prefix, rest = raw[:len(scheme)], raw[len(scheme):]
		}
	}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		rest = "…@" + rest[at+1:]
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest = rest[:i]
	}
	return prefix + rest
}

// shorten cuts s to n runes, marking the cut with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// EndpointUnder checks an endpoint URL by CheckEndpoint's rule (plain http only to a
// loopback host unless insecure) and makes its path end in base ("/v1", "/api/v1"), the
// dialect's API root. Surrounding spaces are ignored.
func EndpointUnder(raw, base string, insecure bool) (string, error) {
	u, err := CheckEndpoint(strings.TrimSpace(raw), insecure)
	if err != nil {
		return "", err
	}
	u.Path = strings.TrimRight(u.Path, "/")
	if !strings.HasSuffix(u.Path, base) {
		u.Path += base
	}
	return u.String(), nil
}
