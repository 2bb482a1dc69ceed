package appwrite

import (
	"net/http"
	"strconv"

	"actas/demo/internal/netfault"
)

// HeaderHostile carries the hostile text in every response while hostile mode is on.
const HeaderHostile = "X-Hostile"

// wrap buffers what serve writes and passes it on with the hostile text in every JSON
// string and in the headers. Off, it returns serve itself: no buffering, no cost.
func (m hostileMode) wrap(r *http.Request, serve func(http.ResponseWriter)) func(http.ResponseWriter) {
	if !m.on() {
		return serve
	}
	return func(w http.ResponseWriter) {
		rec := netfault.NewBuffer()
		serve(rec)
		body := rec.Bytes()
		if len(body) > 0 {
			body, _ = m.rewriteJSON(body, isPrefsDoc(r))
		}
		h := w.Header()
		for k, v := range rec.Header() {
			h[k] = v
		}
		m.addHeaders(h)
		if h.Get("Content-Length") != "" {
			h.Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.StatusCode())
		_, _ = w.Write(body)
	}
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

// headerSafe is s as it can travel in a header value. Go's server sends every byte except
// CR and LF (it writes them as spaces) and trims spaces and tabs at both ends; but Go's
// client (net/textproto) refuses the whole response when a header value holds any other
// control byte, so a raw ESC would break every request rather than test the console. Those
// bytes (0x00–0x08, 0x0a–0x1f, 0x7f) become '?'. What reaches the wire raw: printable
// ASCII, TAB, and every byte 0x80–0xff, that is C1 controls as UTF-8 and as raw 8-bit bytes
// (0x9b CSI, 0x9d OSC...), bidi controls, combining marks, wide characters, invalid UTF-8.
func headerSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			b[i] = '?'
		}
	}
	return string(b)
}
