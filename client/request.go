package client

import (
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
