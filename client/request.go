package client

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// IsWrite says whether a method changes something: only GET, HEAD and OPTIONS are reads,
// and anything unknown counts as a write.
func IsWrite(method string) bool {
	switch strings.ToUpper(strings.TrimSpace(method)) {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// ValidMethod says whether an operator may send this method as a user.
func ValidMethod(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// RedactPath is RedactURL for a path as an operator typed it ("/x?secret=…").
func RedactPath(p string) string {
	path, query, ok := strings.Cut(p, "?")
	if !ok {
		return p
	}
	return RedactURL(&url.URL{Path: path, RawQuery: query})
}

// CleanPath resolves the dot-segments of a request path ("/a/./b/../c" is "/a/c") and
// refuses a path that would leave the endpoint's base ("/../x"), one with encoded dots or
// backslashes that a server might resolve itself, and one with control characters. The
// query, if any, is kept as it is.
func CleanPath(p string) (string, error) {
	raw, query, hasQuery := strings.Cut(p, "?")
	switch {
	case !strings.HasPrefix(raw, "/"):
		return "", fmt.Errorf("the path must start with / (it is relative to the endpoint)")
	case strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) }):
		return "", fmt.Errorf("the path has a control character")
	case strings.Contains(raw, `\`) || containsFold(raw, "%5c"):
		return "", fmt.Errorf("the path has a backslash, which some servers read as /")
	case containsFold(raw, "%2e") || containsFold(raw, "%2f"):
		return "", fmt.Errorf("the path has an encoded dot or slash (%%2e, %%2f): write it plainly")
	}
	var out []string
	segs := strings.Split(raw[1:], "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) == 0 {
				return "", fmt.Errorf("the path %q leaves the endpoint's base", p)
			}
			out = out[:len(out)-1]
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, seg)
		}
	}
	clean := "/" + strings.Join(out, "/")
	if hasQuery {
		clean += "?" + query
	}
	return clean, nil
}

func containsFold(s, sub string) bool { return strings.Contains(strings.ToLower(s), sub) }
