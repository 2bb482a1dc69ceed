package netfault

import (
	"net/http"
	"strconv"
)

// HeaderHostile carries the hostile text in every response while hostile mode is on.
const HeaderHostile = "X-Hostile"

// WrapHostile buffers what serve writes and passes it on rewritten: rewrite changes a
// non-empty body, headers the response headers (after the route's are copied; at least
// X-Hostile). Content-Length follows the new body.
func WrapHostile(serve func(http.ResponseWriter), rewrite func(body []byte) []byte, headers func(http.Header)) func(http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		rec := NewBuffer()
		serve(rec)
		body := rec.Bytes()
		if len(body) > 0 {
			body = rewrite(body)
		}
		h := w.Header()
		for k, v := range rec.Header() {
			h[k] = v
		}
		headers(h)
		if h.Get("Content-Length") != "" {
			h.Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.StatusCode())
		_, _ = w.Write(body)
	}
}

// HeaderSafe is s as it can travel in a header value. Go's server sends every byte except
// CR and LF (it writes them as spaces) and trims spaces and tabs at both ends; but Go's
// client (net/textproto) refuses the whole response when a header value holds any other
// control byte, so a raw ESC would break every request rather than test the console. Those
// bytes (0x00–0x08, 0x0a–0x1f, 0x7f) become '?'. What reaches the wire raw: printable
// ASCII, TAB, and every byte 0x80–0xff, that is C1 controls as UTF-8 and as raw 8-bit bytes
// (0x9b CSI, 0x9d OSC...), bidi controls, combining marks, wide characters, invalid UTF-8.
func HeaderSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if (c < 0x20 && c != '\t') || c == 0x7f {
			b[i] = '?'
		}
	}
	return string(b)
}
