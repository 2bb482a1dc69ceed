package appwrite

import (
	"net/http"

	"actas/demo/internal/netfault"
)

// HeaderHostile carries the hostile text in every response while hostile mode is on.
const HeaderHostile = netfault.HeaderHostile

// wrap buffers what serve writes and passes it on with the hostile text in every JSON
// string and in the headers. Off, it returns serve itself: no buffering, no cost.
func (m hostileMode) wrap(r *http.Request, serve func(http.ResponseWriter)) func(http.ResponseWriter) {
	if !m.on() {
		return serve
	}
	prefsDoc := isPrefsDoc(r)
	return netfault.WrapHostile(serve, func(body []byte) []byte {
		body, _ = m.rewriteJSON(body, prefsDoc)
		return body
	}, m.addHeaders)
}

// isPrefsDoc says whether the whole answer is a preferences object.
func isPrefsDoc(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.URL.Path == "/v1/account/prefs"
}

// addHeaders sets X-Hostile and extends X-Appwrite-Warning; every other header (cookies,
// X-Fallback-Cookies, Content-Type, Retry-After...) is left alone.
func (m hostileMode) addHeaders(h http.Header) {
	v := headerSafe(m.text)
	h.Set(HeaderHostile, v)
	if warn := h.Get("X-Appwrite-Warning"); warn != "" {
		h.Set("X-Appwrite-Warning", warn+v)
	}
}

// headerSafe is s as it can travel in a header value (netfault.HeaderSafe: control bytes
// other than TAB become '?', since Go's client refuses them).
func headerSafe(s string) string { return netfault.HeaderSafe(s) }
