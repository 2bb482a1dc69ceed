package mpdx

import (
	"net/http"
	"regexp"
	"strings"
)

// mediaTypeMatcher splits an Accept header into media types as MPDX does (seen), keeping a
// quoted comma inside its media type.
var mediaTypeMatcher = regexp.MustCompile(`.+".+"[^,]*|[^,]+`)

// checkMediaTypes runs before authentication on every request, GET included (seen): the
// Content-Type, up to its first ";", must be exactly the JSON:API media type (415
// otherwise); the Accept header must be absent or list the JSON:API media type exactly
// or something starting with */* (406 otherwise). The real server renders both when both
// are wrong; the demo answers the 415.
func checkMediaTypes(r *http.Request) *apiError {
	contentType, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	if contentType != MediaType {
		return errUnsupportedMediaType
	}
	accept := strings.Join(r.Header.Values("Accept"), ", ")
	if accept == "" {
		return nil
	}
	for _, t := range mediaTypeMatcher.FindAllString(accept, -1) {
		if t = strings.TrimSpace(t); t == MediaType || strings.HasPrefix(t, "*/*") {
			return nil
		}
	}
	return errNotAcceptable
}
